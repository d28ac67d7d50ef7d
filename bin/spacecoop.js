#!/usr/bin/env node
// Launcher: runs the bundled CLI with its V8 code cache, so a cold start skips compiling it.
// A missing or rejected cache (another Node version) only costs speed.
import { readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const file = fileURLToPath(new URL('../dist/bundle/spacecoop.cjs', import.meta.url));
const cacheFile = `${file}.cache`;
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {}
const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
if (process.env.SPACECOOP_DEBUG_CODE_CACHE) process.stderr.write(`code cache: ${cachedData ? (script.cachedDataRejected ? 'rejected' : 'used') : 'none'}\n`);
process.exitCode = await module.exports.main(process.argv);
// The build asks for the cache after a warm-up run, so it holds the bytecode of what a draft uses.
if (process.env.SPACECOOP_WRITE_CODE_CACHE) writeFileSync(cacheFile, script.createCachedData());
