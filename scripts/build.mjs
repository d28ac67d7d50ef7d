// After tsc: precompile the built-in clause library, bundle the CLI, and make its V8 code cache.
// - dist/library-data.cjs: every built-in template checked and precompiled (none compiled at start-up)
// - dist/bundle/spacecoop.cjs: the CLI in one file; commands and heavy modules still initialise lazily
// - dist/bundle/spacecoop-commands.cjs, spacecoop-export.cjs, spacecoop-docx.cjs: the commands, Word
//   and HTML writing and reading, and the docx library
// - dist/bundle/*.cjs.<key>.cache: V8 bytecode for each, taken after a warm-up of the common commands,
//   which bin/spacecoop.js hands to vm.Script (Node 20 has no module.enableCompileCache)
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { readClauseDir } = await import(join(ROOT, 'dist/library/load.js'));
const { precompileLibrary } = await import(join(ROOT, 'dist/library/precompile.js'));
const { templateViewKeys } = await import(join(ROOT, 'dist/engine.js'));

const { TWINS_REQUIRED } = await import(join(ROOT, 'dist/library/twins.js'));
const sources = [...readClauseDir(join(ROOT, 'clauses')), ...readClauseDir(join(ROOT, 'templates'))];
try {
  // Every built-in clause must have its Chinese twin (TWINS_REQUIRED), checked against it here.
  const data = precompileLibrary(sources, { viewKeys: templateViewKeys(), root: ROOT, builtin: () => TWINS_REQUIRED });
  writeFileSync(join(ROOT, 'dist/library-data.cjs'), data.en);
  writeFileSync(join(ROOT, 'dist/library-data-zh.cjs'), data.zh);
} catch (e) {
  // A broken built-in clause file fails the build with the same located message a user would see.
  console.error(e.message);
  for (const p of e.problems ?? []) console.error(`  ${p.file}:${p.line ?? 1}:${p.column ?? 1}: ${p.path ? `${p.path}: ` : ''}${p.message}`);
  process.exit(1);
}

/**
 * Start-up work the libraries do for features we never use, left out of the bundle:
 * - zod registers one locale but bundles all of them (about 250 KB); only English is kept.
 * - commander requires child_process (and with it net and dgram) at load, for executable
 *   subcommands we do not have; it is required on first use instead.
 * - the precompiled clause library becomes part of the bundle, so it shares its code cache.
 * Each rewrite checks that its pattern is still there, so a library upgrade fails the build
 * instead of silently undoing it.
 */
const rewrite = (file, from, to) => {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`build: ${file} no longer contains ${JSON.stringify(from)}; update scripts/build.mjs`);
  return text.replace(from, to);
};
const startupPlugin = {
  name: 'spacecoop-startup',
  setup(b) {
    b.onLoad({ filter: /zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({ contents: 'export { default as en } from "./en.js";', loader: 'js' }));
    b.onLoad({ filter: /commander[\\/]lib[\\/]command\.js$/ }, (args) => ({
      contents: rewrite(
        args.path,
        "const childProcess = require('node:child_process');",
        "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };",
      ),
      loader: 'js',
    }));
    b.onLoad({ filter: /dist[\\/]cli[\\/]library\.js$/ }, (args) => ({
      contents: rewrite(args.path, 'createRequire(import.meta.url)(PRECOMPILED)', `require(${JSON.stringify(join(ROOT, 'dist/library-data.cjs'))})`),
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};

const outdir = join(ROOT, 'dist/bundle');
rmSync(outdir, { recursive: true, force: true });
/**
 * Two bundles, each with its own code cache: the shell (commander, the command table, messages),
 * which `--help` and `--version` load alone, and the commands with everything they use, which the
 * shell asks the launcher for when a command runs (src/cli/program.ts, `commands()`).
 */
const common = {
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
  // The interview's prompts, loaded only by `new`, stay in node_modules and load when used, by
  // require(): functions restored from a V8 code cache cannot run import() (they ship CommonJS).
  external: ['@inquirer/*'],
  supported: { 'dynamic-import': false },
};
/**
 * docx (about 1 MB, loaded only to write Word files) is a bundle of its own with its own code cache,
 * which the launcher loads when a Word file is written; compiling it without one took longer than
 * a whole Markdown draft.
 */
const docxBundle = {
  name: 'spacecoop-docx',
  setup(b) {
    b.onResolve({ filter: /^docx$/ }, (args) =>
      args.namespace === 'spacecoop-docx' ? { path: 'docx', external: true } : { path: 'docx', namespace: 'spacecoop-docx' },
    );
    b.onLoad({ filter: /.*/, namespace: 'spacecoop-docx' }, () => ({
      contents: "module.exports = globalThis.__spacecoopLoad ? globalThis.__spacecoopLoad('docx') : require('docx');",
      loader: 'js',
    }));
  },
};
const commandsExternal = {
  name: 'spacecoop-commands-external',
  setup(b) {
    // In the shell, the commands module is never bundled: the launcher's loader provides it.
    b.onResolve({ filter: /^\.\/commands\.js$/ }, () => ({ path: './spacecoop-commands.cjs', external: true }));
  },
};
/**
 * Writing and reading Word and HTML (micromark, the HTML and Word writers, xmldom, fflate) is a
 * bundle of its own, `spacecoop-export.cjs`, with its own code cache, so the commands bundle a draft
 * or a check deserialises holds none of their bytecode. The commands reach these modules only by
 * `await import(...)`; the build turns each such import into the launcher's loader.
 */
const EXPORT_MODULES = {
  model: 'dist/export/model.js',
  html: 'dist/export/html.js',
  htmlSeal: 'dist/export/seal.js',
  docx: 'dist/export/docx.js',
  parallel: 'dist/export/parallel.js',
  wordfile: 'dist/wordfile/index.js',
  wordfileSeal: 'dist/wordfile/seal.js',
  wordfileRead: 'dist/wordfile/read.js',
  wordfileImport: 'dist/wordfile/import.js',
  foreignDocx: 'dist/review/foreign/docx.js',
};
const exportKeyOf = new Map(Object.entries(EXPORT_MODULES).map(([key, file]) => [join(ROOT, file), key]));
const exportBundle = {
  name: 'spacecoop-export',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const key = exportKeyOf.get(join(args.resolveDir, args.path));
      return key ? { path: key, namespace: 'spacecoop-export' } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'spacecoop-export' }, (args) => ({
      contents: `module.exports = globalThis.__spacecoopLoad('export')[${JSON.stringify(args.path)}];`,
      loader: 'js',
    }));
  },
};
const exportEntry = Object.entries(EXPORT_MODULES)
  .map(([key, file]) => `export * as ${key} from ${JSON.stringify(join(ROOT, file))};`)
  .join('\n');

const shell = await build({ ...common, entryPoints: [join(ROOT, 'dist/cli/main.js')], outfile: join(outdir, 'spacecoop.cjs'), plugins: [startupPlugin, commandsExternal, docxBundle] });
const result = await build({ ...common, entryPoints: [join(ROOT, 'dist/cli/commands.js')], outfile: join(outdir, 'spacecoop-commands.cjs'), plugins: [startupPlugin, docxBundle, exportBundle] });
await build({ ...common, stdin: { contents: exportEntry, resolveDir: ROOT, loader: 'js' }, outfile: join(outdir, 'spacecoop-export.cjs'), plugins: [startupPlugin, docxBundle] });
await build({ ...common, entryPoints: [fileURLToPath(import.meta.resolve('docx'))], outfile: join(outdir, 'spacecoop-docx.cjs') });
/**
 * esbuild writes strings in ASCII but leaves regular expressions as written (`/[。；]/`). A bundle in
 * ASCII is read by the launcher as Latin-1, several milliseconds faster than UTF-8 decoding, so every
 * other character becomes a \\u escape, which means the same in a string, template or regular
 * expression. A character right after a backslash would change meaning, so it fails the build.
 */
function asciiOnly(path) {
  const text = readFileSync(path, 'utf8');
  const escaped = text.replace(/(\\*)([^\x00-\x7f])/g, (all, slashes, ch, at) => {
    if (slashes.length % 2 === 1) throw new Error(`build: ${path}: an escaped non-ASCII character at offset ${at}; write it as \\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return `${slashes}\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  if (escaped !== text) writeFileSync(path, escaped);
}
for (const f of ['spacecoop.cjs', 'spacecoop-commands.cjs', 'spacecoop-export.cjs', 'spacecoop-docx.cjs']) asciiOnly(join(outdir, f));
if (process.env.BUNDLE_ANALYZE) console.log(await (await import('esbuild')).analyzeMetafile(shell.metafile));
if (process.env.BUNDLE_ANALYZE) console.log(await (await import('esbuild')).analyzeMetafile(result.metafile));

// Warm-up: the commands a user runs most, in one process, with the code cache requested; the
// launcher then writes each bundle's cache with the bytecode of everything they ran (a Markdown
// draft, its HTML and Word copies, a review of the draft, of its Word copy and of the terms), so
// none of it is compiled again at start-up.
const { mkdtempSync, copyFileSync } = await import('node:fs');
const { tmpdir } = await import('node:os');
const scratch = mkdtempSync(join(tmpdir(), 'spacecoop-warm-up-'));
const terms = join(scratch, 'agreement.yaml');
copyFileSync(join(ROOT, 'examples/cbers.yaml'), terms);
// V8 drops the bytecode of functions that have not run for a while (bytecode flushing), and what it
// dropped is not in the cache: the commands every run needs (YAML, the schema, rendering, review)
// come last, so they are the freshest when the caches are taken.
const warmUp = [
  ['draft', terms],
  ['draft', terms, '--format', 'html'],
  ['draft', terms, '--format', 'docx'],
  ['check', join(scratch, 'agreement.md')],
  ['check', join(scratch, 'agreement.docx')],
  ['check', terms],
  ['draft', terms, '--out', '-'],
];
const warm = spawnSync(process.execPath, [join(ROOT, 'bin/spacecoop.js')], {
  env: { ...process.env, SPACECOOP_WRITE_CODE_CACHE: '1', SPACECOOP_WARM_UP: JSON.stringify(warmUp) },
  stdio: ['ignore', 'ignore', 'pipe'],
  encoding: 'utf8',
});
rmSync(scratch, { recursive: true, force: true });
if (warm.status !== 0 && warm.status !== 1) {
  console.error(`warm-up failed (exit ${warm.status}); the code cache was not written\n${warm.stderr}`);
  process.exit(1);
}
