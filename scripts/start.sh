#!/usr/bin/env bash
# The main job: set up and build everything, simulate a demo run with the command line, then
# serve the browser app (production build), the edge API (workerd) and a local S3 bucket with
# the demo references, and print their addresses. Ctrl-C stops them all.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
mkdir -p out
build/readforge -S 11 -N 10000 -1 150 -2 150 --vcf out/demo.vcf \
  --mutations out/demo.mutations.txt public/refs/MT-human.fa out/demo_R1.fq out/demo_R2.fq
echo "start: FASTQ in out/demo_R1.fq and out/demo_R2.fq, variants in out/demo.vcf"

S3_PORT="${S3_PORT:-4568}" EDGE_PORT="${EDGE_PORT:-8787}" PORT="${PORT:-4173}"
node scripts/local-s3.mjs "$S3_PORT" &
pids=($!)
trap 'kill "${pids[@]}" 2>/dev/null' EXIT
node scripts/build-edge.mjs --port "$EDGE_PORT" --s3 "http://127.0.0.1:$S3_PORT"
npx workerd serve --experimental build-edge/config.capnp &
pids+=($!)
echo "start: edge API at http://127.0.0.1:$EDGE_PORT/api/references"
echo "start: the app is at http://localhost:$PORT/"
READFORGE_EDGE="http://127.0.0.1:$EDGE_PORT" npx vite preview --port "$PORT" --strictPort
