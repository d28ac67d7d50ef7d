// npm run bench: start-up and throughput figures, each beside its target.
// Cold start is measured against a bare `node -e 0` in the same run, so the ratio holds on any machine.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin', 'spacecoop.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
function time(args, env = {}) {
  const ms = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'ignore'], env: { ...process.env, ...env } });
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}`);
    if (i >= 2) ms.push(Number(process.hrtime.bigint() - t) / 1e6); // two warm-up runs fill the OS cache
  }
  return median(ms);
}
/** Peak resident memory of one run in MiB, from GNU time; undefined where it is missing. */
function peakMiB(args) {
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const kb = Number(r.stderr?.trim().split('\n').pop());
  return r.error || !Number.isFinite(kb) ? undefined : kb / 1024;
}

const rows = [];
const row = (name, value, target, ok) => rows.push({ name, value, target, ok });
const { mkdtempSync, rmSync } = await import('node:fs');
const { tmpdir } = await import('node:os');
const scratch = mkdtempSync(join(tmpdir(), 'spacecoop-bench-'));

const bare = time(['-e', '0']);
const largest = join(ROOT, 'examples', 'cbers.yaml');
row('bare node -e 0 (median)', `${bare.toFixed(1)} ms`, '', true);
/** A cold run's median beside bare node's; the targets are issue 16's. */
const ratioRow = (name, args, target, env) => {
  const ms = time(args, env);
  const ratio = ms / bare;
  row(`${name} (median)`, `${ms.toFixed(1)} ms = ${ratio.toFixed(2)}x node`, target ? `<= ${target}x` : '', target ? ratio <= target : true);
  return ms;
};
const draftMs = ratioRow('cold `draft --out -`', [BIN, 'draft', largest, '--out', '-'], 2.0);
ratioRow('cold `check` (terms)', [BIN, 'check', largest], 2.0);
ratioRow('cold `draft --format docx`', [BIN, 'draft', largest, '--format', 'docx', '--out', join(scratch, 'a.docx')], 2.5);
ratioRow('cold `draft --format html` (no target)', [BIN, 'draft', largest, '--format', 'html', '--out', join(scratch, 'a.html')]);
ratioRow('`--help`', [BIN, '--help'], 1.3);
ratioRow('`--version`', [BIN, '--version'], 1.3);
// A V8 flag in NODE_OPTIONS makes V8 reject the shipped cache; the per-user cache takes over, so the
// draft should cost what it costs without the flag (within the noise of a run: 10%).
const flagged = time([BIN, 'draft', largest, '--out', '-'], { NODE_OPTIONS: '--max-old-space-size=4096', SPACECOOP_CACHE_DIR: join(scratch, 'cache') });
row(
  'cold `draft` with NODE_OPTIONS=--max-old-space-size (median)',
  `${flagged.toFixed(1)} ms = ${(flagged / draftMs).toFixed(2)}x without`,
  '<= 1.1x',
  flagged / draftMs <= 1.1,
);
const bareMem = peakMiB(['-e', '0']);
const draftMem = peakMiB([BIN, 'draft', largest, '--out', '-']);
const docxMem = peakMiB([BIN, 'draft', largest, '--format', 'docx', '--out', join(scratch, 'b.docx')]);
if (draftMem !== undefined) {
  row('peak memory, bare node', `${bareMem.toFixed(0)} MiB`, '', true);
  row('peak memory, `draft --out -`', `${draftMem.toFixed(0)} MiB`, '<= 71 MiB', draftMem <= 71);
  row('peak memory, `--format docx` (no target)', `${docxMem.toFixed(0)} MiB`, '', true);
} else row('peak memory', 'not measured: /usr/bin/time (GNU time) is missing', '', true);
rmSync(scratch, { recursive: true, force: true });

// In process: the engine alone, library already loaded, as a server or an editor plug-in would call it.
const { loadLibrary } = await import(join(ROOT, 'dist', 'cli', 'library.js'));
const { draftFromTermsText } = await import(join(ROOT, 'dist', 'engine.js'));
const { renderMarkdown } = await import(join(ROOT, 'dist', 'export', 'markdown.js'));
const library = loadLibrary();
const source = readFileSync(largest, 'utf8');
for (let i = 0; i < 200; i++) renderMarkdown(draftFromTermsText(source, largest, library).draft);
const n = 2000;
const t0 = process.hrtime.bigint();
for (let i = 0; i < n; i++) renderMarkdown(draftFromTermsText(source, largest, library).draft);
const perSec = n / (Number(process.hrtime.bigint() - t0) / 1e9);
row('in-process drafts/s, YAML text to Markdown', `${Math.round(perSec)}`, '', true);

// The engine alone, as the interview or an editor plug-in calls it: parsed terms to Markdown.
const { draftFromTerms, libraryVariants } = await import(join(ROOT, 'dist', 'engine.js'));
const { parseTerms } = await import(join(ROOT, 'dist', 'terms', 'parse.js'));
const parsed = parseTerms(source, largest, { variants: libraryVariants(library) });
const t1 = process.hrtime.bigint();
for (let i = 0; i < n; i++) renderMarkdown(draftFromTerms(parsed, library).draft);
const enginePerSec = n / (Number(process.hrtime.bigint() - t1) / 1e9);
row('in-process drafts/s, parsed terms to Markdown', `${Math.round(enginePerSec)}`, '>= 1500', enginePerSec >= 1500);

// Each file in scripts/bench/ adds its own rows: `export async function bench(ctx) { return [row, ...] }`.
const { readdirSync } = await import('node:fs');
for (const f of readdirSync(join(ROOT, 'scripts', 'bench')).filter((f) => f.endsWith('.mjs')).sort()) {
  const mod = await import(join(ROOT, 'scripts', 'bench', f));
  rows.push(...(await mod.bench({ ROOT, library, source, median })));
}

const w = Math.max(...rows.map((r) => r.name.length));
for (const r of rows) console.log(`${r.name.padEnd(w)}  ${r.value.padEnd(28)} ${r.target ? `${r.target.padEnd(10)} ${r.ok ? 'ok' : 'MISS'}` : ''}`);
