#!/usr/bin/env node
// npm run edge:dev: the edge API under wrangler dev (Miniflare), as Cloudflare would run it,
// from web/src/edge/wrangler.toml with the wasm that scripts/build-wasm.sh puts beside
// worker.ts. Its references are the local S3 bucket's (scripts/local-s3.mjs) unless
// REFERENCES is set; works offline.
//   node scripts/edge-dev.mjs [--ip 127.0.0.1] [--port 8788] [--config FILE] [--s3 URL]
//     [wrangler dev options]
// Every wrangler option this script sets (--ip, --port, --config) can be given instead.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const take = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const port = take('port', process.env.EDGE_DEV_PORT ?? '8788');
const ip = take('ip', '127.0.0.1');
const config = take('config', 'web/src/edge/wrangler.toml');
const s3 = take('s3', `http://127.0.0.1:${process.env.S3_PORT ?? 4568}`);
if (!existsSync(join(ROOT, 'web/src/edge/readforge.wasm'))) {
  console.error('edge:dev: web/src/edge/readforge.wasm is missing: run scripts/build-wasm.sh');
  process.exit(1);
}
const references =
  process.env.REFERENCES ??
  JSON.stringify(
    ['MT-human.fa', 'MT-human.fa.gz', 'ecoli-536.fa', 'ecoli-536.fa.gz'].map((file) => ({
      name: file.replace('.fa.gz', '-bgzip').replace('.fa', ''),
      url: `${s3}/readforge-demo/${file}`,
    })),
  );
const child = spawn(
  join(ROOT, 'node_modules/.bin/wrangler'),
  [
    'dev',
    ...['--config', config],
    ...['--ip', ip, '--port', port],
    ...['--var', `REFERENCES:${references}`],
    ...args,
  ],
  { cwd: ROOT, stdio: 'inherit', env: { WRANGLER_SEND_METRICS: 'false', ...process.env } },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 1));
