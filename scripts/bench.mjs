// npm run bench: start-up and throughput figures, each beside its target (issue 16's).
// Cold start is measured against a bare `node -e 0` in the same run, the commands taking turns, so
// the ratio holds on any machine and under a passing load. BENCH_RUNS sets the rounds (21).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin', 'spacecoop.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 21);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
/**
 * Median wall time of each command, in ms. The commands take turns (bare node, draft, check, ...,
 * then again), so a burst of load on a shared machine slows all of them alike and the ratios hold;
 * the first two rounds only fill the OS cache and the per-user code caches.
 */
function timeAll(commands) {
  const ms = commands.map(() => []);
  for (let i = 0; i < RUNS + 2; i++) {
    commands.forEach(({ args, env = {} }, k) => {
      const t = process.hrtime.bigint();
      const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'ignore'], env: { ...process.env, ...env } });
      if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}`);
      if (i >= 2) ms[k].push(Number(process.hrtime.bigint() - t) / 1e6);
    });
  }
  return ms.map(median);
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

const largest = join(ROOT, 'examples', 'cbers.yaml');
// The targets are issue 16's.
const COLD = [
  { name: 'bare node -e 0', args: ['-e', '0'] },
  { name: 'cold `draft --out -`', args: [BIN, 'draft', largest, '--out', '-'], target: 2.0 },
  { name: 'cold `check` (terms)', args: [BIN, 'check', largest], target: 2.0 },
  // The Markdown draft a Word or HTML export regenerates goes to the scratch folder, not examples/.
  { name: 'cold `draft --format docx`', args: [BIN, 'draft', largest, '--format', 'docx', '--draft', join(scratch, 'a.md'), '--out', join(scratch, 'a.docx')], target: 2.5 },
  { name: 'cold `draft --format html` (no target)', args: [BIN, 'draft', largest, '--format', 'html', '--draft', join(scratch, 'b.md'), '--out', join(scratch, 'a.html')] },
  { name: '`--help`', args: [BIN, '--help'], target: 1.3 },
  { name: '`--version`', args: [BIN, '--version'], target: 1.3 },
  // A V8 flag in NODE_OPTIONS makes V8 reject the shipped cache; the per-user cache takes over, so
  // the draft should cost what it costs without the flag (within a run's noise: 10%). The flag timed
  // changes V8's flag hash but not its heap, whose own sizing (--max-old-space-size) costs a few ms.
  { name: 'cold `draft` with NODE_OPTIONS=--stack-trace-limit=20', args: [BIN, 'draft', largest, '--out', '-'], env: { NODE_OPTIONS: '--stack-trace-limit=20', SPACECOOP_CACHE_DIR: join(scratch, 'cache') } },
];
const times = timeAll(COLD);
const bare = times[0];
const draftMs = times[1];
COLD.forEach((c, k) => {
  const ms = times[k];
  if (k === 0) row(`${c.name} (median)`, `${ms.toFixed(1)} ms`, '', true);
  else if (c.env) row(`${c.name} (median)`, `${ms.toFixed(1)} ms = ${(ms / draftMs).toFixed(2)}x without`, '<= 1.1x', ms / draftMs <= 1.1);
  else row(`${c.name} (median)`, `${ms.toFixed(1)} ms = ${(ms / bare).toFixed(2)}x node`, c.target ? `<= ${c.target}x` : '', c.target ? ms / bare <= c.target : true);
});
for (const flag of ['--max-old-space-size=4096']) {
  const env = { ...process.env, NODE_OPTIONS: flag, SPACECOOP_CACHE_DIR: join(scratch, 'cache'), SPACECOOP_DEBUG_CODE_CACHE: '1' };
  const said = () => spawnSync(process.execPath, [BIN, 'draft', largest, '--out', '-'], { env, encoding: 'utf8' }).stderr.match(/code cache: \w+/g)?.join(', ') ?? 'no answer';
  said();
  const second = said();
  row(`code cache with NODE_OPTIONS=${flag}, second run`, second.replace(/code cache: /g, ''), 'used', /^code cache: used, code cache: used$/.test(second));
}
const bareMem = peakMiB(['-e', '0']);
const draftMem = peakMiB([BIN, 'draft', largest, '--out', '-']);
const docxMem = peakMiB([BIN, 'draft', largest, '--format', 'docx', '--draft', join(scratch, 'c.md'), '--out', join(scratch, 'b.docx')]);
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
/** Drafts per second of `draftOnce`: the best of five batches of 500, so a burst of load elsewhere does not count. */
const throughput = (draftOnce) => {
  let best = 0;
  for (let batch = 0; batch < 5; batch++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < 500; i++) draftOnce();
    best = Math.max(best, 500 / (Number(process.hrtime.bigint() - t) / 1e9));
  }
  return best;
};
const perSec = throughput(() => renderMarkdown(draftFromTermsText(source, largest, library).draft));
row('in-process drafts/s, YAML text to Markdown', `${Math.round(perSec)}`, '', true);

// The engine alone, as the interview or an editor plug-in calls it: parsed terms to Markdown.
const { draftFromTerms, libraryVariants } = await import(join(ROOT, 'dist', 'engine.js'));
const { parseTerms } = await import(join(ROOT, 'dist', 'terms', 'parse.js'));
const parsed = parseTerms(source, largest, { variants: libraryVariants(library) });
const enginePerSec = throughput(() => renderMarkdown(draftFromTerms(parsed, library).draft));
row('in-process drafts/s, parsed terms to Markdown', `${Math.round(enginePerSec)}`, '>= 1500', enginePerSec >= 1500);

// Each file in scripts/bench/ adds its own rows: `export async function bench(ctx) { return [row, ...] }`.
const { readdirSync } = await import('node:fs');
for (const f of readdirSync(join(ROOT, 'scripts', 'bench')).filter((f) => f.endsWith('.mjs')).sort()) {
  const mod = await import(join(ROOT, 'scripts', 'bench', f));
  rows.push(...(await mod.bench({ ROOT, library, source, median })));
}

const w = Math.max(...rows.map((r) => r.name.length));
for (const r of rows) console.log(`${r.name.padEnd(w)}  ${r.value.padEnd(28)} ${r.target ? `${r.target.padEnd(10)} ${r.ok ? 'ok' : 'MISS'}` : ''}`);
