/**
 * Any agreement text, cut into articles and numbered paragraphs. Articles are found by Markdown
 * headings, by "Article N" / "Section N" lines (Arabic or Roman numerals, any case), or, failing
 * both, by short numbered title lines ("3. Liability"); a text with none of these is one unnamed
 * part. Paragraphs are cut at blank lines and at their numbering ("1.", "2.1", "(2)", "(a)").
 */
export interface TextParagraph {
  /** The paragraph's own number as written ("2", "2.1"), with a sub-item letter ("2(a)") when it has one. */
  number?: string;
  text: string;
  /** 1-based line of the paragraph's first line. */
  line: number;
}

export interface TextArticle {
  /** The article's number as written (Roman numerals converted); for unnumbered headings, its position. */
  number: number;
  /** True when the text itself numbers the article. */
  numbered: boolean;
  /** How the text names it: "Article 7", "Section III", or the heading for an unnumbered part. */
  label: string;
  title: string;
  /** 1-based line of its heading. */
  line: number;
  paragraphs: TextParagraph[];
}

export interface SplitText {
  title: string;
  /** Text before the first article: parties and recitals. */
  preamble: TextParagraph[];
  articles: TextArticle[];
  /** How the articles were found, to say so in the report. */
  structure: 'article lines' | 'headings' | 'numbered titles' | 'none';
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };
function roman(s: string): number {
  let n = 0;
  const l = s.toLowerCase();
  for (let i = 0; i < l.length; i++) {
    const v = ROMAN[l[i]!]!;
    n += v < (ROMAN[l[i + 1]!] ?? 0) ? -v : v;
  }
  return n;
}

const ARTICLE_LINE = /^\s*(?:#{1,6}\s+)?(?:\*\*)?(Article|ARTICLE|Art\.|Section|SECTION|Clause|CLAUSE)\s+(\d+|[IVXLC]+)\b\s*(?:\*\*)?\s*[.:—–-]?\s*(.*?)\s*(?:\*\*)?\s*$/;
const MD_HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const NUMBERED_TITLE = /^\s*(\d{1,2})\.\s+([A-Z][^.;:]{1,70})$/;
const PARA_NUM = /^\s*(?:(\d+\.\d+(?:\.\d+)*)\.?|(\d+)[.)]|\((\d+)\)|\(([a-z]{1,3})\)|([A-Z])\.|([a-z])[.)])\s+/;

/** The numeral of an "Article N" line, or undefined. */
function articleLine(line: string): { kind: string; number: number; written: string; rest: string; inline?: string } | undefined {
  const m = ARTICLE_LINE.exec(line);
  if (!m) return undefined;
  let rest = m[3]!.replace(/^\*+|\*+$/g, '').trim();
  // "Article 5 of the Outer Space Treaty provides ..." is a sentence, not a heading.
  if (/[a-z(]/.test(rest[0] ?? '')) return undefined;
  let inline: string | undefined;
  // "Article 5 The Parties shall ..." (a heading with its text on the same line, as in many translations).
  if (rest.length > 100 || /[.;]$/.test(rest)) {
    inline = rest;
    rest = '';
  }
  const num = /^\d+$/.test(m[2]!) ? Number(m[2]) : roman(m[2]!);
  const kind = m[1]! === 'Art.' ? 'Article' : m[1]!;
  return { kind: kind[0]!.toUpperCase() + kind.slice(1).toLowerCase(), number: num, written: m[2]!, rest, ...(inline ? { inline } : {}) };
}

const INSTRUMENT = /\b(Agreement|Memorandum|Protocol|Arrangement|Pact|Treaty|Contract|Convention|Letter of Intent|Declaration|Statement)\b/i;
const RECITAL = /^\s*(The|Recalling|Considering|Desiring|Having|Noting|Mindful|Recogni[sz]ing|Whereas|Wishing|Guided|Taking|Bearing|Convinced|Aware|Affirming|Reaffirming)\b/i;
const isTitleLike = (l: string) => l.trim().length > 0 && l.trim().length <= 90 && !/[.;,]$/.test(l.trim()) && !PARA_NUM.test(l) && /^[\p{Lu}*_]/u.test(l.trim());
const clean = (s: string) => s.replace(/[*_`]+/g, '').replace(/\s+/g, ' ').trim();

export function splitText(input: string): SplitText {
  const lines = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  type Head = { index: number; number?: number; label?: string; title: string; skip: number; inline?: string };
  let heads: Head[] = [];
  let structure: SplitText['structure'] = 'none';
  let title = '';
  let titleIndex = -1;

  // The title: a level-1 heading, or the first line if it names an instrument.
  const firstH1 = lines.findIndex((l) => /^\s{0,3}#\s+\S/.test(l));
  if (firstH1 >= 0 && lines.slice(0, firstH1).every((l) => l.trim() === '' || /^<!--.*-->$/.test(l.trim()))) {
    titleIndex = firstH1;
    title = clean(MD_HEADING.exec(lines[firstH1]!)![2]!);
  } else {
    // The first of the opening lines that names an instrument: a "DRAFT" or "CONFIDENTIAL" line may come before it.
    const opening = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.trim() !== '').slice(0, 5);
    const hit = opening.find(({ l }) => l.length < 300 && INSTRUMENT.test(l) && !ARTICLE_LINE.test(l) && !/[,;:]$/.test(l.trim()) && !RECITAL.test(l));
    if (hit) {
      titleIndex = hit.i;
      title = clean(lines[hit.i]!.replace(/^#+\s*/, ''));
      // A title may run over two or three lines in plain text.
      for (let k = hit.i + 1; k < Math.min(hit.i + 3, lines.length); k++) {
        const l = lines[k]!;
        if (l.trim() === '' || ARTICLE_LINE.test(l) || !/^\s*(on|of|for|between|and|the|concerning|relating|regarding|in)\b/i.test(l)) break;
        title += ` ${clean(l)}`;
        titleIndex = k;
      }
    }
  }

  lines.forEach((l, index) => {
    if (index <= titleIndex) return;
    const a = articleLine(l);
    if (!a) return;
    let t = a.rest;
    let skip = 0;
    if (!t && !a.inline) {
      const next = lines.findIndex((x, j) => j > index && x.trim() !== '');
      if (next > 0 && next - index <= 2 && isTitleLike(lines[next]!.replace(/^\s{0,3}#{1,6}\s+/, '')) && !articleLine(lines[next]!)) {
        t = clean(lines[next]!.replace(/^#+\s*/, ''));
        skip = next - index;
      }
    }
    heads.push({ index, number: a.number, label: `${a.kind} ${a.written}`, title: clean(t), skip, ...(a.inline ? { inline: a.inline } : {}) });
  });
  if (heads.length) structure = 'article lines';
  else {
    lines.forEach((l, index) => {
      if (index <= titleIndex) return;
      const m = MD_HEADING.exec(l);
      if (m && !/^(contents|table of contents)$/i.test(clean(m[2]!))) heads.push({ index, title: clean(m[2]!), skip: 0 });
    });
    // A lone level-1 heading that is not at the top is still the title, not an article.
    if (heads.length) structure = 'headings';
    else {
      const numbered = lines.map((l, index) => ({ m: NUMBERED_TITLE.exec(l), index })).filter((x) => x.m && (lines[x.index - 1] ?? '').trim() === '');
      if (numbered.length >= 3) {
        heads = numbered.map(({ m, index }) => ({ index, number: Number(m![1]), label: `Section ${m![1]}`, title: clean(m![2]!), skip: 0 }));
        structure = 'numbered titles';
      }
    }
  }
  // Lines of a heading that name no article, e.g. a "## Contents" list, end the preamble only.
  const preambleEnd = heads[0]?.index ?? lines.length;
  const preamble = paragraphs(lines, titleIndex + 1, preambleEnd);
  const articles: TextArticle[] = heads.map((h, i) => {
    const end = heads[i + 1]?.index ?? lines.length;
    const number = h.number ?? i + 1;
    return {
      number,
      numbered: h.number !== undefined,
      label: h.label ?? (h.title || `Part ${i + 1}`),
      title: h.title,
      line: h.index + 1,
      paragraphs: [...(h.inline ? [{ text: h.inline, line: h.index + 1 }] : []), ...paragraphs(lines, h.index + 1 + h.skip, end)],
    };
  });
  if (articles.length === 0 && preamble.length) {
    // No structure at all: the whole text is one part, reviewed as it stands.
    return { title, preamble: [], articles: [{ number: 1, numbered: false, label: 'the text', title: '', line: preamble[0]!.line, paragraphs: preamble }], structure };
  }
  return { title, preamble, articles, structure };
}

/** Paragraphs of lines [from, to): a blank line or a numbered line starts a new one. */
function paragraphs(lines: string[], from: number, to: number): TextParagraph[] {
  const out: TextParagraph[] = [];
  let cur: TextParagraph | undefined;
  let parent: string | undefined;
  for (let i = from; i < to; i++) {
    const raw = lines[i]!;
    if (/^\s*<!--.*-->\s*$/.test(raw)) continue;
    if (raw.trim() === '' || /^\s*(-{3,}|\*{3,}|_{3,})\s*$/.test(raw)) {
      cur = undefined;
      continue;
    }
    const m = PARA_NUM.exec(raw);
    const text = raw.replace(/^\s*(?:[-*+]\s+|>\s*)/, '').trim();
    if (m || !cur) {
      let number: string | undefined;
      if (m?.[1] ?? m?.[2] ?? m?.[3] ?? m?.[5]) {
        number = (m[1] ?? m[2] ?? m[3] ?? m[5])!;
        parent = number;
      } else if (m?.[4] ?? m?.[6]) number = parent ? `${parent}(${m[4] ?? m[6]})` : `(${m[4] ?? m[6]})`;
      else if (!cur) number = undefined;
      cur = { ...(number !== undefined ? { number } : {}), text: m ? text.replace(PARA_NUM, '') : text, line: i + 1 };
      out.push(cur);
    } else {
      cur.text += ` ${text}`;
    }
  }
  return out;
}
