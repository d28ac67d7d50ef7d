import type { HelperOptions } from 'handlebars';
import { blankToken, refToken } from '../render/tokens.js';
import { formatDate, joinList } from '../render/words.js';

export { formatDate } from '../render/words.js';

/**
 * The only helpers clause templates can call. They are pure functions of their arguments and the
 * view: no file, network or environment access, so a drafter's clause file is data, not code.
 * Voice helpers make one template serve binding and non-binding instruments.
 */
type Root = { binding: boolean; form: string; areas: { id: string }[]; lang?: string; intergovernmental?: boolean };
const root = (o: HelperOptions) => (o.data as { root: Root }).root;
const zh = (o: HelperOptions) => root(o).lang === 'zh';
/**
 * One word in two voices and two languages: English binding / non-binding, then Chinese binding /
 * non-binding (a memorandum says 将 and 拟, never the modal 应). Chinese treaty style names the
 * parties to an intergovernmental instrument 缔约双方 / 缔约一方; `zhTreaty` is that form.
 */
const voice =
  (binding: string, nonBinding: string, zhBinding?: string, zhNonBinding?: string, zhTreaty?: string) =>
  (o: HelperOptions) => {
    const r = root(o);
    if (r.lang === 'zh' && zhBinding !== undefined) {
      if (!r.binding) return zhNonBinding ?? zhBinding;
      return r.intergovernmental && zhTreaty !== undefined ? zhTreaty : zhBinding;
    }
    return r.binding ? binding : nonBinding;
  };

const NUMBER_WORDS = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

export function numberWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) return String(n);
  if (n <= 20) return NUMBER_WORDS[n]!;
  if (n < 100) return TENS[Math.floor(n / 10)]! + (n % 10 ? `-${NUMBER_WORDS[n % 10]}` : '');
  const rest = n % 100;
  return `${NUMBER_WORDS[Math.floor(n / 100)]} hundred${rest ? ` and ${numberWords(rest)}` : ''}`;
}


const isOptions = (x: unknown): x is HelperOptions => typeof x === 'object' && x !== null && 'hash' in x && 'data' in x;
const args = (xs: unknown[]) => xs.filter((x) => !isOptions(x));

const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * Chinese numerals as treaty texts write them: 1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 105 -> 一百零五,
 * 1000 -> 一千; beyond 9999 the figures are returned as they are.
 */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n < 10) return ZH_DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? ZH_DIGITS[n % 10] : ''}`;
  const units: [number, string][] = [[1000, '千'], [100, '百'], [10, '十']];
  let out = '';
  let rest = n;
  let zero = false;
  for (const [value, unit] of units) {
    const d = Math.floor(rest / value);
    rest %= value;
    if (d) {
      if (zero) out += '零';
      out += ZH_DIGITS[d]! + unit;
      zero = false;
    } else if (out) zero = true;
  }
  if (rest) out += (zero ? '零' : '') + ZH_DIGITS[rest]!;
  return out;
}

/** `2027-03-15` -> `2027年3月15日`. */
export function formatDateZh(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

/** "A、B和C" (conj: 和, 或). */
export function joinListZh(items: readonly string[], conj = '和'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join('、')}${conj}${items[items.length - 1]}`;
}

export const HELPERS: Record<string, (...xs: any[]) => unknown> = {
  shall: voice('shall', 'will', '应', '将'),
  Shall: voice('Shall', 'Will', '应', '将'),
  Party: voice('Party', 'Participant', '一方', '一方', '缔约一方'),
  Parties: voice('Parties', 'Participants', '双方', '双方', '缔约双方'),
  /** "the other Party": 另一方, 缔约另一方 between Governments. */
  'other-party': voice('the other Party', 'the other Participant', '另一方', '另一方', '缔约另一方'),
  agree: voice('agree', 'intend', '同意', '拟'),
  agrees: voice('agrees', 'intends', '同意', '拟'),
  'enter-into-force': voice('enter into force', 'come into effect', '生效', '开始执行'),
  'enters-into-force': voice('enters into force', 'comes into effect', '生效', '开始执行'),
  'entry-into-force': voice('entry into force', 'coming into effect', '生效', '开始执行'),
  'in-force': voice('in force', 'in effect', '有效', '执行'),
  /** A cross-reference to the article of a topic, resolved to "Article N" (第N条) after numbering. */
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
    const conj = o.hash?.conj as string | undefined;
    if (zh(o)) return joinListZh(xs, conj === 'or' ? '或' : '和');
    return joinList(xs, conj ?? 'and');
  },
  /**
   * A period or quantity: "ten" in treaty forms (treaty texts write numbers in words only), "ten (10)"
   * in a contract, where the doubled numeral is commercial practice.
   */
  count: (n: unknown, o: HelperOptions) => {
    // A quantity before a measure word: 两年, not 二年 (二 is for ordinals and dates: 第二条).
    const words = zh(o) ? (Number(n) === 2 ? '两' : chineseNumber(Number(n))) : numberWords(Number(n));
    if (root(o).form !== 'contract') return words;
    return zh(o) ? `${words}（${Number(n)}）` : `${words} (${Number(n)})`;
  },
  /** "agree" in a binding text, "jointly decide" in a memorandum (which records no agreement). */
  decide: voice('agree', 'jointly decide', '商定', '共同决定'),
  /** "agreed" / "jointly decided". */
  decided: voice('agreed', 'jointly decided', '商定', '共同决定'),
  /** "obligations" / "undertakings": a memorandum creates no obligations. */
  obligations: voice('obligations', 'undertakings', '义务', '承诺'),
  words: (n: unknown, o: HelperOptions) => (zh(o) ? chineseNumber(Number(n)) : numberWords(Number(n))),
  date: (iso: unknown, o: HelperOptions) => (typeof iso === 'string' && iso ? (zh(o) ? formatDateZh(iso) : formatDate(iso)) : blankToken(String(o.hash?.blank ?? 'date'))),
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
