import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftFromTermsText } from '../../src/engine.js';
import { freshDraft } from '../../src/draftfile/fresh.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import { builtinLibrary } from '../helpers/engine.js';
import { EXAMPLES, read, run, tempDir } from '../helpers/run.js';

describe('the built-in library, precompiled at build time', () => {
  it.each(EXAMPLES.map((f) => [basename(f), f]))('drafts %s exactly as the library compiled at run time does', (_name, file) => {
    const expected = freshDraft(renderMarkdown(draftFromTermsText(read(file), file, builtinLibrary()).draft));
    const r = run(['draft', file, '--out', '-']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(expected);
  });
});

describe('--clauses DIR overlays the built-in library', () => {
  const overlay = (body: string) => {
    const dir = tempDir();
    mkdirSync(join(dir, 'final'), { recursive: true });
    writeFileSync(
      join(dir, 'final', 'amendment.hbs'),
      `---\nid: final/amendment\ntitle: Amendments\nfits: Our house style.\nsources: [Vienna Convention on the Law of Treaties (1969), Art. 39]\nreview: House style.\n---\n${body}\n`,
    );
    return dir;
  };

  it('replaces a clause with the same id', () => {
    const r = run(['draft', EXAMPLES[0]!, '--out', '-', '--clauses', overlay('This {{Instrument}} may be amended only in writing, signed by both {{Parties}}.')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^## Article \d+ — Amendments\n\nThis Protocol may be amended only in writing, signed by both Parties\.$/m);
  });

  it('rejects a broken overlay clause, naming the file and line, and writes nothing', () => {
    const dir = overlay('This {{Instrument}} may be amended by {{amendmentPartys}}.');
    const out = join(tempDir(), 'out.md');
    const r = run(['draft', EXAMPLES[0]!, '--out', out, '--clauses', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/final\/amendment\.hbs:8:\d+: `amendmentPartys` is not in the terms model/);
    expect(() => read(out)).toThrow();
  });
});
