#!/usr/bin/env bash
# Runs every libFuzzer target (tests/fuzz/*_fuzz.cc) for a fixed time each.
#   scripts/fuzz.sh [seconds per target, default 60]
# Seeds come from tests/fuzz/corpus/<target>/ (read, never written: new finds go to
# build-fuzz/corpus/<target>/). A crash stops the script, leaving the input in
# build-fuzz/artifacts/ and the fuzzer's report on stderr. CI runs a short pass.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"

# libFuzzer needs clang for C (libdeflate) as for C++: a cache that picked another C compiler
# (made before the project had C sources, then reconfigured without CC) is made again.
if ! grep -q '^CMAKE_C_COMPILER:FILEPATH=.*clang' build-fuzz/CMakeCache.txt 2>/dev/null; then
  rm -rf build-fuzz/CMakeCache.txt build-fuzz/CMakeFiles
  CC=clang CXX=clang++ cmake -S . -B build-fuzz -DREADFORGE_FUZZ=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build build-fuzz -j"$(nproc)" >/dev/null

mkdir -p build-fuzz/artifacts
start=$(date +%s)
for target in build-fuzz/*_fuzz; do
  name=$(basename "$target")
  mkdir -p "build-fuzz/corpus/$name"
  log="build-fuzz/$name.log"
  # -max_len: the engine target expands each byte into up to four bases.
  if ! "$target" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix=build-fuzz/artifacts/ -print_final_stats=1 \
      "build-fuzz/corpus/$name" "tests/fuzz/corpus/$name" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "fuzz: $name FAILED (input saved in build-fuzz/artifacts/)" >&2
    exit 1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
  echo "fuzz: $name: $runs runs in ${seconds}s, no failure"
done
echo "fuzz: all targets passed ($(( $(date +%s) - start ))s of CPU, one core)"
