#!/usr/bin/env bash
# Builds build-wasm/readforge.mjs + readforge.wasm with Debian's Emscripten.
set -euo pipefail
cd "$(dirname "$0")/.."
# emcc's JS optimizer needs acorn, which Debian installs for its own Node only.
export NODE_PATH=/usr/share/nodejs
[ -f build-wasm/CMakeCache.txt ] || emcmake cmake -S . -B build-wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-wasm -j"$(nproc)"
# wrangler (npm run edge:dev, wrangler deploy) imports the module beside the edge's worker.ts.
cp build-wasm/readforge.wasm web/src/edge/readforge.wasm
