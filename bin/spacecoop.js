#!/usr/bin/env node
'use strict';
// Launcher: runs the bundled CLI with a V8 code cache, so a cold start skips compiling it.
//
// It is CommonJS (bin/package.json), not an ES module: Node starts a CommonJS main file without
// setting up its ES module loader, a few milliseconds of every run.
//
// V8 accepts a code cache only from the same Node version, architecture and V8 flags. The build
// ships one for the Node that built it, named by that key. Under any other key (a flag in
// NODE_OPTIONS such as --max-old-space-size, another Node version, an upgraded bundle) the
// launcher keeps its own cache per user, in $SPACECOOP_CACHE_DIR, else $XDG_CACHE_HOME/spacecoop,
// else ~/.cache/spacecoop, written after the first run that lacked one. Any failure to read or
// write a cache only costs speed, never a run.
const { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { isAscii } = require('node:buffer');
const Module = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const file = join(__dirname, '..', 'dist', 'bundle', 'spacecoop.cjs');

// `spacecoop --version` alone, as scripts and package managers ask it: the version, without
// loading any bundle (commander would print the same line).
if (process.argv.length === 3 && (process.argv[2] === '--version' || process.argv[2] === '-v')) {
  process.stdout.write(`${JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version}\n`);
  process.exit(0);
}

/** FNV-1a, 32 bits, as 8 hex digits: a file-name key, not a security measure. */
function fnv(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}
const tryRead = (path) => {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
};
/**
 * The bundle's text. The build writes bundles in ASCII (scripts/build.mjs), which decodes as Latin-1
 * far faster than as UTF-8; anything else (a bundle edited by hand) is read as UTF-8.
 */
const readSource = (path) => {
  const bytes = readFileSync(path);
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
};

// SPACECOOP_TIMING=1: milliseconds from the start of the process to each mark, on stderr at exit.
if (process.env.SPACECOOP_TIMING) {
  const marks = [['launcher', performance.now()]];
  globalThis.__spacecoopMark = (label) => marks.push([label, performance.now()]);
  process.on('exit', () => {
    marks.push(['exit', performance.now()]);
    let previous = 0;
    for (const [label, at] of marks) {
      process.stderr.write(`timing ${at.toFixed(1).padStart(7)} ms  +${(at - previous).toFixed(1).padStart(5)}  ${label}\n`);
      previous = at;
    }
  });
}

const flags = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ').trim();
const key = fnv([process.version, process.arch, flags].join('\n'));
const cacheDir = () => process.env.SPACECOOP_CACHE_DIR || join(process.env.XDG_CACHE_HOME || join(require('node:os').homedir(), '.cache'), 'spacecoop');

/** Bundles run in this process, with where each one's cache is to be written after the run. */
const loaded = [];

/**
 * Runs one bundle (`spacecoop.cjs`, the shell, or `spacecoop-<name>.cjs`) with its code cache:
 * the one shipped for this key, else the per-user one, else none (and one is written after the run).
 */
function runBundle(bundle) {
  const shipped = `${bundle}.${key}.cache`;
  let cacheFile = shipped;
  let cachedData = tryRead(cacheFile);
  let writeTo = process.env.SPACECOOP_WRITE_CODE_CACHE ? shipped : undefined;
  if (!cachedData && !writeTo) {
    try {
      const st = statSync(bundle);
      const name = bundle.slice(bundle.lastIndexOf('/') + 1).replace(/\.cjs$/, '');
      cacheFile = join(cacheDir(), `code-cache-${name}-${key}-${fnv(`${st.size}:${st.mtimeMs}`)}.bin`);
      cachedData = tryRead(cacheFile);
      if (!cachedData) writeTo = cacheFile;
    } catch {}
  }
  const script = new Script(Module.wrap(readSource(bundle)), { filename: bundle, cachedData });
  if (cachedData && script.cachedDataRejected) writeTo = cacheFile;
  if (process.env.SPACECOOP_DEBUG_CODE_CACHE) {
    process.stderr.write(`code cache: ${cachedData ? (script.cachedDataRejected ? 'rejected' : 'used') : 'none'} (${cacheFile})\n`);
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, Module.createRequire(bundle), module, bundle, dirname(bundle));
  loaded.push({ script, writeTo });
  globalThis.__spacecoopMark?.(`bundle ${bundle.slice(bundle.lastIndexOf('/') + 1)}`);
  return module.exports;
}

/** Taken after the run, so each cache holds the bytecode of what this command used. */
function writeCaches() {
  for (const { script, writeTo } of loaded) {
    if (!writeTo) continue;
    try {
      // Two plain mkdirs, not { recursive: true }: Node 20's recursive mkdir never returns under /proc.
      for (const dir of [dirname(dirname(writeTo)), dirname(writeTo)]) {
        try {
          mkdirSync(dir);
        } catch {}
      }
      const temp = `${writeTo}.${process.pid}.tmp`;
      writeFileSync(temp, script.createCachedData());
      renameSync(temp, writeTo);
    } catch {}
  }
}

// The shell asks for the commands bundle when a command runs; `--help` never loads it.
const bundles = new Map();
globalThis.__spacecoopLoad = (name) => {
  if (!bundles.has(name)) bundles.set(name, runBundle(join(dirname(file), `spacecoop-${name}.cjs`)));
  return bundles.get(name);
};
// A source checkout that was never built (no `npm install`, or `npm ci --ignore-scripts`) has no
// bundles: say what to run, not a stack trace.
try {
  statSync(file);
} catch {
  process.stderr.write(`error: spacecoop is not built (${file} is missing)\nRun \`npm install\` (which builds it) or \`npm run build\` in ${dirname(__dirname)}.\n`);
  process.exit(2);
}
const shell = runBundle(file);
// SPACECOOP_WARM_UP (the build's, with SPACECOOP_WRITE_CODE_CACHE): a JSON list of argument lists,
// run one after the other in this process, so the caches hold the bytecode of all of them; the
// exit code is the highest.
const warmUp = async (runs) => {
  let worst = 0;
  for (const argv of runs) worst = Math.max(worst, await shell.main([process.argv[0], process.argv[1], ...argv]));
  return worst;
};
(process.env.SPACECOOP_WARM_UP ? warmUp(JSON.parse(process.env.SPACECOOP_WARM_UP)) : shell.main(process.argv))
  .then((code) => {
    process.exitCode = code;
    writeCaches();
  });
