#!/usr/bin/env node
// Thin launcher: everything lives in the compiled CLI.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv);
