// After tsc: precompile the built-in clause library, bundle the CLI, and make its V8 code cache.
// - dist/library-data.cjs: every built-in template checked and precompiled (none compiled at start-up)
// - dist/bundle/spacecoop.cjs: the CLI in one file; commands and heavy modules still initialise lazily
// - dist/bundle/spacecoop.cjs.cache: V8 bytecode for it, taken after a warm-up draft, which
//   bin/spacecoop.js hands to vm.Script (Node 20 has no module.enableCompileCache)
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { readClauseDir } = await import(join(ROOT, 'dist/library/load.js'));
const { precompileLibrary } = await import(join(ROOT, 'dist/library/precompile.js'));
const { templateViewKeys } = await import(join(ROOT, 'dist/engine.js'));

const sources = [...readClauseDir(join(ROOT, 'clauses')), ...readClauseDir(join(ROOT, 'templates'))];
try {
  writeFileSync(join(ROOT, 'dist/library-data.cjs'), precompileLibrary(sources, { viewKeys: templateViewKeys(), root: ROOT }));
} catch (e) {
  // A broken built-in clause file fails the build with the same located message a user would see.
  console.error(e.message);
  for (const p of e.problems ?? []) console.error(`  ${p.file}:${p.line ?? 1}:${p.column ?? 1}: ${p.path ? `${p.path}: ` : ''}${p.message}`);
  process.exit(1);
}

const outdir = join(ROOT, 'dist/bundle');
rmSync(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: [join(ROOT, 'dist/cli/main.js')],
  outfile: join(outdir, 'spacecoop.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: !process.env.BUNDLE_NO_MINIFY,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: Boolean(process.env.BUNDLE_ANALYZE),
  // The bundle sits two folders below the package root, as dist/cli/*.js does, so the paths the
  // sources derive from import.meta.url stay right.
  define: { 'import.meta.url': '__spacecoopUrl' },
  banner: { js: "var __spacecoopUrl = require('node:url').pathToFileURL(__filename).href;" },
  // Loaded only by `new` and `--format docx`: they stay in node_modules and load when used, by
  // require(): functions restored from a V8 code cache cannot run import() (both ship CommonJS).
  external: ['@inquirer/*', 'docx'],
  supported: { 'dynamic-import': false },
});
if (process.env.BUNDLE_ANALYZE) console.log(await (await import('esbuild')).analyzeMetafile(result.metafile));

// Warm-up: draft every example once with the code cache requested; the launcher writes the cache.
const warm = spawnSync(process.execPath, [join(ROOT, 'bin/spacecoop.js'), 'draft', join(ROOT, 'examples/cbers.yaml'), '--out', '-'], {
  env: { ...process.env, SPACECOOP_WRITE_CODE_CACHE: '1' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (warm.status !== 0) {
  console.error('warm-up draft failed; the code cache was not written');
  process.exit(1);
}
