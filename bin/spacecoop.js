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
const shipped = `${file}.${key}.cache`;
let cacheFile = shipped;
let cachedData = tryRead(cacheFile);
let writeTo = process.env.SPACECOOP_WRITE_CODE_CACHE ? shipped : undefined;
if (!cachedData && !writeTo) {
  try {
    const st = statSync(file);
    const dir = process.env.SPACECOOP_CACHE_DIR || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'spacecoop');
    cacheFile = join(dir, `code-cache-${key}-${fnv(`${st.size}:${st.mtimeMs}`)}.bin`);
    cachedData = tryRead(cacheFile);
    if (!cachedData) writeTo = cacheFile;
  } catch {}
}
const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
if (cachedData && script.cachedDataRejected) writeTo = cacheFile;
if (process.env.SPACECOOP_DEBUG_CODE_CACHE) {
  process.stderr.write(`code cache: ${cachedData ? (script.cachedDataRejected ? 'rejected' : 'used') : 'none'} (${cacheFile})\n`);
}
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
process.exitCode = await module.exports.main(process.argv);
// Taken after the run, so the cache holds the bytecode of what this command used.
if (writeTo) {
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
