import fc from 'fast-check';
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
import { describe, expect, it } from 'vitest';
import { draftFromTermsText } from '../../src/engine.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import { buildModel, parseMarkdown } from '../../src/export/model.js';
import { builtinLibrary } from '../helpers/engine.js';
import { EXAMPLES, read } from '../helpers/run.js';

/** Every GFM extension, always: what `parseMarkdown` must give, whichever it skips. */
const ALL_GFM = {
  extensions: [gfmAutolinkLiteral(), gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem()],
  mdastExtensions: [gfmAutolinkLiteralFromMarkdown(), gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()],
};
const full = (s: string) => fromMarkdown(s, ALL_GFM);
/**
 * A parse's tree, or the error it stops with: the tests load micromark's development build, whose
 * internal assertions stop on a few odd inputs (a list item of "-" then "[x]\t|"), with or without
 * the extensions skipped; the same input must fare the same either way.
 */
const outcome = (parse: () => unknown) => {
  try {
    return { tree: parse() };
  } catch (e) {
    return { error: String((e as Error).message) };
  }
};

describe('parseMarkdown skips the GFM extensions a text cannot use, with the same tree', () => {
  it('every example draft, whole', () => {
    for (const file of EXAMPLES) {
      const md = renderMarkdown(draftFromTermsText(read(file), file, builtinLibrary()).draft);
      expect(parseMarkdown(md), file).toEqual(full(md));
    }
  });

  it.each([
    ['a URL with underscores stays literal', 'See https://example.org/_draft_/~v2~ and www.unoosa.org/_x_ now.', (t: string) => !t.includes('"emphasis"') && !t.includes('"delete"')],
    ['an e-mail address', 'Write to treaty_office@example.org or mailto:a_b_@example.org.', (t: string) => t.includes('"link"')],
    ['a table', '| Milestone | Date |\n| --- | --- |\n| Launch | 2028 |', (t: string) => t.includes('"table"')],
    ['a one-column table', '| Milestone |\n| --- |\n| Launch |', (t: string) => t.includes('"table"')],
    // fast-check found it: a one-column table with an alignment colon needs no pipe at all.
    ['a one-column table without a pipe', '`\n-:', (t: string) => t.includes('"table"')],
    ['another, centred', 'Milestone\n:-:\nLaunch', (t: string) => t.includes('"table"')],
    ['strikethrough', 'The Parties ~~shall~~ will meet.', (t: string) => t.includes('"delete"')],
    ['a footnote', 'As agreed.[^1]\n\n[^1]: In Beijing.', (t: string) => t.includes('"footnoteDefinition"')],
    ['a task list item', '- [ ] settle the venue\n- [x] settle the rules', (t: string) => t.includes('"checked":true')],
    ['a list item, a check and a pipe (the case that stops the development build)', '-\n[x]\t|', () => true],
  ])('%s', (_what, text, shows) => {
    const ours = outcome(() => parseMarkdown(text));
    expect(ours).toEqual(outcome(() => full(text)));
    expect(shows(JSON.stringify(ours))).toBe(true);
  });

  it('any text made of Markdown\'s significant characters', () => {
    const pieces = ['|', '-', ':', '~', '~~', '[', ']', '^', '[^1]', '[ ]', '[x]', '(', ')', '*', '_', '`', '\\', '@', 'www.', 'http://', '.', ' ', '\t', '\n', '\n\n', '> ', '- ', '1. ', 'a', 'b.c', '#', '<', '>', '!', '=', '+', '   ', 'X', 'mailto:', 'a@b.c', '{', '}', '"', "'", '&', ';'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(outcome(() => parseMarkdown(text))).toEqual(outcome(() => full(text)));
      }),
      { numRuns: 3000 },
    );
  });

  it('the model of a draft with a hand-typed URL keeps its underscores', () => {
    const md = renderMarkdown(draftFromTermsText(read(EXAMPLES[0]!), EXAMPLES[0]!, builtinLibrary()).draft).replace('<!-- /spacecoop:clause -->', 'Filed at https://example.org/_archive_/2026.\n<!-- /spacecoop:clause -->');
    const text = JSON.stringify(buildModel(md).blocks);
    expect(text).toContain('https://example.org/_archive_/2026.');
  });
});
