#!/usr/bin/env bash
# Installs what readforge needs on Debian 12 (as root, or with sudo) and builds it.
# Idempotent: packages already present are not reinstalled; the build is incremental.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  cmake g++ make pkg-config zlib1g-dev libboost-dev libgtest-dev  # native build and unit tests
  emscripten                                                      # the WebAssembly build
  clang libclang-rt-14-dev                                        # libFuzzer and sanitizers
  samtools bcftools tabix bwa python3-pysam                       # wgsim peer, checkers, bgzip
  delly                                                           # SV calls on planted SVs (tests)
  fastp                                                           # adapter trimming checks
  snakemake                                                       # the cluster workflow (workflow/)
  art-nextgen-simulation-tools-profiles                           # ART's Illumina profiles (tests)
  chromium                                                        # Playwright's browser (e2e/)
  time                                                            # /usr/bin/time for benchmarks
  awscli                                                          # presigned URLs in tests (aws s3 presign)
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v node >/dev/null || { echo "setup: Node.js 20 or later is needed" >&2; exit 1; }
# npm ci when the lock file is in step; quick when node_modules is already there.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
scripts/build-wasm.sh
npx tsc -p web/tsconfig.node.json
npx tsc -p web/tsconfig.app.json
npx tsc -p web/tsconfig.edge.json
npx vite build --logLevel warn
# The npm package (packages/readforge): its types checked, then bundled beside the engine.
npx tsc -p packages/readforge/tsconfig.json
node packages/readforge/build.mjs
