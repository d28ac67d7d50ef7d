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
function time(args) {
  const ms = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'ignore'] });
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
    if (i >= 2) ms.push(Number(process.hrtime.bigint() - t) / 1e6); // two warm-up runs fill the OS cache
  }
  return median(ms);
}

const rows = [];
const row = (name, value, target, ok) => rows.push({ name, value, target, ok });

const bare = time(['-e', '0']);
const largest = join(ROOT, 'examples', 'cbers.yaml');
const draft = time([BIN, 'draft', largest, '--out', '-']);
const help = time([BIN, '--help']);
row('bare node -e 0 (median)', `${bare.toFixed(1)} ms`, '', true);
row('cold `spacecoop draft` (median)', `${draft.toFixed(1)} ms = ${(draft / bare).toFixed(2)}x node`, '<= 1.5x', draft / bare <= 1.5);
row('`spacecoop --help` (median)', `${help.toFixed(1)} ms = ${(help / bare).toFixed(2)}x node`, '<= 1.3x', help / bare <= 1.3);

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
row('in-process drafts/s, parsed terms to Markdown', `${Math.round(enginePerSec)}`, '>= 1000', enginePerSec >= 1000);

// Each file in scripts/bench/ adds its own rows: `export async function bench(ctx) { return [row, ...] }`.
const { readdirSync } = await import('node:fs');
for (const f of readdirSync(join(ROOT, 'scripts', 'bench')).filter((f) => f.endsWith('.mjs')).sort()) {
  const mod = await import(join(ROOT, 'scripts', 'bench', f));
  rows.push(...(await mod.bench({ ROOT, library, source, median })));
}

const w = Math.max(...rows.map((r) => r.name.length));
for (const r of rows) console.log(`${r.name.padEnd(w)}  ${r.value.padEnd(28)} ${r.target ? `${r.target.padEnd(10)} ${r.ok ? 'ok' : 'MISS'}` : ''}`);
