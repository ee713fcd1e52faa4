#!/usr/bin/env bash
# Everything CI checks: set up, build, then every test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
node --test tests/js/
