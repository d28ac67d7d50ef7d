import { chineseNumber } from '../library/helpers.js';
/**
 * Article numbers in a number-independent form, so the merge compares text, not numbering.
 *
 * The renderer writes every cross-reference and every heading as "Article N". Before merging,
 * each such number is replaced by the clause id it points to (`Article \uE002liability/cross-waiver\uE003`),
 * using the numbering of the text it came from; after merging, ids are turned back into the new
 * numbers. So a renumbering never shows up as an edit or a conflict, and "Article 12" typed by the
 * drafter follows its article when the terms add one before it.
 *
 * Not a cross-reference: "Article 2 of the Convention ..." (another instrument's article: "of"
 * followed by anything but "this"), Roman numerals, and numbers that are no article of the draft.
 */
export const REF_OPEN = '\uE002';
export const REF_CLOSE = '\uE003';
/**
 * The three private-use characters above may also be in the drafter's text (pasted from a symbol
 * font). So that they never read as a token, user text is escaped first: each of U+E001..U+E003 it
 * holds becomes U+E001 followed by a letter (a, b, c), and is restored after the merge. A token is
 * then the only place a bare U+E002 or U+E003 can stand.
 */
const REF_ESC = '\uE001';
const ESCAPABLE = /[\uE001-\uE003]/g;
const ESCAPED = /\uE001([abc])/g;
const escapeUser = (text: string) => text.replace(ESCAPABLE, (c) => REF_ESC + 'abc'[c.charCodeAt(0) - 0xe001]);
const unescapeUser = (text: string) => text.replace(ESCAPED, (_m, l: string) => String.fromCharCode(0xe001 + 'abc'.indexOf(l)));

/** number -> clause id, and back. */
export type Numbering = Map<number, string>;

/**
 * A typed reference: "Article 12", "article 12", "Art. 12", "Arts. 10 and 12", "Articles 10, 12,
 * and 13" (with or without the serial comma), "Articles 10 to 12", "10-12", "10 through 12",
 * "10 and/or 12". Every number of a list or range follows its article.
 */
const REF_WORD = String.raw`\b(?:[Aa]rticles?|ARTICLES?|[Aa]rts?\.)\s*`;
const REF_SEP = String.raw`(?:\s*,\s*(?:(?:and|or|and\/or)\s+)?|\s+(?:and|or|and\/or|to|through)\s+|\s*[-–—]\s*)`;
const REF = new RegExp(String.raw`(${REF_WORD})(\d+)((?:${REF_SEP}\d+)*)(?!\d)(?!\s+of\s+(?!this\b))`, 'g');
const MAY_REFER = /rticle|\bArts?\./i;
const NUM = /\d+/g;
const SLUG = /(\(#article-)(\d+)(-)/g;
const TOKEN = new RegExp(`${REF_OPEN}([^${REF_OPEN}${REF_CLOSE}]+)${REF_CLOSE}`, 'g');

const token = (id: string) => `${REF_OPEN}${id}${REF_CLOSE}`;

/**
 * Chinese references: 第十二条 (headings, cross-references, 第十二条第二款, lists such as
 * 第十二条、第十四条和第十七条, each written in full). The number between 第 and 条 follows its article.
 */
const ZH_NUM = '〇零一二三四五六七八九十百千';
const ZH_REF = new RegExp(`第([${ZH_NUM}]+)条`, 'g');
const ZH_SLUG = new RegExp(`(\\(#第)([${ZH_NUM}]+)(条)`, 'g');
const MAY_REFER_ZH = /第[〇零一二三四五六七八九十百千]+条/;

/** 十二 -> 12, 一百零五 -> 105; undefined when it is not a Chinese numeral. */
export function parseChineseNumber(s: string): number | undefined {
  const digits: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const units: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
  let total = 0;
  let digit: number | undefined;
  for (const ch of s) {
    if (ch in digits) digit = digits[ch];
    else if (ch in units) {
      total += (digit ?? 1) * units[ch]!;
      digit = undefined;
    } else return undefined;
  }
  return total + (digit ?? 0);
}

export function normalizeRefs(raw: string, numbering: Numbering): string {
  const text = escapeUser(raw);
  const en = MAY_REFER.test(text);
  const zh = MAY_REFER_ZH.test(text);
  if (!en && !zh) return text;
  const one = (n: string) => {
    const id = numbering.get(Number(n));
    return id === undefined ? n : token(id);
  };
  const oneZh = (n: string) => {
    const id = numbering.get(parseChineseNumber(n) ?? -1);
    return id === undefined ? n : token(id);
  };
  let out = text;
  if (en) {
    out = out
      .replace(REF, (_m, head: string, first: string, rest: string) => head + one(first) + rest.replace(NUM, one))
      .replace(SLUG, (_m, head: string, n: string, tail: string) => head + one(n) + tail);
  }
  if (zh) {
    out = out.replace(ZH_REF, (_m, n: string) => `第${oneZh(n)}条`).replace(ZH_SLUG, (_m, head: string, n: string, tail: string) => head + oneZh(n) + tail);
  }
  return out;
}

export interface Renumbering {
  /** clause id -> new article number */
  numbers: Map<string, number>;
  /** Where an article that is gone used to be, for references to it. */
  previous: Map<string, number>;
  /** References whose article is gone: left with their old number. */
  dangling: { id: string; old: number }[];
}

export function denormalizeRefs(text: string, r: Renumbering): string {
  if (!text.includes(REF_OPEN)) return unescapeUser(text);
  const numbered = text.replace(TOKEN, (m, id: string, offset: number) => {
    // Between 第 and 条 the number is written in Chinese numerals.
    const zh = text[offset - 1] === '第' && text[offset + m.length] === '条';
    const show = (n: number) => (zh ? chineseNumber(n) : String(n));
    const n = r.numbers.get(id) ?? byTopic(id, r.numbers);
    if (n !== undefined) return show(n);
    const old = r.previous.get(id) ?? 0;
    if (!r.dangling.some((d) => d.id === id)) r.dangling.push({ id, old });
    return old ? show(old) : '[●]';
  });
  return unescapeUser(numbered);
}

/** A reference to a variant that the terms replaced goes to the article of the same topic. */
function byTopic(id: string, numbers: Map<string, number>): number | undefined {
  const topic = id.split('/')[0];
  for (const [other, n] of numbers) if (other.split('/')[0] === topic) return n;
  return undefined;
}

const HEADING = /^## Article (\d+) — /m;
const HEADING_ZH = new RegExp(`^## 第([${ZH_NUM}]+)条\u3000`, 'm');

/** The number an article heading gives itself ("## Article 12 — " or "## 第十二条　"), if the body has one. */
export function headingNumber(body: string): number | undefined {
  const m = HEADING.exec(body);
  if (m) return Number(m[1]);
  const z = HEADING_ZH.exec(body);
  return z ? parseChineseNumber(z[1]!) : undefined;
}

/** True when the normalized body carries its own article heading. */
export function hasOwnHeading(normalizedBody: string, id: string): boolean {
  const heading = `## Article ${REF_OPEN}${id}${REF_CLOSE} — `;
  const headingZh = `## 第${REF_OPEN}${id}${REF_CLOSE}条\u3000`;
  return [heading, headingZh].some((h) => normalizedBody.startsWith(h) || normalizedBody.includes(`\n${h}`));
}

/**
 * Typed references in `text` that cannot be followed: a number that is no article of the draft
 * (`numbering`), in any of the forms the merge follows. Each with its 0-based line in `text`.
 */
export function unfollowedRefs(text: string, numbering: Numbering): { line: number; ref: string; number: number }[] {
  const out: { line: number; ref: string; number: number }[] = [];
  text.split('\n').forEach((l, line) => {
    if (MAY_REFER_ZH.test(l) && !HEADING_ZH.test(l)) {
      for (const m of l.matchAll(ZH_REF)) {
        const n = parseChineseNumber(m[1]!);
        if (n !== undefined && !numbering.has(n)) out.push({ line, ref: m[0], number: n });
      }
    }
    if (!MAY_REFER.test(l) || /^#+ Article \d+ — /.test(l)) return;
    for (const m of l.matchAll(REF)) {
      for (const n of `${m[2]}${m[3]}`.match(NUM) ?? []) if (!numbering.has(Number(n))) out.push({ line, ref: m[0].trim(), number: Number(n) });
    }
  });
  return out;
}
