#!/usr/bin/env node
// `npx readforge-wasm`: the native CLI's arguments, run through readforge.wasm (see README.md).
import { main } from '../dist/node/cli.js';

process.exitCode = await main(process.argv.slice(2));
