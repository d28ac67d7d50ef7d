import { parseDraftFile } from '../../draftfile/parse.js';
import { compareClauses } from '../../export/parallel.js';
import { docFromMarkdown } from '../doc.js';
import { runRules, type Hit, type Rule } from '../rule.js';
import type { Finding } from '../types.js';
import { BIDI_RULE } from './hygiene.js';
import { PENDING_RULES } from './pending.js';
import { FILE_RULES } from './text.js';
import { chineseNumber, numberWords } from '../../library/helpers.js';
import { parseChineseNumber } from '../../draftfile/refs.js';

/**
 * Review of a Chinese authentic text (`agreement.zh.md`) and of the pair it forms with the English
 * text (`agreement.md` beside it). Chinese has no spaces between words, so the words are found with
 * the ICU word segmenter (`Intl.Segmenter('zh', {granularity: 'word'})`), never by bare characters:
 * 应 is a modal verb on its own but part of 应用, 相应 and 供应.
 */

// ---------------------------------------------------------------------------------------------
// Chinese numerals, as article numbers are written (第十二条)

/** 1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 101 -> 一百零一 (1..9999); the renderer's numerals. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) throw new RangeError(`chineseNumeral: ${n} is not between 1 and 9999`);
  return chineseNumber(n);
}

/** 十二 -> 12, 一百零一 -> 101, 二十 -> 20, 两 -> 2; undefined when the text is not a Chinese numeral. */
export function parseChineseNumeral(text: string): number | undefined {
  if (!/^[零一二两三四五六七八九十百千]+$/.test(text)) return undefined;
  const n = parseChineseNumber(text.replaceAll('两', '二'));
  return n !== undefined && n > 0 ? n : undefined;
}

// ---------------------------------------------------------------------------------------------
// The Chinese text as the rules read it

export interface ChineseArticle {
  number: number;
  title: string;
  clauseId?: string;
  /** The article's Markdown, heading included. */
  text: string;
  /** 1-based line of the heading. */
  line: number;
}

export interface ChineseDoc {
  file?: string;
  title: string;
  /** The title, preamble, articles and signature block (not the drafting notes), line by line. */
  lines: { text: string; line: number }[];
  articles: ChineseArticle[];
  /** A memorandum of understanding (谅解备忘录): records intentions, binds no one. */
  memorandum: boolean;
}

/** `## 第十二条　责任` (an ideographic space, or spaces, between the number and the title). */
export const ZH_HEADING = /^## 第([零一二两三四五六七八九十百千]+)条[\u3000 ]+(.+)$/;

/**
 * A Chinese draft file: articles by their `## 第N条　标题` headings, clause ids from the markers.
 * `memorandum` comes from the caller (the English text's form) when known, else from the title
 * (谅解备忘录).
 */
export function docFromChineseMarkdown(text: string, file?: string, opts: { memorandum?: boolean } = {}): ChineseDoc {
  const { segments } = parseDraftFile(text.replace(/\r\n/g, '\n'));
  const lines: ChineseDoc['lines'] = [];
  const articles: ChineseArticle[] = [];
  let title = '';
  let current: ChineseArticle | undefined;
  for (const s of segments) {
    if (s.kind === 'notes') continue;
    s.text.split('\n').forEach((l, i) => {
      const line = s.line + i;
      lines.push({ text: l, line });
      if (!title && /^# /.test(l)) title = l.slice(2).trim();
      const h = ZH_HEADING.exec(l);
      if (h) {
        current = { number: parseChineseNumeral(h[1]!) ?? 0, title: h[2]!.trim(), text: l, line, ...(s.kind === 'clause' ? { clauseId: s.id } : {}) };
        articles.push(current);
      } else if (/^#{1,2} /.test(l) || (s.kind === 'clause' && s.id.startsWith('instrument/'))) current = undefined;
      else if (current) current.text += `\n${l}`;
    });
    if (s.kind === 'clause') current = undefined;
  }
  return { ...(file ? { file } : {}), title, lines, articles, memorandum: opts.memorandum ?? /谅解备忘录/.test(title) };
}

let segmenter: Intl.Segmenter | undefined;
/** The words of a Chinese line, with their offsets. */
export function chineseWords(text: string): { word: string; index: number }[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => ({ word: s.segment, index: s.index }));
}

/** What no word rule reads: template markup (a rule of its own), inline code, treaty titles in 《》 (quoted, not the instrument's own voice), links' targets. */
const quiet = (line: string) => line.replace(/\{\{[^}]*\}\}/g, (m) => ' '.repeat(m.length)).replace(/`[^`]*`/g, (m) => ' '.repeat(m.length)).replace(/《[^》]*》/g, (m) => '　'.repeat(m.length)).replace(/\]\([^)]*\)/g, (m) => ' '.repeat(m.length));

/** Lines of the instrument's own text: no headings of the title block, no marker or table rule lines. */
const textLines = (doc: ChineseDoc) => doc.lines.filter((l) => l.text.trim() !== '' && !/^\|\s*-/.test(l.text) && !/^\s*<!--.*-->\s*$/.test(l.text));

const articleAt = (doc: ChineseDoc, line: number) => [...doc.articles].reverse().find((a) => a.line <= line);
const placeOf = (doc: ChineseDoc, line: number) => {
  const a = articleAt(doc, line);
  return a && line < a.line + a.text.split('\n').length ? `第${chineseNumeral(a.number)}条（${a.title}）` : 'the preamble, title or signature block';
};

export interface ChineseContext {
  doc: ChineseDoc;
}

/** Modal verbs that state an obligation in Chinese treaty language. */
export const ZH_BINDING_MODALS = ['应', '应当', '必须', '应该', '须'];
const ENTRY_INTO_FORCE = ['生效'];

function wordHits(doc: ChineseDoc, words: readonly string[]): { line: number; word: string; context: string }[] {
  const out: { line: number; word: string; context: string }[] = [];
  for (const l of textLines(doc)) {
    const text = quiet(l.text);
    for (const w of chineseWords(text)) {
      if (words.includes(w.word)) out.push({ line: l.line, word: w.word, context: l.text.slice(Math.max(0, w.index - 8), w.index + w.word.length + 8).trim() });
    }
  }
  return out;
}

/** An English word left in the Chinese text: all lower case (`shall`), or two or more Latin words in a row (`Cross-Waiver of Liability`). */
const LATIN_RUN = /[A-Za-z][A-Za-z0-9'’-]*(?:[ \u00A0]+[A-Za-z][A-Za-z0-9'’-]*)*/g;

export const CHINESE_RULES: Rule<ChineseContext>[] = [
  {
    id: 'zh-memorandum-modal',
    severity: 'error',
    level: 'text',
    domain: [1],
    what: 'A Chinese memorandum of understanding (谅解备忘录) states obligations with 应, 应当, 必须 or 须.',
    source: 'Vienna Convention on the Law of Treaties (1969), Art. 2(1)(a); Chinese treaty practice: 应 states an obligation, a memorandum records what the sides will (将) or intend to (拟) do',
    check: ({ doc }) =>
      doc.memorandum
        ? wordHits(doc, ZH_BINDING_MODALS).map((h) => ({
            message: `${placeOf(doc, h.line)}: “${h.word}” makes the memorandum read as binding (…${h.context}…)`,
            fix: h.word === '应' ? 'Write 将 (will) or 拟 (intend to), or 双方同意 → 双方拟; keep 应 for binding instruments.' : `Write 将 or 拟 instead of ${h.word}.`,
            line: h.line,
          }))
        : [],
  },
  {
    id: 'zh-memorandum-entry-into-force',
    severity: 'warning',
    level: 'text',
    domain: [1],
    what: 'A Chinese memorandum of understanding “enters into force” (生效) instead of taking effect (开始执行).',
    source: 'Vienna Convention on the Law of Treaties (1969), Arts. 2(1)(a), 24; Chinese treaty practice: 生效 for treaties, 开始执行 for non-binding memoranda',
    check: ({ doc }) =>
      doc.memorandum
        ? wordHits(doc, ENTRY_INTO_FORCE).map((h) => ({
            message: `${placeOf(doc, h.line)}: “生效” (enters into force) is treaty language (…${h.context}…)`,
            fix: 'Write 开始执行 (comes into effect, is carried out) for a memorandum.',
            line: h.line,
          }))
        : [],
  },
  {
    id: 'zh-template-residue',
    severity: 'warning',
    level: 'text',
    domain: [],
    what: 'Template markup (`{{`, `}}`) left in the Chinese text.',
    source: 'spacecoop: a rendered text holds no template markup',
    check: ({ doc }) =>
      textLines(doc)
        .filter((l) => /\{\{|\}\}/.test(l.text))
        .map((l) => ({ message: `${placeOf(doc, l.line)}: template markup left in the text: ${l.text.trim().slice(0, 60)}`, fix: 'Fill or delete the markup; if the Chinese clause file left it, report it as a defect of the clause.', line: l.line })),
  },
  {
    id: 'zh-english-words',
    severity: 'warning',
    level: 'text',
    domain: [],
    what: 'English words left in the Chinese text (code-like names such as CNSA, CBERS-6 and CZ-4B may stand).',
    source: 'Vienna Convention on the Law of Treaties (1969), Art. 33: each authentic text is complete in its own language',
    check: ({ doc }) => {
      const hits: Hit[] = [];
      for (const l of textLines(doc)) {
        const found = [...quiet(l.text).matchAll(LATIN_RUN)]
          .map((m) => m[0])
          .filter((run) => {
            const words = run.split(/[ \u00A0]+/);
            return words.length >= 2 ? words.some((w) => /[a-z]{3,}/.test(w)) : /^[a-z][a-z'’-]{2,}$/.test(run);
          });
        if (found.length) {
          hits.push({
            message: `${placeOf(doc, l.line)}: English left in the Chinese text: ${found.map((f) => `“${f}”`).join(', ')}`,
            fix: 'Give the Chinese form (for a name, the `zh` block of the terms file) and draft again, or translate it in the text.',
            line: l.line,
          });
        }
      }
      return hits;
    },
  },
  {
    id: 'zh-unfollowed-reference',
    severity: 'warning',
    level: 'text',
    domain: [],
    what: 'A cross-reference (第N条) to an article number the Chinese text does not have.',
    source: 'Drafting practice: every internal cross-reference names an article of the instrument',
    check: ({ doc }) => {
      const numbers = new Set(doc.articles.map((a) => a.number));
      const hits: Hit[] = [];
      for (const l of textLines(doc)) {
        if (ZH_HEADING.test(l.text)) continue;
        for (const n of chineseReferences(l.text.replace(/`[^`]*`/g, ''))) {
          if (numbers.has(n)) continue;
          hits.push({
            message: `${placeOf(doc, l.line)}: 第${chineseNumeral(n)}条 is not an article of this text (it has ${doc.articles.length})`,
            fix: `Correct the number; for another instrument's article, name it (《责任公约》第${chineseNumeral(n)}条).`,
            line: l.line,
          });
        }
      }
      return hits;
    },
  },
];

/** The Chinese text's own findings: memorandum voice, template residue, English words left. */
export function reviewChineseText(text: string, file?: string, opts: { memorandum?: boolean } = {}): Finding[] {
  return runRules(CHINESE_RULES, { doc: docFromChineseMarkdown(text, file, opts) });
}

// ---------------------------------------------------------------------------------------------
// The pair: the English and the Chinese text of one instrument

/** Articles of this instrument an English article refers to: "Article 12", "Articles 12 and 14", not "Article 2 of the Convention …". */
export function englishReferences(body: string): number[] {
  const out = new Set<number>();
  for (const m of body.matchAll(/\bArticles? (\d+(?:\(\d+\))?(?:(?:, | and | or | to )(?:Article )?\d+(?:\(\d+\))?)*)/g)) {
    // The whole list, then what follows it: "of the Convention" makes it another instrument's.
    if (/^ of (?!this\b)/.test(body.slice(m.index + m[0].length))) continue;
    for (const n of m[1]!.matchAll(/(?<!\()\b\d+\b(?!\))/g)) out.add(Number(n[0]));
  }
  return [...out].sort((a, b) => a - b);
}

/** Between two articles of one list: their paragraphs and items, then 、 和 或 及 以及 至. */
const LIST_JOIN = /^(?:第[零一二两三四五六七八九十百千]+款|第（[零一二三四五六七八九十]+）项)*(?:、|和|或|或者|及|以及|至)$/;

/**
 * Articles of this instrument a Chinese article refers to: 第十二条, 第十二条第二款, 第十二条、第十四条和
 * 第十七条; not 《责任公约》第五条 or 框架协定第八条 (another instrument's article; 本协定第八条 is this one's).
 */
export function chineseReferences(body: string): number[] {
  const out = new Set<number>();
  let last: { end: number; other: boolean } | undefined;
  for (const m of body.matchAll(/第([零一二两三四五六七八九十百千]+)条/g)) {
    const before = body.slice(Math.max(0, m.index - 12), m.index);
    // 《责任公约》第四条或第五条: the next article of a list belongs to the instrument the list began with.
    const between = last ? body.slice(last.end, m.index) : undefined;
    const listed = last !== undefined && LIST_JOIN.test(between!);
    const other = listed
      ? last!.other
      : /》\s*$/.test(before) || (/(公约|条约|宪章|协定|协议|议定书|安排|备忘录|合同)\s*$/.test(before) && !/本(公约|条约|宪章|协定|协议|议定书|安排|谅解备忘录|备忘录|合同)\s*$/.test(before));
    last = { end: m.index + m[0].length, other };
    // 第一条第二款's 款 and 项 are parts of the article, read with it; "第（一）项" never matches.
    const n = parseChineseNumeral(m[1]!);
    if (!other && n !== undefined) out.add(n);
  }
  return [...out].sort((a, b) => a - b);
}

/** A period, share or count an article states: 30 days (三十日), 10 per cent (百分之十), 3 arbitrators (三名仲裁员). */
export interface Figure {
  unit: 'days' | 'months' | 'years' | 'per cent' | 'arbitrators';
  value: number;
}

const EN_UNITS: Record<string, Figure['unit']> = { day: 'days', month: 'months', year: 'years', 'per cent': 'per cent', arbitrator: 'arbitrators' };
let englishNumberPattern: RegExp | undefined;
const englishNumberValue = new Map<string, number>();
/**
 * The periods, shares and counts an English text states: a number (digits, or words as the drafts
 * write them, "one hundred and eighty") before days, months, years, per cent or arbitrators, with
 * "calendar", "working" or "consecutive" between. "A year" or "each year" state no figure.
 */
export function englishFigures(text: string): Figure[] {
  if (!englishNumberPattern) {
    const words: string[] = [];
    for (let n = 1; n <= 999; n++) {
      const w = numberWords(n);
      englishNumberValue.set(w, n);
      words.push(w);
    }
    words.sort((a, b) => b.length - a.length);
    englishNumberPattern = new RegExp(`(?<![\\w-])(\\d{1,3}(?:,\\d{3})*|${words.join('|')})(?:\\s*\\(\\d+\\))?\\s+(?:(?:calendar|working|business|consecutive|full)\\s+)?(days?|months?|years?|per cent|arbitrators?)\\b`, 'gi');
  }
  const out: Figure[] = [];
  for (const m of text.matchAll(englishNumberPattern)) {
    const raw = m[1]!.toLowerCase();
    const value = /^\d/.test(raw) ? Number(raw.replace(/,/g, '')) : englishNumberValue.get(raw);
    const unit = EN_UNITS[m[2]!.toLowerCase().replace(/s$/, '')];
    if (value !== undefined && unit && countsArbitrators(unit, value)) out.push({ unit, value });
  }
  return out;
}

/**
 * Arbitrators count as a figure for a tribunal of three or more: "one arbitrator" and "the two
 * arbitrators" are the steps of appointment, which the two languages phrase differently.
 */
const countsArbitrators = (unit: Figure['unit'], value: number) => unit !== 'arbitrators' || value >= 3;

/**
 * The same figures in a Chinese text: a Chinese numeral before 日 or 天, 个月, 年 (a calendar year
 * is written in digits, 1967年, and is not a period), 名仲裁员, and 百分之 before a numeral or digits.
 */
export function chineseFigures(text: string): Figure[] {
  const out: Figure[] = [];
  const num = (x: string) => (/^\d/.test(x) ? Number(x) : parseChineseNumeral(x));
  // Not 最后一日 (the last day), 第一年 (the first year), 每一日, 同日: a day or year named, not a period.
  for (const m of text.matchAll(/(?<![零一二两三四五六七八九十百千\d第每当同本该次翌])(?<!最后)([零一二两三四五六七八九十百千]+|\d+)(?:（\d+）)?\s*(个月|日|天|年|名仲裁员)/g)) {
    if (/^\d/.test(m[1]!) && m[2] !== '个月' && m[2] !== '名仲裁员') continue; // 1967年, 27日: a date
    const value = num(m[1]!);
    const unit = ({ 个月: 'months', 日: 'days', 天: 'days', 年: 'years', 名仲裁员: 'arbitrators' } as const)[m[2] as '个月'];
    if (value !== undefined && countsArbitrators(unit, value)) out.push({ unit, value });
  }
  for (const m of text.matchAll(/百分之([零一二两三四五六七八九十百千]+|\d+)|(?<![\d.])(\d+(?:\.\d+)?)\s*[%％]/g)) {
    const value = num(m[1] ?? m[2]!);
    if (value !== undefined) out.push({ unit: 'per cent', value });
  }
  return out;
}

/** The figures of `a` that `b` does not state as often, each once per missing occurrence. */
function missingFrom(a: Figure[], b: Figure[]): Figure[] {
  const left = new Map<string, number>();
  for (const f of b) left.set(`${f.value} ${f.unit}`, (left.get(`${f.value} ${f.unit}`) ?? 0) + 1);
  const out: Figure[] = [];
  for (const f of a) {
    const k = `${f.value} ${f.unit}`;
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    else out.push(f);
  }
  return out;
}

/** The nouns a Chinese title of each form may use (协定 between Governments, 协议 between agencies; 安排 in 实施安排). */
export const ZH_FORM_NOUN: Partial<Record<string, string[]>> = {
  agreement: ['协定', '协议'],
  'framework-agreement': ['协定', '协议'],
  protocol: ['议定书'],
  'additional-protocol': ['议定书'],
  'implementing-arrangement': ['安排'],
  'memorandum-of-understanding': ['谅解备忘录'],
  contract: ['合同'],
};

export interface PairFiles {
  en: string;
  zh: string;
}

const PAIR_SOURCE = 'Vienna Convention on the Law of Treaties (1969), Art. 33(1), (3): authentic texts are equally authoritative and presumed to mean the same';

/**
 * The English and Chinese texts as one instrument: the same clause ids in the same order, as many
 * articles, the same instrument named in the titles, and each article referring to the same
 * articles (English "Article 12" against 第十二条). Each difference is an error on the Chinese
 * file's line (or the English one's, for a clause only it has). Paragraphs or items in another
 * order (told by the years they name) are a warning: the texts agree, but do not stand side by side.
 */
export function reviewPair(en: string, zh: string, files: PairFiles): Finding[] {
  const findings: Finding[] = [];
  const push = (rule: string, h: Hit, severity: Finding['severity'] = 'error') => findings.push({ rule, severity, message: h.message, fix: h.fix, source: PAIR_SOURCE, ...(h.where ? { where: h.where } : {}), ...(h.line !== undefined ? { line: h.line } : {}) });
  const clauseProblems = compareClauses([
    { lang: 'en', markdown: en, file: files.en },
    { lang: 'zh', markdown: zh, file: files.zh },
  ]);
  for (const p of clauseProblems) {
    push('pair-clauses', {
      message: p.message,
      fix: 'Draft both texts from the same terms file (`spacecoop draft TERMS --lang zh,en`), or add or move the clause by hand so both texts have the same clauses in the same order.',
      ...(p.file === files.zh && p.line !== undefined ? { line: p.line } : {}),
      ...(p.file === files.en && p.line !== undefined ? { where: `${files.en}:${p.line}` } : {}),
    });
  }
  const enDoc = docFromMarkdown(en, files.en);
  const zhDoc = docFromChineseMarkdown(zh, files.zh);
  const form = enDoc.facts.form;
  const nouns = form ? ZH_FORM_NOUN[form] : undefined;
  if (form && nouns && zhDoc.title && !nouns.some((n) => zhDoc.title.includes(n))) {
    push('pair-form', {
      message: `${files.en} is a ${form.replace(/-/g, ' ')} and the title of ${files.zh} does not call it one (${nouns.join(' or ')}): ${zhDoc.title}`,
      fix: `Both authentic texts name the same instrument: call it ${nouns.join(' or ')} in the Chinese title, or change the English.`,
      line: zh.split('\n').findIndex((l) => l.startsWith('# ')) + 1,
    });
  }
  if (enDoc.articles.length !== zhDoc.articles.length) {
    push('pair-article-count', {
      message: `${files.zh} has ${zhDoc.articles.length} articles (第…条 headings), ${files.en} has ${enDoc.articles.length} (Article N headings)`,
      fix: 'Each authentic text has the same articles: restore the heading `## 第N条　标题` (or `## Article N — Title`) the other text has.',
    });
  }
  zhDoc.articles.forEach((za, i) => {
    const ea = (za.clauseId ? enDoc.articles.find((a) => a.clauseId === za.clauseId) : undefined) ?? (za.clauseId ? undefined : enDoc.articles[i]);
    if (!ea) return;
    if (ea.number !== za.number) {
      push('pair-cross-references', {
        message: `第${chineseNumeral(za.number)}条（${za.title}） is Article ${ea.number} in ${files.en}: the numbering differs`,
        fix: 'Number the articles alike in both texts (draft both again from the terms).',
        line: za.line,
      });
    }
    const body = (t: string) => t.split('\n').slice(1).join('\n');
    // Paragraph for paragraph: the years each names (treaties' dates) are the same in both texts.
    const blocks = (t: string) => body(t).split(/\n\s*\n/).map((x) => x.trim()).filter(Boolean);
    const [eb, zb] = [blocks(ea.text), blocks(za.text)];
    const years = (x: string) => (x.match(/(?<!\d)(?:18|19|20)\d\d(?!\d)/g) ?? []).join(', ');
    const k = eb.length === zb.length ? eb.findIndex((x, j) => years(x) !== years(zb[j]!)) : -1;
    if (k >= 0) {
      push('pair-order', {
        message: `第${chineseNumeral(za.number)}条（${za.title}） / Article ${ea.number} (${ea.title}): block ${k + 1} names ${years(zb[k]!) || 'no year'} in Chinese and ${years(eb[k]!) || 'no year'} in English: the paragraphs or items are not in the same order`,
        fix: 'Put the paragraphs and items (definitions included) in the same order in both texts, so that each stands beside its counterpart.',
        line: za.line,
      }, 'warning');
    }
    const [enFigures, zhFigures] = [englishFigures(body(ea.text)), chineseFigures(body(za.text))];
    const onlyEnFigures = missingFrom(enFigures, zhFigures);
    const onlyZhFigures = missingFrom(zhFigures, enFigures);
    if (onlyEnFigures.length || onlyZhFigures.length) {
      const say = (fs: Figure[]) => fs.map((f) => `${f.value} ${f.unit}`).join(', ');
      push('pair-figures', {
        message: `第${chineseNumeral(za.number)}条（${za.title}） / Article ${ea.number} (${ea.title}): ${[
          ...(onlyEnFigures.length ? [`the English text states ${say(onlyEnFigures)} and the Chinese does not`] : []),
          ...(onlyZhFigures.length ? [`the Chinese text states ${say(onlyZhFigures)} and the English does not`] : []),
        ].join('; ')}`,
        fix: 'Both authentic texts state the same periods, shares and numbers: correct the one a hand edit changed, or draft both again from the terms.',
        line: za.line,
      }, 'warning');
    }
    const enRefs = englishReferences(body(ea.text)).filter((n) => n !== ea.number);
    const zhRefs = chineseReferences(body(za.text)).filter((n) => n !== za.number);
    const onlyEn = enRefs.filter((n) => !zhRefs.includes(n));
    const onlyZh = zhRefs.filter((n) => !enRefs.includes(n));
    if (onlyEn.length || onlyZh.length) {
      const parts = [
        ...(onlyEn.length ? [`the English text refers to ${onlyEn.map((n) => `Article ${n}`).join(', ')} and the Chinese does not`] : []),
        ...(onlyZh.length ? [`the Chinese text refers to ${onlyZh.map((n) => `第${chineseNumeral(n)}条`).join('、')} and the English does not`] : []),
      ];
      push('pair-cross-references', {
        message: `第${chineseNumeral(za.number)}条（${za.title}） / Article ${ea.number} (${ea.title}): ${parts.join('; ')}`,
        fix: 'Make both texts refer to the same articles (a hand edit in one text, or a reference not renumbered).',
        line: za.line,
      });
    }
  });
  return findings;
}

/**
 * Everything `check agreement.zh.md` reports from the Chinese side: the Chinese text's rules and,
 * when the English text is given (`agreement.md` beside it), the pair rules. The memorandum voice
 * follows the English title's form when the English text is there.
 */
export function reviewChineseDraft(zh: string, zhFile: string, en?: { text: string; file: string }): Finding[] {
  const memorandum = en ? /^# Memorandum of Understanding\b/m.test(en.text) || /谅解备忘录/.test(zh.split('\n').find((l) => l.startsWith('# ')) ?? '') : undefined;
  return [...reviewChineseText(zh, zhFile, memorandum === undefined ? {} : { memorandum }), ...(en ? reviewPair(en.text, zh, { en: en.file, zh: zhFile }) : [])];
}

/**
 * `check agreement.zh.md`: the language-neutral file rules (merge conflicts, open blanks [●],
 * pending changes, bidi controls), the Chinese text's rules and, with the English text beside it,
 * the pair rules. Unsorted: the caller sorts (`sortFindings`).
 */
export function reviewChineseDraftFile(zh: string, zhFile: string, en?: { text: string; file: string }): Finding[] {
  const doc = docFromMarkdown(zh, zhFile);
  return [...runRules(FILE_RULES, { doc }), ...runRules(PENDING_RULES, { doc }), ...runRules([BIDI_RULE], { doc }), ...reviewChineseDraft(zh, zhFile, en)];
}
