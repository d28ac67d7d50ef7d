import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from '../helpers/run.js';

const clauseFile = (id: string, title: string, body: string) => `---
id: ${id}
title: ${title}
fits: A drafter's own variant.
sources:
  - Liability Convention (1972), Art. V
review: Check it.
---
${body}
`;

describe('spacecoop clauses', () => {
  it('lists the library: id, title and when each fits', () => {
    const r = run(['clauses']);
    expect(r.code).toBe(0);
    for (const id of ['jurisdiction/designated-party', 'ip/allocated-by-element', 'liability/fault-based', 'disputes/mediation', 'launch/standard', 'crew/standard']) {
      expect(r.stdout).toMatch(new RegExp(`^${id}  \\S`, 'm'));
    }
    expect(r.stdout).toContain('fits: Cooperation on the ground');
    expect(r.stderr).toBe('');
  });

  it('lists one topic', () => {
    const r = run(['clauses', 'liability']);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^liability\//gm)).toHaveLength(3);
    expect(r.stdout).not.toContain('disputes/');
  });

  it('names the near miss for an unknown topic and exits 2', () => {
    const r = run(['clauses', 'liabilty']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean `liability`?');
    expect(r.stdout).toBe('');
  });

  it('shows one clause: metadata and body', () => {
    const r = run(['clauses', 'show', 'liability/cross-waiver']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^id: liability\/cross-waiver$/m);
    expect(r.stdout).toMatch(/^title: Cross-Waiver of Liability$/m);
    expect(r.stdout).toMatch(/^defines: Protected Space Operations, Related Entity/m);
    expect(r.stdout).toMatch(/^ {2}- Intergovernmental Agreement on the International Space Station \(1998\), Arts\. 16, 17$/m);
    expect(r.stdout).toMatch(/^review: /m);
    expect(r.stdout).toContain('{{> third-party}}');
  });

  it('shows a definition, and refuses an unknown id with a suggestion', () => {
    expect(run(['clauses', 'show', 'definitions/related-entity']).stdout).toContain('“Related Entity” means');
    const r = run(['clauses', 'show', 'liability/cross-waver']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean `liability/cross-waiver`?');
    expect(run(['clauses', 'show']).code).toBe(2);
  });

  it('overlays a drafter\'s clauses: the same id replaces, a new id adds', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'liability'));
    writeFileSync(join(dir, 'liability', 'fault-based.hbs'), clauseFile('liability/fault-based', 'Liability for Fault', '1. Each {{Party}} {{shall}} answer for its own fault.'));
    writeFileSync(join(dir, 'liability', 'strict.hbs'), clauseFile('liability/strict', 'Strict Liability', '1. Each {{Party}} {{shall}} answer for Damage it causes.'));
    const r = run(['clauses', 'liability', '--clauses', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^liability\/fault-based {2}Liability for Fault$/m);
    expect(r.stdout).toMatch(/^liability\/strict {2}Strict Liability$/m);
    expect(r.stdout).toMatch(/^liability\/cross-waiver /m);
  });

  it('checks an overlay at load time and names the file and line of the fault', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'disputes'));
    const file = join(dir, 'disputes', 'court.hbs');
    writeFileSync(file, clauseFile('disputes/court', 'Courts', '1. Text.\n\n1. The seat is {{disputez.seat}}.'));
    const r = run(['clauses', '--clauses', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:11`);
    expect(r.stderr).toContain('`disputez.seat` is not in the terms model');
    expect(r.stdout).toBe('');
  });
});

describe('spacecoop draft --alternat', () => {
  it('writes the named party\'s copy: first in the title, preamble and signature block', () => {
    const normal = run(['draft', 'examples/cbers.yaml', '--out', '-', '--no-notes']).stdout;
    const r = run(['draft', 'examples/cbers.yaml', '--out', '-', '--no-notes', '--alternat', 'aeb']);
    expect(r.code).toBe(0);
    expect(normal).toMatch(/^# Protocol between the China National Space Administration and the Brazilian Space Agency/m);
    expect(r.stdout).toMatch(/^# Protocol between the Brazilian Space Agency and the China National Space Administration/m);
    expect(r.stdout).toMatch(/^The Brazilian Space Agency \(AEB\), of the Federative Republic of Brazil, and the China National Space Administration/m);
    expect(r.stdout).toMatch(/^\| For the Brazilian Space Agency \| For the China National Space Administration \|$/m);
    // the articles themselves do not change
    const articles = (md: string) => md.slice(md.indexOf('## Article 1 '), md.indexOf('IN WITNESS WHEREOF'));
    expect(articles(r.stdout)).toBe(articles(normal));
  });

  it('refuses a handle that is not a party', () => {
    const r = run(['draft', 'examples/cbers.yaml', '--out', '-', '--alternat', 'nasa']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a party in');
  });
});
