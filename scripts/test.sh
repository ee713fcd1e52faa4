#!/usr/bin/env bash
# Everything CI checks: set up, build, then every test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# Repeated code in the production sources: nothing beyond the reviewed allow-list.
node scripts/check-duplicates.mjs
ctest --test-dir build --output-on-failure -j"$(nproc)"
node --test tests/js/
# The browser app in Debian's Chromium, against the production build.
npx playwright test -c e2e/playwright.config.ts

# The C++ suite again under AddressSanitizer and UndefinedBehaviorSanitizer.
cmake -S . -B build-asan -DREADFORGE_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-asan -j"$(nproc)"
ctest --test-dir build-asan --output-on-failure -j"$(nproc)"

# A short, bounded fuzzing pass over every target (scripts/fuzz.sh SECONDS runs longer).
scripts/fuzz.sh "${FUZZ_SECONDS:-20}"
