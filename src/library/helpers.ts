import type { HelperOptions } from 'handlebars';
import { blankToken, refToken } from '../render/tokens.js';
import { joinList } from '../render/view.js';

/**
 * The only helpers clause templates can call. They are pure functions of their arguments and the
 * view: no file, network or environment access, so a drafter's clause file is data, not code.
 * Voice helpers make one template serve binding and non-binding instruments.
 */
type Root = { binding: boolean; form: string; areas: { id: string }[] };
const root = (o: HelperOptions) => (o.data as { root: Root }).root;
const voice = (binding: string, nonBinding: string) => (o: HelperOptions) => (root(o).binding ? binding : nonBinding);

const NUMBER_WORDS = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function numberWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) return String(n);
  if (n <= 20) return NUMBER_WORDS[n]!;
  if (n < 100) return TENS[Math.floor(n / 10)]! + (n % 10 ? `-${NUMBER_WORDS[n % 10]}` : '');
  const rest = n % 100;
  return `${NUMBER_WORDS[Math.floor(n / 100)]} hundred${rest ? ` and ${numberWords(rest)}` : ''}`;
}

/** `2027-03-15` -> `15 March 2027`; no clock, no locale. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

const isOptions = (x: unknown): x is HelperOptions => typeof x === 'object' && x !== null && 'hash' in x && 'data' in x;
const args = (xs: unknown[]) => xs.filter((x) => !isOptions(x));

export const HELPERS: Record<string, (...xs: any[]) => unknown> = {
  shall: voice('shall', 'will'),
  Shall: voice('Shall', 'Will'),
  Party: voice('Party', 'Participant'),
  Parties: voice('Parties', 'Participants'),
  agree: voice('agree', 'intend'),
  agrees: voice('agrees', 'intends'),
  'enter-into-force': voice('enter into force', 'come into effect'),
  'enters-into-force': voice('enters into force', 'comes into effect'),
  'entry-into-force': voice('entry into force', 'coming into effect'),
  'in-force': voice('in force', 'in effect'),
  /** A cross-reference to the article of a topic, resolved to "Article N" after numbering. */
  ref: (topic: unknown) => refToken(String(topic)),
  /** Several cross-references as treaties write them: "Articles 12, 14 and 17", in article order; a list of topics may be passed as one array. */
  refs: (...xs: unknown[]) => refToken(args(xs).flat().map(String).join(',')),
  /** A visible blank that the drafting notes list as an open point. */
  blank: (path: unknown) => blankToken(String(path)),
  /** "A, B and C"; `{{list parties "label"}}` picks a property of each item; `conj="or"`. */
  list: (items: unknown, ...rest: unknown[]) => {
    const o = rest[rest.length - 1] as HelperOptions;
    const prop = args(rest)[0] as string | undefined;
    const xs = (Array.isArray(items) ? items : []).map((x) => String(prop ? (x as Record<string, unknown>)[prop] : x));
    return joinList(xs, (o.hash?.conj as string | undefined) ?? 'and');
  },
  /**
   * A period or quantity: "ten" in treaty forms (treaty texts write numbers in words only), "ten (10)"
   * in a contract, where the doubled numeral is commercial practice.
   */
  count: (n: unknown, o: HelperOptions) => (root(o).form === 'contract' ? `${numberWords(Number(n))} (${Number(n)})` : numberWords(Number(n))),
  /** "agree" in a binding text, "jointly decide" in a memorandum (which records no agreement). */
  decide: voice('agree', 'jointly decide'),
  /** "agreed" / "jointly decided". */
  decided: voice('agreed', 'jointly decided'),
  /** "obligations" / "undertakings": a memorandum creates no obligations. */
  obligations: voice('obligations', 'undertakings'),
  words: (n: unknown) => numberWords(Number(n)),
  date: (iso: unknown, o: HelperOptions) => (typeof iso === 'string' && iso ? formatDate(iso) : blankToken(String(o.hash?.blank ?? 'date'))),
  plural: (n: unknown, one: unknown, many: unknown) => (Number(n) === 1 ? String(one) : String(many)),
  eq: (a: unknown, b: unknown) => a === b,
  ne: (a: unknown, b: unknown) => a !== b,
  not: (a: unknown) => !a,
  and: (...xs: unknown[]) => args(xs).every(Boolean),
  or: (...xs: unknown[]) => args(xs).some(Boolean),
  'has-area': (...xs: unknown[]) => {
    const o = xs[xs.length - 1] as HelperOptions;
    const want = args(xs).map(String);
    return root(o).areas.some((a) => want.includes(a.id));
  },
};

export const HELPER_NAMES = Object.keys(HELPERS);
