#!/usr/bin/env node
// Launcher: runs the bundled CLI with a V8 code cache, so a cold start skips compiling it.
//
// V8 accepts a code cache only from the same Node version, architecture and V8 flags. The build
// ships one for the Node that built it, named by that key. Under any other key (a flag in
// NODE_OPTIONS such as --max-old-space-size, another Node version, an upgraded bundle) the
// launcher keeps its own cache per user, in $SPACECOOP_CACHE_DIR, else $XDG_CACHE_HOME/spacecoop,
// else ~/.cache/spacecoop, written after the first run that lacked one. Any failure to read or
// write a cache only costs speed, never a run.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const file = fileURLToPath(new URL('../dist/bundle/spacecoop.cjs', import.meta.url));

// `spacecoop --version` alone, as scripts and package managers ask it: the version, without
// loading any bundle (commander would print the same line).
if (process.argv.length === 3 && (process.argv[2] === '--version' || process.argv[2] === '-v')) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
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

const flags = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ').trim();
const key = fnv([process.version, process.arch, flags].join('\n'));
const cacheDir = () => process.env.SPACECOOP_CACHE_DIR || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'spacecoop');

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
  const script = new Script(Module.wrap(readFileSync(bundle, 'utf8')), { filename: bundle, cachedData });
  if (cachedData && script.cachedDataRejected) writeTo = cacheFile;
  if (process.env.SPACECOOP_DEBUG_CODE_CACHE) {
    process.stderr.write(`code cache: ${cachedData ? (script.cachedDataRejected ? 'rejected' : 'used') : 'none'} (${cacheFile})\n`);
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  loaded.push({ script, writeTo });
  return module.exports;
}

// The shell asks for the commands bundle when a command runs; `--help` never loads it.
const bundles = new Map();
globalThis.__spacecoopLoad = (name) => {
  if (!bundles.has(name)) bundles.set(name, runBundle(join(dirname(file), `spacecoop-${name}.cjs`)));
  return bundles.get(name);
};
process.exitCode = await runBundle(file).main(process.argv);
// Taken after the run, so each cache holds the bytecode of what this command used.
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
