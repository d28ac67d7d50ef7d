import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runNew } from '../../src/cli/new.js';
import { UserError } from '../../src/errors.js';
import { BIN, EXAMPLES, read, run, tempDir } from '../helpers/run.js';

const EXAMPLE = EXAMPLES[0]!;
/** Every refusal: exit 2, a message, no stack trace, no internal error; and it does not hang. */
function refused(r: { code: number | null; stderr: string }, says: RegExp) {
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(says);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at .*:\d+:\d+/);
}
function runT(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 20000, env: { ...process.env, NO_COLOR: '1' } });
  expect(r.signal, 'timed out: it hung').toBeNull();
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
function setup() {
  const dir = tempDir();
  writeFileSync(join(dir, 'agreement.yaml'), read(EXAMPLE));
  return dir;
}
const mkfifo = (path: string) => execFileSync('mkfifo', [path]);

describe('item 9: special files are refused before reading, with a size limit', () => {
  it('a FIFO or a device as the terms file', () => {
    const dir = setup();
    mkfifo(join(dir, 'pipe.yaml'));
    refused(runT(['draft', 'pipe.yaml'], dir), /named pipe/);
    refused(runT(['check', 'pipe.yaml'], dir), /named pipe/);
    refused(runT(['draft', '/dev/zero'], dir), /device/);
    refused(runT(['check', '/dev/zero'], dir), /device/);
  });
  it('a FIFO, /dev/full or /dev/zero as the draft or --out', () => {
    const dir = setup();
    mkfifo(join(dir, 'out.md'));
    refused(runT(['draft', 'agreement.yaml', '--out', 'out.md'], dir), /named pipe/);
    refused(runT(['draft', 'agreement.yaml', '--out', '/dev/full'], dir), /device/);
    refused(runT(['draft', 'agreement.yaml', '--out', '/dev/zero', '--format', 'html'], dir), /device/);
    refused(runT(['check', 'out.md'], dir), /named pipe/);
    refused(runT(['redline', 'out.md', '/dev/zero'], dir), /named pipe|device/);
  });
  it('a FIFO in a --clauses folder', () => {
    const dir = setup();
    mkdirSync(join(dir, 'own', 'ip'), { recursive: true });
    mkfifo(join(dir, 'own', 'ip', 'joint.hbs'));
    refused(runT(['draft', 'agreement.yaml', '--clauses', 'own'], dir), /named pipe/);
  });
  it('--out /dev/stdout is standard output', () => {
    const dir = setup();
    const r = runT(['draft', 'agreement.yaml', '--out', '/dev/stdout'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<!-- spacecoop:draft v1 -->/);
  });
  it('a file over the size limit is refused before it is read', () => {
    const dir = setup();
    writeFileSync(join(dir, 'big.yaml'), Buffer.alloc(17 * 1024 * 1024, 0x20));
    refused(runT(['draft', 'big.yaml'], dir), /MiB/);
  });
  it('a draft or terms file saved as UTF-16 is named as such', () => {
    const dir = setup();
    runT(['draft', 'agreement.yaml'], dir);
    const md = read(join(dir, 'agreement.md'));
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(md, 'utf16le')]);
    writeFileSync(join(dir, 'agreement.md'), le);
    refused(runT(['draft', 'agreement.yaml'], dir), /UTF-16 LE/);
    refused(runT(['check', 'agreement.md'], dir), /UTF-16/);
    expect(readFileSync(join(dir, 'agreement.md')).equals(le)).toBe(true);
    const be = Buffer.from(read(EXAMPLE), 'utf16le').swap16();
    writeFileSync(join(dir, 'be.yaml'), be);
    refused(runT(['draft', 'be.yaml'], dir), /UTF-16 BE/);
  });
});

describe('item 10: the wrong kind of file as terms, a folder as --out', () => {
  it('names a draft, a Word file, an HTML file and a Markdown file given as terms', () => {
    const dir = setup();
    runT(['draft', 'agreement.yaml'], dir);
    runT(['draft', 'agreement.yaml', '--format', 'docx'], dir);
    runT(['draft', 'agreement.yaml', '--format', 'html'], dir);
    writeFileSync(join(dir, 'notes.md'), '# Notes\n\n## Open points\n\n- the cost share\n- [ ] the seat\n');
    for (const [file, says] of [
      ['agreement.md', /spacecoop draft/],
      ['agreement.docx', /zip archive \(a Word \.docx/],
      ['agreement.html', /HTML document/],
      ['notes.md', /Markdown/],
    ] as const) {
      const r = runT(['draft', file, '--out', 'x.md'], dir);
      refused(r, says);
      expect(r.stderr.split('\n').length).toBeLessThan(6);
      expect(existsSync(join(dir, 'x.md'))).toBe(false);
    }
    refused(runT(['check', 'agreement.html'], dir), /HTML document/);
  });
  it('a folder as --out, for every format', () => {
    const dir = setup();
    mkdirSync(join(dir, 'out'));
    for (const f of ['md', 'docx', 'html']) refused(runT(['draft', 'agreement.yaml', '--out', 'out', '--format', f], dir), /folder/);
    refused(runT(['draft', 'agreement.yaml', '--out', 'missing/agreement.md'], dir), /folder missing does not exist/);
  });
});

describe('item 11: output stream failures', () => {
  it('a full disk behind standard output: exit 2 and a message, no internal error', () => {
    const dir = setup();
    for (const f of ['md', 'html']) {
      const fd = openSync('/dev/full', 'w');
      const r = spawnSync(process.execPath, [BIN, 'draft', 'agreement.yaml', '--out', '-', '--format', f], { cwd: dir, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', timeout: 20000 });
      closeSync(fd);
      refused({ code: r.status, stderr: r.stderr }, /standard output.*disk is full/);
    }
  });
  it('a reader that goes away: never exit 0', () => {
    const dir = setup();
    const r = spawnSync('bash', ['-c', `node ${JSON.stringify(BIN)} draft agreement.yaml --out - --format html | true; echo "rc=\${PIPESTATUS[0]}" >&2`], { cwd: dir, encoding: 'utf8', timeout: 20000 });
    expect(r.stderr).toMatch(/rc=2/);
    expect(r.stderr).not.toMatch(/internal error/);
  });
});

describe('item 12: atomic writes leave nothing behind, and take long names', () => {
  it('stale temporary files of a killed run are removed on the next write', () => {
    const dir = setup();
    runT(['draft', 'agreement.yaml'], dir);
    const stale = ['.agreement.md.spacecoop-tmp-999999-0badc0de', '.agreement.md.spacecoop-tmp-4194301-deadbeef'];
    for (const s of stale) writeFileSync(join(dir, s), 'half');
    writeFileSync(join(dir, '.agreement.md.spacecoop-tmp-notours'), 'keep');
    writeFileSync(join(dir, 'agreement.yaml'), read(EXAMPLE).replace(/confidentialityYears: \d+/, 'confidentialityYears: 9'));
    expect(runT(['draft', 'agreement.yaml'], dir).code).toBe(0);
    expect(readdirSync(dir).filter((f) => f.includes('spacecoop-tmp'))).toEqual(['.agreement.md.spacecoop-tmp-notours']);
  });
  it('a legal 240-byte file name is written, in every format', () => {
    const dir = setup();
    for (const f of ['md', 'docx', 'html']) {
      const name = `${'a'.repeat(240 - f.length - 1)}.${f}`;
      const r = runT(['draft', 'agreement.yaml', '--out', name, '--format', f], dir);
      expect(r.stderr).not.toMatch(/error/);
      expect(existsSync(join(dir, name))).toBe(true);
    }
    const wide = `${'é'.repeat(115)}.md`; // 235 bytes
    expect(runT(['draft', 'agreement.yaml', '--out', wide], dir).code).toBe(0);
    expect(existsSync(join(dir, wide))).toBe(true);
  });
});

describe('item 13: symbolic links', () => {
  it('a link to a spacecoop draft is refused, saying "symbolic link", and the draft is unchanged', () => {
    const dir = setup();
    runT(['draft', 'agreement.yaml', '--out', 'real.md'], dir);
    symlinkSync('real.md', join(dir, 'link.md'));
    const before = read(join(dir, 'real.md'));
    writeFileSync(join(dir, 'agreement.yaml'), read(EXAMPLE).replace(/confidentialityYears: \d+/, 'confidentialityYears: 9'));
    for (const extra of [[], ['--dry-run'], ['--force']]) {
      refused(runT(['draft', 'agreement.yaml', '--out', 'link.md', ...extra], dir), /symbolic link/);
    }
    refused(runT(['draft', 'agreement.yaml', '--out', 'link.md', '--format', 'html'], dir), /symbolic link/);
    expect(read(join(dir, 'real.md'))).toBe(before);
  });
  it('a dangling link as the terms file says so', () => {
    const dir = setup();
    symlinkSync('nowhere.yaml', join(dir, 'dangling.yaml'));
    refused(runT(['draft', 'dangling.yaml'], dir), /symbolic link/);
  });
});

describe('item 13: new checks every path before the first question', () => {
  let stderr = '';
  beforeEach(() => {
    stderr = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((c) => ((stderr += String(c)), true));
  });
  afterEach(() => vi.restoreAllMocks());
  const never = async () => {
    throw new Error('a question was asked');
  };
  const cases: [string, (dir: string) => { terms: string; out: string }, RegExp][] = [
    ['a linked --terms', (d) => (symlinkSync(join(d, 'agreement.yaml'), join(d, 'l.yaml')), { terms: join(d, 'l.yaml'), out: join(d, 'a.md') }), /symbolic link/],
    ['a linked --out', (d) => (writeFileSync(join(d, 'x.md'), ''), symlinkSync(join(d, 'x.md'), join(d, 'l.md')), { terms: join(d, 'n.yaml'), out: join(d, 'l.md') }), /symbolic link/],
    ['a missing output folder', (d) => ({ terms: join(d, 'n.yaml'), out: join(d, 'no', 'a.md') }), /does not exist/],
    ['a missing terms folder', (d) => ({ terms: join(d, 'no', 'n.yaml'), out: join(d, 'a.md') }), /does not exist/],
    ['a folder as --out', (d) => (mkdirSync(join(d, 'f')), { terms: join(d, 'n.yaml'), out: join(d, 'f') }), /folder/],
  ];
  for (const [name, paths, says] of cases) {
    it(name, async () => {
      const dir = setup();
      await expect(runNew(paths(dir), { ask: never, say: () => {}, interactive: true })).rejects.toSatisfy((e) => e instanceof UserError && says.test(e.message));
    });
  }
});
