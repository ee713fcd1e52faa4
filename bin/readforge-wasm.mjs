#!/usr/bin/env node
// `npx readforge-wasm`: the native CLI's arguments, run through readforge.wasm (see README.md).
// The command ships in the npm package (packages/readforge, `npm run build:package`).
import '../packages/readforge/dist/readforge-wasm.js';
