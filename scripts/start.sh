#!/usr/bin/env bash
# The main job: set up and build everything, simulate a demo run with the command line, then
# serve the browser app (production build) next to a local S3 bucket holding the demo
# references, and print their addresses. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
mkdir -p out
build/readforge -S 11 -N 10000 -1 150 -2 150 --vcf out/demo.vcf \
  --mutations out/demo.mutations.txt public/refs/MT-human.fa out/demo_R1.fq out/demo_R2.fq
echo "start: FASTQ in out/demo_R1.fq and out/demo_R2.fq, variants in out/demo.vcf"
node scripts/local-s3.mjs "${S3_PORT:-4568}" &
s3=$!
trap 'kill $s3 2>/dev/null' EXIT
echo "start: the app is at http://localhost:${PORT:-4173}/"
npx vite preview --port "${PORT:-4173}" --strictPort
