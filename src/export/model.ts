import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { HEAD_ID, NOTES_ID, readDoc } from '../draftfile/document.js';
import { CM, protectCritic, restoreCritic, splitComment } from './critic.js';
import { cleanText } from './inline.js';
import { slug } from './markdown.js';
import { NOTES_HEADING } from './notes.js';

/**
 * The Markdown draft as it stands, read with a real Markdown parser (micromark with GFM) into the
 * blocks the Word and HTML writers render. Everything a drafter can type comes through: paragraphs,
 * numbered and bulleted lists, emphasis, tables, block quotes, code. Raw HTML typed into the draft
 * is text, never markup. Pending CriticMarkup becomes tracked changes and comments.
 *
 * Each block remembers its segment (the head, a clause, the free text after a clause, the notes)
 * and its source lines, so that `import` can map a Word paragraph back to the Markdown it came from.
 */
export interface Change {
  kind: 'ins' | 'del';
  author?: string;
}

export interface Span {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  strike?: boolean;
  /** An in-document link target (`#slug`); other links are shown as their text. */
  anchor?: string;
  /** A pending change (CriticMarkup). */
  change?: Change;
  /** Index into `ExportDoc.comments` of the comments covering this span. */
  comments?: number[];
  /** A line break inside the paragraph. */
  br?: boolean;
}

export interface ExportComment {
  author?: string;
  text: string;
}

export type BlockKind = 'title' | 'status' | 'contents-label' | 'contents-entry' | 'heading' | 'para' | 'row' | 'code' | 'rule';

export interface Block {
  kind: BlockKind;
  spans: Span[];
  /** Segment id: `#head`, a clause id, `<clause id>#after` (the drafter's text after it), `#notes`. */
  segment: string;
  /** Source lines within the segment, 0-based, [start, end]. */
  lines: [number, number];
  /** The Markdown before the text on the first line (`## `, `1. `, `   (a) `), to rebuild an edited paragraph. */
  prefix: string;
  /** Heading level (1-6). */
  depth?: number;
  /** Heading anchor (GitHub's slug, as the contents list links to it). */
  id?: string;
  /** List membership: a list instance number, its kind, the level and the item's number or label. */
  list?: { instance: number; ordered: boolean; level: number; number?: number; label?: string; first: boolean };
  /** A table row: its cells' spans; `header` for the first row. */
  cells?: Span[][];
  header?: boolean;
  /** The first row of a table (starts a new table). */
  tableStart?: boolean;
  /** Block quote depth. */
  quote?: number;
}

export interface ExportDoc {
  blocks: Block[];
  comments: ExportComment[];
  /** Segment id -> its source lines, in draft order. */
  segments: [string, string[]][];
  title: string;
}

export interface ModelOptions {
  notes?: boolean;
}

const LABEL = /^\(([a-z]{1,3}|[ivxlc]{1,6})\)\s+/;

/** A segment id's clause, for `<clause>#after`. */
export const segmentClause = (segment: string) => segment.replace(/#after$/, '');

/** The segments of a Markdown draft spacecoop wrote, in order, each with its lines. */
export function draftSegments(text: string, options: ModelOptions = {}): [string, string[]][] {
  const doc = readDoc(text);
  const out: [string, string[]][] = [[HEAD_ID, doc.head]];
  for (const u of doc.units) {
    if (u.kind === 'notes' && options.notes === false) continue;
    out.push([u.id, u.body]);
    if (u.after.some((l) => l.trim() !== '')) out.push([`${u.id}#after`, u.after]);
  }
  return out;
}

type ParseOptions = NonNullable<Parameters<typeof fromMarkdown>[1]>;

/**
 * The GFM extensions of `micromark-extension-gfm`, one by one, each with the text it cannot do
 * without: a segment without that text is parsed without trying the extension, which gives the same
 * tree at a fraction of the cost (the table and autolink extensions are tried at every line or
 * letter). Autolink literals need `www.`, `://` or an address's `@`; a table a pipe, or a delimiter
 * row with an alignment colon (a one-column table, `-:`, needs no pipe); strikethrough
 * a tilde; a footnote `[^`; a task list item's check `[` then `x` or white space.
 */
const GFM = [
  { needs: /www\.|:\/\/|@/i, syntax: gfmAutolinkLiteral, tree: gfmAutolinkLiteralFromMarkdown },
  { needs: /\[\^/, syntax: gfmFootnote, tree: gfmFootnoteFromMarkdown },
  { needs: /~/, syntax: gfmStrikethrough, tree: gfmStrikethroughFromMarkdown },
  // A pipe, or a one-column delimiter row with its alignment colon ("-:"), which needs no pipe.
  { needs: /\||^[ \t]*(?::-+:?|-+:)[ \t]*$/m, syntax: gfmTable, tree: gfmTableFromMarkdown },
  { needs: /\[[xX\s]/, syntax: gfmTaskListItem, tree: gfmTaskListItemFromMarkdown },
] as const;
/** Parse options by the set of extensions a text may need (a bit per extension), each built once. */
const gfmOptions = new Map<number, ParseOptions>();

/** Markdown -> mdast, with GitHub Flavored Markdown (tables, strikethrough, footnotes, task list items, autolink literals). */
export function parseMarkdown(source: string) {
  let key = 0;
  GFM.forEach((x, i) => {
    if (x.needs.test(source)) key |= 1 << i;
  });
  let options = gfmOptions.get(key);
  if (!options) {
    const used = GFM.filter((_, i) => key & (1 << i));
    gfmOptions.set(key, (options = { extensions: used.map((x) => x.syntax()), mdastExtensions: used.map((x) => x.tree()) }));
  }
  return fromMarkdown(source, options);
}

/** The draft's blocks, segment by segment. */
export function buildModel(text: string, options: ModelOptions = {}): ExportDoc {
  return modelOfSegments(draftSegments(text, options));
}

/** The blocks of segments (as `draftSegments` gives them, or as an export recorded them). */
export function modelOfSegments(segments: [string, string[]][]): ExportDoc {
  const b = new Builder();
  for (const [id, lines] of segments) b.segment(id, lines);
  return { blocks: b.blocks, comments: b.comments, segments, title: b.title };
}

class Builder {
  blocks: Block[] = [];
  comments: ExportComment[] = [];
  title = '';
  private lists = 0;
  private ids = new Map<string, number>();
  private segmentId = '';
  private lines: string[] = [];
  private quote = 0;

  segment(id: string, lines: string[]): void {
    this.segmentId = id;
    this.lines = lines;
    const tree = parseMarkdown(protectCritic(lines.join('\n')));
    const children = tree.children;
    for (let i = 0; i < children.length; i++) {
      const node = children[i]!;
      if (id === HEAD_ID && node.type === 'heading' && node.depth === 1 && !this.title) {
        this.push('title', node, node.children);
        this.title = this.blocks[this.blocks.length - 1]!.spans.map((s) => s.text).join('');
        const next = children[i + 1];
        if (next?.type === 'paragraph') {
          this.push('status', next, next.children);
          i++;
        }
        continue;
      }
      if (id === HEAD_ID && node.type === 'heading' && plain(node.children) === 'Contents' && children[i + 1]?.type === 'list') {
        this.push('contents-label', node, node.children);
        const list = children[i + 1] as Extract<RootContent, { type: 'list' }>;
        for (const item of list.children) {
          const p = item.children[0];
          if (p?.type !== 'paragraph') continue;
          this.push('contents-entry', p, p.children);
        }
        i++;
        continue;
      }
      this.node(node);
    }
    this.looseItems(id);
  }

  /** "(a) ...", "(b) ..." paragraphs after a paragraph, outside any list: lettered items Word numbers itself. */
  private looseItems(id: string): void {
    let instance = 0;
    let next = 0;
    for (const b of this.blocks) {
      if (b.segment !== id) continue;
      if (b.kind !== 'para' || b.list || b.quote) {
        next = 0;
        continue;
      }
      const m = LABEL.exec(spanText(b.spans));
      if (m && m[1] === String.fromCharCode(97 + next)) {
        if (next === 0) instance = ++this.lists;
        if (!whollyDeleted(b.spans)) next++;
        b.list = { instance, ordered: true, level: 0, label: m[1]!, first: true };
      } else next = 0;
    }
  }

  private prefixOf(node: Nodes, contentColumn?: number): string {
    const line = this.lines[(node.position?.start.line ?? 1) - 1] ?? '';
    const col = contentColumn ?? node.position?.start.column ?? 1;
    return line.slice(0, col - 1);
  }

  private push(kind: BlockKind, node: Nodes, inline: PhrasingContent[], extra: Partial<Block> = {}): Block {
    const spans = this.inline(inline);
    const first = inline[0]?.position?.start.column;
    const block: Block = {
      kind,
      spans,
      segment: this.segmentId,
      lines: [(node.position?.start.line ?? 1) - 1, (node.position?.end.line ?? 1) - 1],
      prefix: this.prefixOf(node, first),
      ...(this.quote ? { quote: this.quote } : {}),
      ...extra,
    };
    if (kind === 'heading' || kind === 'contents-label') {
      const base = slug(spans.map((s) => s.text).join(''));
      const n = this.ids.get(base) ?? 0;
      this.ids.set(base, n + 1);
      block.id = n ? `${base}-${n}` : base;
    }
    this.blocks.push(block);
    return block;
  }

  private node(node: RootContent, list?: { instance: number; ordered: boolean; level: number; number?: number }): void {
    switch (node.type) {
      case 'heading':
        this.push('heading', node, node.children, { depth: node.depth });
        return;
      case 'paragraph': {
        if (list) {
          this.push('para', node, node.children, { list: { ...list, first: true } });
          return;
        }
        this.push('para', node, node.children);
        return;
      }
      case 'list': {
        const instance = ++this.lists;
        const level = list ? list.level + 1 : 0;
        node.children.forEach((item, k) => {
          const number = node.ordered ? (node.start ?? 1) + k : undefined;
          let firstPara = true;
          let labels = 0;
          for (const child of item.children) {
            if (child.type === 'paragraph' && firstPara) {
              firstPara = false;
              this.push('para', child, child.children, { list: { instance, ordered: Boolean(node.ordered), level, ...(number !== undefined ? { number } : {}), first: true } });
            } else if (child.type === 'paragraph') {
              // "(a) ..." under a numbered paragraph: a sub-item Word numbers itself, when the letters run in order.
              const text = plain(child.children);
              const m = LABEL.exec(text);
              const expected = String.fromCharCode(97 + labels);
              if (m && m[1] === expected) {
                const item = this.push('para', child, child.children, { list: { instance, ordered: true, level: level + 1, label: m[1]!, first: false } });
                // A lettered item deleted under track changes keeps its letter until accepted; the next one takes it too.
                if (!whollyDeleted(item.spans)) labels++;
              } else this.push('para', child, child.children, { list: { instance, ordered: Boolean(node.ordered), level, first: false } });
            } else this.node(child, { instance, ordered: Boolean(node.ordered), level });
          }
        });
        return;
      }
      case 'blockquote':
        this.quote++;
        for (const c of node.children) this.node(c, list);
        this.quote--;
        return;
      case 'table':
        node.children.forEach((row, r) => {
          const cells = row.children.map((c) => this.inline(c.children));
          this.blocks.push({
            kind: 'row',
            spans: [],
            cells,
            segment: this.segmentId,
            lines: [(row.position?.start.line ?? 1) - 1, (row.position?.end.line ?? 1) - 1],
            prefix: '',
            ...(r === 0 ? { header: true, tableStart: true } : {}),
          });
        });
        return;
      case 'code':
        this.blocks.push({
          kind: 'code',
          spans: [{ text: cleanLines(restoreCritic(node.value)), code: true }],
          segment: this.segmentId,
          lines: [(node.position?.start.line ?? 1) - 1, (node.position?.end.line ?? 1) - 1],
          prefix: '',
        });
        return;
      case 'html': {
        // Raw HTML is text: shown as typed, never passed on as markup. A comment is invisible in Markdown, and stays so.
        if (/^<!--[\s\S]*-->$/.test(node.value.trim())) return;
        this.push('para', node, [{ type: 'text', value: node.value, position: node.position! }]);
        return;
      }
      case 'thematicBreak':
        this.blocks.push({ kind: 'rule', spans: [], segment: this.segmentId, lines: [(node.position?.start.line ?? 1) - 1, (node.position?.end.line ?? 1) - 1], prefix: '' });
        return;
      default: {
        // Definitions, footnote definitions and anything else: their text, as a paragraph.
        const text = 'value' in node && typeof node.value === 'string' ? node.value : '';
        if (text) this.push('para', node, [{ type: 'text', value: text, position: node.position! }]);
      }
    }
  }

  /** Inline Markdown -> styled spans, CriticMarkup applied. */
  private inline(nodes: PhrasingContent[]): Span[] {
    const raw: Span[] = [];
    const walk = (ns: PhrasingContent[], style: Omit<Span, 'text'>) => {
      for (const n of ns) {
        switch (n.type) {
          case 'text':
            raw.push({ text: n.value, ...style });
            break;
          case 'emphasis':
            walk(n.children, { ...style, italic: true });
            break;
          case 'strong':
            walk(n.children, { ...style, bold: true });
            break;
          case 'delete':
            walk(n.children, { ...style, strike: true });
            break;
          case 'inlineCode':
            raw.push({ text: restoreCritic(n.value), ...style, code: true });
            break;
          case 'break':
            raw.push({ text: '\n', ...style, br: true });
            break;
          case 'link':
            walk(n.children, { ...style, ...(n.url.startsWith('#') ? { anchor: n.url.slice(1) } : {}) });
            break;
          case 'linkReference':
            walk(n.children, style);
            break;
          case 'image':
          case 'imageReference':
            if (n.alt) raw.push({ text: n.alt, ...style });
            break;
          case 'html':
            // Inline HTML typed by the drafter: literal text.
            raw.push({ text: n.value, ...style });
            break;
          case 'footnoteReference':
            raw.push({ text: `[^${n.label ?? n.identifier}]`, ...style });
            break;
          default: {
            const other = n as { value?: unknown; children?: PhrasingContent[] };
            if (typeof other.value === 'string') raw.push({ text: other.value, ...style });
            else if (other.children) walk(other.children, style);
          }
        }
      }
    };
    walk(nodes, {});
    return this.critic(raw);
  }

  /** Splits spans at the CriticMarkup stand-ins and applies them: changes, comments, highlights. */
  private critic(raw: Span[]): Span[] {
    const out: Span[] = [];
    type Mode = 'none' | 'ins' | 'del' | 'subDel' | 'subIns' | 'comment' | 'hi';
    let mode: Mode = 'none';
    let comment = '';
    let commentStart = 0;
    let changeStart = -1;
    let hiStart = -1;
    let lastChange: [number, number] | undefined;
    let modeBefore: Mode = 'none';
    const emit = (s: Span, text: string) => {
      if (!text) return;
      const cleaned = s.br ? text : cleanText(text);
      const span: Span = { ...s, text: cleaned };
      if (mode === 'ins' || mode === 'subIns') span.change = { kind: 'ins' };
      if (mode === 'del' || mode === 'subDel') span.change = { kind: 'del' };
      out.push(span);
    };
    for (const s of raw) {
      if (s.code || !/[\uE110-\uE11A]/.test(s.text)) {
        if (mode === 'comment') comment += restoreCritic(s.text);
        else emit(s, s.code ? restoreCritic(s.text) : s.text);
        continue;
      }
      let buf = '';
      const flush = () => {
        if (mode === 'comment') comment += buf;
        else emit(s, buf);
        buf = '';
      };
      for (const ch of s.text) {
        const literal = () => {
          buf += restoreCritic(ch);
        };
        switch (ch) {
          case CM.insOpen:
          case CM.delOpen:
          case CM.subOpen:
            if (mode !== 'none' && mode !== 'hi') {
              literal();
              break;
            }
            flush();
            modeBefore = mode;
            changeStart = out.length;
            mode = ch === CM.insOpen ? 'ins' : ch === CM.delOpen ? 'del' : 'subDel';
            break;
          case CM.subMid:
            if (mode !== 'subDel') {
              literal();
              break;
            }
            flush();
            mode = 'subIns';
            break;
          case CM.insClose:
          case CM.delClose:
          case CM.subClose: {
            const want = ch === CM.insClose ? 'ins' : ch === CM.delClose ? 'del' : 'subIns';
            if (mode !== want) {
              literal();
              break;
            }
            flush();
            lastChange = [changeStart, out.length];
            mode = modeBefore;
            break;
          }
          case CM.hiOpen:
            if (mode !== 'none') {
              literal();
              break;
            }
            flush();
            mode = 'hi';
            hiStart = out.length;
            lastChange = undefined;
            break;
          case CM.hiClose:
            if (mode !== 'hi') {
              literal();
              break;
            }
            flush();
            mode = 'none';
            lastChange = Object.assign([hiStart, out.length] as [number, number], { hi: true });
            break;
          case CM.comOpen:
            if (mode !== 'none') {
              literal();
              break;
            }
            flush();
            modeBefore = mode;
            mode = 'comment';
            comment = '';
            commentStart = out.length;
            break;
          case CM.comClose: {
            if (mode !== 'comment') {
              literal();
              break;
            }
            mode = 'none';
            comment += buf;
            buf = '';
            const c = splitComment(comment);
            const target = lastChange && lastChange[1] === commentStart ? lastChange : undefined;
            const isHi = Boolean(target && (target as { hi?: boolean }).hi);
            if (c.author && !c.text && target && !isHi) {
              // `{>>@Name<<}` right after a change: who made it.
              for (let k = target[0]; k < target[1]; k++) if (out[k]!.change) out[k]!.change = { ...out[k]!.change!, author: c.author };
            } else {
              const index = this.comments.push({ ...(c.author ? { author: c.author } : {}), text: c.text }) - 1;
              const from = target ? target[0] : commentStart;
              const to = target ? target[1] : commentStart;
              if (from === to) out.push({ text: '', comments: [index] });
              else for (let k = from; k < to; k++) out[k]!.comments = [...(out[k]!.comments ?? []), index];
            }
            lastChange = undefined;
            break;
          }
          default:
            buf += ch;
        }
      }
      flush();
    }
    // An unclosed marker: the text is kept as it is, marker and all.
    if (mode === 'comment' && comment) out.push({ text: `{>>${comment}` });
    return merge(out);
  }
}

/** Adjacent spans with the same style, change and comments become one. */
function merge(spans: Span[]): Span[] {
  const out: Span[] = [];
  const key = (s: Span) => JSON.stringify([s.bold, s.italic, s.code, s.strike, s.anchor, s.change, s.comments, s.br]);
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && !s.br && !last.br && s.text && last.text && key(last) === key(s)) last.text += s.text;
    else out.push({ ...s });
  }
  return out;
}

/** Every visible character of the paragraph (but its label) is a pending deletion. */
const whollyDeleted = (spans: Span[]) => {
  const rest = spans.filter((s) => s.text.trim() !== '' && !(s.change === undefined && /^\(([a-z]{1,3}|[ivxlc]{1,6})\)\s*$/.test(s.text.trim())));
  return rest.length > 0 && rest.every((s) => s.change?.kind === 'del');
};

const plain = (nodes: PhrasingContent[]): string =>
  nodes
    .map((n) => ('value' in n && typeof n.value === 'string' ? n.value : 'children' in n ? plain(n.children as PhrasingContent[]) : ''))
    .join('');

const cleanLines = (text: string) => text.split('\n').map(cleanText).join('\n');

/** The visible text of spans as a reader of the final text sees it (pending insertions in, deletions out). */
export const spanText = (spans: Span[], view: 'new' | 'old' = 'new'): string =>
  spans
    .filter((s) => (view === 'new' ? s.change?.kind !== 'del' : s.change?.kind !== 'ins'))
    .map((s) => s.text)
    .join('');

export { NOTES_ANNEX } from './notes.js';
export { HEAD_ID, NOTES_ID };
