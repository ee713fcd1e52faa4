#!/usr/bin/env node
// Builds the edge function for workerd: bundles web/src/edge/worker.ts (with the Emscripten
// glue) into build-edge/worker.js next to readforge.wasm, and writes build-edge/config.capnp.
//   node scripts/build-edge.mjs [--port 8787] [--s3 http://127.0.0.1:4568] [--limits JSON]
//                               [--reference name=url]... [--reference-json JSON]...
//                               [--secret NAME=VALUE]... [--out build-edge]
//                               [--state DIR] [--test-port P]
// Serve with: npx workerd serve --experimental build-edge/config.capnp
// Shared runs live in workerd's bundled KV Worker and the statistics job runs from its bundled
// cron Worker (both need --experimental), with their data under --state (default
// <out>/state, kept across restarts). --test-port P serves the KV Worker on P and the cron
// Worker on P + 1 with their test clocks (POST /clock?advance=<ms>), for tests of expiry and
// of the schedule.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const OUT = join(ROOT, option('out', 'build-edge'));
const port = Number(option('port', process.env.EDGE_PORT ?? 8787));
const s3 = option('s3', `http://127.0.0.1:${process.env.S3_PORT ?? 4568}`);
const limits = option('limits', '{}');
const state = resolve(ROOT, option('state', join(OUT, 'state')));
const testPort = option('test-port', null);

// The references this server may fetch: the demo bucket of scripts/local-s3.mjs.
const references = [
  { name: 'MT-human', url: `${s3}/readforge-demo/MT-human.fa` },
  { name: 'MT-human-bgzip', url: `${s3}/readforge-demo/MT-human.fa.gz` },
  { name: 'ecoli-536', url: `${s3}/readforge-demo/ecoli-536.fa` },
  { name: 'ecoli-536-bgzip', url: `${s3}/readforge-demo/ecoli-536.fa.gz` },
  { name: 'mini-community', url: `${s3}/readforge-demo/mini-community.fa` },
];
// The VCFs `variants=NAME` may plant: the demo bucket's.
const variants = { 'MT-human-calls': `${s3}/readforge-demo/MT-human-calls.vcf.gz` };
// The tables `genome-map=`, `abundance=` and `amplicons=` may name: the demo bucket's.
const tables = {
  'mini-community-map': `${s3}/readforge-demo/mini-community.map.tsv`,
  'mini-community-shares': `${s3}/readforge-demo/mini-community.abundance.tsv`,
  'MT-human-panel': `${s3}/readforge-demo/MT-human-panel.bed`,
  'MT-human-copies': `${s3}/readforge-demo/MT-human-copies.bed`,
  'MT-human-somatic': `${s3}/readforge-demo/MT-human-somatic.vcf`,
};
// --reference name=url adds one (tests add one that cannot be reached).
for (let i = args.indexOf('--reference'); i >= 0; i = args.indexOf('--reference', i + 1)) {
  const [name, ...url] = args[i + 1].split('=');
  references.push({ name, url: url.join('=') });
}

// --reference-json adds one with every field (a private bucket's credentials, index URLs).
for (let i = args.indexOf('--reference-json'); i >= 0; i = args.indexOf('--reference-json', i + 1))
  references.push(JSON.parse(args[i + 1]));
// --secret NAME=VALUE: what `wrangler secret put NAME` sets on Cloudflare.
const secrets = [];
for (let i = args.indexOf('--secret'); i >= 0; i = args.indexOf('--secret', i + 1)) {
  const [name, ...value] = args[i + 1].split('=');
  secrets.push(
    `    (name = ${JSON.stringify(name)}, text = ${JSON.stringify(value.join('='))}),\n`,
  );
}

mkdirSync(OUT, { recursive: true });
await build({
  entryPoints: [join(ROOT, 'web/src/edge/worker.ts')],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  outfile: join(OUT, 'worker.js'),
  external: ['./readforge.wasm'],
  loader: { '.profile': 'text' }, // the built-in quality profile, bundled as text
  logLevel: 'warning',
});
copyFileSync(join(ROOT, 'build-wasm/readforge.wasm'), join(OUT, 'readforge.wasm'));
for (const dir of ['kv', 'kv-blobs', 'cron']) mkdirSync(join(state, dir), { recursive: true });
const text = (value) => JSON.stringify(JSON.stringify(value));
const testClock = testPort ? '\n    (name = "TEST_CLOCK", json = "true"),' : '';
const testSockets = testPort
  ? `
    (name = "kv-test", address = "127.0.0.1:${testPort}", http = (),
     service = (name = "kv", props = (json = ${text({ namespace: 'runs' })}))),
    (name = "cron-test", address = "127.0.0.1:${Number(testPort) + 1}", http = (), service = "cron"),`
  : '';
writeFileSync(
  join(OUT, 'config.capnp'),
  `# Written by scripts/build-edge.mjs: the edge API on workerd, locally.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "main", worker = .api),
    # Outbound fetches (the references) may reach loopback: the local S3 bucket.
    (name = "internet", network = (allow = ["public", "private", "local"])),
    # KV as wrangler.toml's [[kv_namespaces]] binding RUNS: workerd's bundled KV Worker.
    (name = "kv", worker = .kv),
    (name = "kv-store", disk = (path = ${JSON.stringify(join(state, 'kv'))}, writable = true)),
    (name = "kv-blobs", disk = (path = ${JSON.stringify(join(state, 'kv-blobs'))}, writable = true)),
    # The statistics job every 30 minutes, as wrangler.toml's [triggers] crons.
    (name = "cron", worker = .cron),
    (name = "cron-store", disk = (path = ${JSON.stringify(join(state, 'cron'))}, writable = true)),
  ],
  sockets = [
    (name = "http", address = "127.0.0.1:${port}", http = (), service = "main"),${testSockets}
  ],
);

const kv :Workerd.Worker = (
  modules = [(name = "kv.js", bundled = "/workerd/kv.js")],
  compatibilityDate = "2024-09-23",
  bindings = [
    (name = "SHARD", durableObjectNamespace = "KVNamespace"),
    (name = "BLOBS", service = "kv-blobs"),${testClock}
  ],
  durableObjectNamespaces = [(className = "KVNamespace", uniqueKey = "readforge-kv", enableSql = true)],
  durableObjectStorage = (localDisk = "kv-store"),
);

const cron :Workerd.Worker = (
  modules = [(name = "cron.js", bundled = "/workerd/cron.js")],
  compatibilityDate = "2024-09-23",
  compatibilityFlags = ["service_binding_extra_handlers"],
  bindings = [
    (name = "SCHEDULE", durableObjectNamespace = "Schedule"),
    (name = "CRONS", json = ${text({ main: ['*/30 * * * *'] })}),
    (name = "main", service = "main"),${testClock}
  ],
  durableObjectNamespaces = [(className = "Schedule", uniqueKey = "readforge-cron", enableSql = true)],
  durableObjectStorage = (localDisk = "cron-store"),
);

const api :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "worker.js"),
    (name = "readforge.wasm", wasm = embed "readforge.wasm"),
  ],
  compatibilityDate = "2024-09-23",
  bindings = [
    (name = "REFERENCES", text = ${text(references)}),
    (name = "LIMITS", text = ${text(JSON.parse(limits))}),
    (name = "VARIANTS", text = ${text(variants)}),
    (name = "TABLES", text = ${text(tables)}),
    (name = "RUNS", kvNamespace = (name = "kv", props = (json = ${text({ namespace: 'runs' })}))),
${secrets.join('')}  ],
  globalOutbound = "internet",
);
`,
);
console.log(`edge: ${OUT}/config.capnp serves http://127.0.0.1:${port}/api/ (references on ${s3})`);
