// Private and presigned references: s3:// URIs signed with AWS Signature V4 (aws4fetch) against
// a stand-in that checks signatures with AWS's own signer; presigned URLs (V4 from aws4fetch,
// V2 from Debian's awscli against s3rver, which checks V2) with --fai and --gzi; the format told
// by the bytes, whatever the URL says.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AwsClient } from 'aws4fetch';
import S3rver from 's3rver';
import {
  NATIVE,
  WASM_CLI,
  randomBases,
  run,
  runAsync,
  scratchDir,
  wrap,
  write,
} from './helpers.mjs';
import { sigv4Server } from './sigv4-server.mjs';

const dir = scratchDir('readforge-signing-');
const KEY = { accessKeyId: 'AKIDREADFORGE', secretAccessKey: 'right/secret+key' };
const ARGS = ['-S', '21', '-N', '3000', '--region', 'p1:2001-30000', '--region', 'p2'];
let v4;
let s3rver;
let s3rverEndpoint;
let expected; // the local run's reads

const wasmRun = (args, env = {}) => {
  for (const name of ['w1.fq', 'w2.fq']) rmSync(join(dir, name), { force: true });
  return runAsync(process.execPath, [WASM_CLI, ...args, 'w1.fq', 'w2.fq'], {
    cwd: dir,
    env: { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_SESSION_TOKEN: '', ...env },
  });
};

function sameReads(result) {
  assert.equal(result.status, 0, result.stderr);
  assert.ok(readFileSync(join(dir, 'w1.fq')).equals(expected[0]), 'read 1 differs');
  assert.ok(readFileSync(join(dir, 'w2.fq')).equals(expected[1]), 'read 2 differs');
}

function oneLineError(result, pattern) {
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stderr, pattern);
  assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
}

before(async () => {
  write(
    join(dir, 'ref.fa'),
    `>p1\n${wrap(randomBases(60000, 5))}>p2\n${wrap(randomBases(20000, 6))}`,
  );
  const sh = (command) => assert.equal(run('bash', ['-c', command], { cwd: dir }).status, 0);
  sh('samtools faidx ref.fa && bgzip -c -i -I ref.fa.gz.gzi ref.fa > ref.fa.gz');
  sh(`samtools faidx ref.fa.gz && ${NATIVE} index -q ref.fa && ${NATIVE} index -q ref.fa.gz`);
  sh(
    'cp ref.fa.gz disguised.fa && cp ref.fa.gz.fai disguised.fa.fai && cp ref.fa.gz.gzi disguised.fa.gzi',
  );
  sh('cp ref.fa.gz.gaps.bed disguised.fa.gaps.bed');
  const local = run(NATIVE, ['-q', ...ARGS, 'ref.fa', 'n1.fq', 'n2.fq'], { cwd: dir });
  assert.equal(local.status, 0, local.stderr);
  expected = [readFileSync(join(dir, 'n1.fq')), readFileSync(join(dir, 'n2.fq'))];
  // The private bucket: /private/<file> serves dir/<file> to signed requests only.
  v4 = await sigv4Server(dir, KEY);
  s3rver = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: scratchDir('readforge-s3rver-'),
    configureBuckets: [{ name: 'presigned' }],
  });
  const { port } = await s3rver.run();
  s3rverEndpoint = `http://127.0.0.1:${port}`;
  for (const name of ['ref.fa', 'ref.fa.fai', 'ref.fa.gz', 'ref.fa.gz.fai', 'ref.fa.gz.gzi']) {
    const response = await fetch(`${s3rverEndpoint}/presigned/${name}`, {
      method: 'PUT',
      body: readFileSync(join(dir, name)),
    });
    assert.ok(response.ok, `upload ${name}`);
  }
});

after(async () => {
  v4.close();
  await s3rver.close();
});

const signingEnv = (secret) => ({
  AWS_ENDPOINT_URL: v4.endpoint,
  AWS_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: KEY.accessKeyId,
  AWS_SECRET_ACCESS_KEY: secret,
});

test('s3:// URIs are signed with the environment credentials: the bytes of a local run', async () => {
  for (const ref of ['s3://private/ref.fa', 's3://private/ref.fa.gz']) {
    sameReads(await wasmRun([...ARGS, ref], signingEnv(KEY.secretAccessKey)));
  }
  // Every request carried a signature the stand-in accepted.
  assert.ok(v4.requests.length >= 8);
  assert.deepEqual(
    v4.requests.filter((r) => r.problem),
    [],
  );
});

test('a wrong secret, a wrong key id or no credentials get a clear 403, and no files', async () => {
  const cases = [
    [
      signingEnv('wrong-secret'),
      /access denied \(HTTP 403, SignatureDoesNotMatch\): the credentials are wrong/,
    ],
    [{ ...signingEnv(KEY.secretAccessKey), AWS_ACCESS_KEY_ID: 'AKIDOTHER' }, /InvalidAccessKeyId/],
    [
      { AWS_ENDPOINT_URL: v4.endpoint },
      /access denied \(HTTP 403, AccessDenied\): the object is not public/,
    ],
  ];
  for (const [env, pattern] of cases) {
    const r = await wasmRun([...ARGS, 's3://private/ref.fa.gz'], env);
    oneLineError(r, pattern);
    assert.ok(!r.stderr.includes('secret'), 'the secret is never printed');
    assert.ok(!existsSync(join(dir, 'w1.fq')), 'no output file is left');
  }
});

test('V4 presigned URLs, with --fai and --gzi presigned too', async () => {
  const aws = new AwsClient({ ...KEY, service: 's3', region: 'us-east-1' });
  const presign = async (name) =>
    (
      await aws.sign(`${v4.endpoint}/private/${name}?X-Amz-Expires=600`, {
        method: 'GET',
        aws: { signQuery: true },
      })
    ).url;
  const [fa, fai, gz, gzFai, gzi] = await Promise.all(
    ['ref.fa', 'ref.fa.fai', 'ref.fa.gz', 'ref.fa.gz.fai', 'ref.fa.gz.gzi'].map(presign),
  );
  sameReads(await wasmRun([...ARGS, '--fai', fai, fa]));
  sameReads(await wasmRun([...ARGS, '--fai', gzFai, '--gzi', gzi, gz]));
  // Without its index's own URL, the message says how to give it; the signature is not shown.
  const r = await wasmRun([...ARGS, gz]);
  oneLineError(r, /ref\.fa\.gz\.fai\?\.\.\.: access denied .*--fai URL\)/);
  assert.ok(!r.stderr.includes('X-Amz-Signature'), r.stderr);
});

test("awscli's presigned URLs (V4, checked by the stand-in), plain and bgzip", async () => {
  const presign = (name) =>
    execFileSync(
      '/usr/bin/aws',
      ['--endpoint-url', v4.endpoint, 's3', 'presign', `s3://private/${name}`],
      { env: { ...process.env, ...signingEnv(KEY.secretAccessKey), AWS_CONFIG_FILE: '/dev/null' } },
    )
      .toString()
      .trim();
  const fa = presign('ref.fa');
  assert.match(fa, /X-Amz-Signature=/);
  sameReads(await wasmRun([...ARGS, '--fai', presign('ref.fa.fai'), fa]));
  const gz = presign('ref.fa.gz');
  const gzFai = presign('ref.fa.gz.fai');
  sameReads(await wasmRun([...ARGS, '--fai', gzFai, '--gzi', presign('ref.fa.gz.gzi'), gz]));
  const tampered = fa.replace(/X-Amz-Signature=[^&]+/, 'X-Amz-Signature=00');
  oneLineError(
    await wasmRun([...ARGS, '--fai', presign('ref.fa.fai'), tampered]),
    /ref\.fa\?\.\.\.: access denied \(HTTP 403, SignatureDoesNotMatch\): the presigned link is not valid/,
  );
});

test('V2 presigned URLs against s3rver (which checks them), plain and bgzip', async () => {
  // awscli 2 presigns with V4 only; V2 query signing is small enough to write here (S3's
  // "query string request authentication"), and s3rver checks it with its S3RVER key pair.
  const expires = Math.floor(Date.now() / 1000) + 600;
  const presign = (name) => {
    const signature = createHmac('sha1', 'S3RVER')
      .update(`GET\n\n\n${expires}\n/presigned/${name}`)
      .digest('base64');
    const query = `AWSAccessKeyId=S3RVER&Expires=${expires}&Signature=${encodeURIComponent(signature)}`;
    return `${s3rverEndpoint}/presigned/${name}?${query}`;
  };
  const fa = presign('ref.fa');
  sameReads(await wasmRun([...ARGS, '--fai', presign('ref.fa.fai'), fa]));
  const gz = presign('ref.fa.gz');
  sameReads(
    await wasmRun([
      ...ARGS,
      '--fai',
      presign('ref.fa.gz.fai'),
      '--gzi',
      presign('ref.fa.gz.gzi'),
      gz,
    ]),
  );
  oneLineError(
    await wasmRun([
      ...ARGS,
      '--fai',
      presign('ref.fa.fai'),
      fa.replace(/Signature=[^&]+/, 'Signature=AAAA'),
    ]),
    /ref\.fa\?\.\.\.: access denied \(HTTP 403, SignatureDoesNotMatch\): the presigned link is not valid/,
  );
});

test('the format is told by the bytes: bgzip named .fa, and files that are neither', async () => {
  const base = `s3://private`;
  const env = signingEnv(KEY.secretAccessKey);
  sameReads(await wasmRun([...ARGS, `${base}/disguised.fa`], env));
  const sh = (command) => assert.equal(run('bash', ['-c', command], { cwd: dir }).status, 0);
  sh('gzip -c ref.fa > plain.fa.gz && cp ref.fa.gz.fai plain.fa.gz.fai');
  sh('printf "\\x89PNG\\r\\n" > picture.fa && cp ref.fa.fai picture.fa.fai');
  sh('bzip2 -c ref.fa > ref.fa.bz2 && cp ref.fa.fai ref.fa.bz2.fai');
  oneLineError(
    await wasmRun([...ARGS, `${base}/plain.fa.gz`], env),
    /plain\.fa\.gz: gzip, but not bgzip \(BGZF\)/,
  );
  oneLineError(
    await wasmRun([...ARGS, `${base}/picture.fa`], env),
    /picture\.fa: neither FASTA nor bgzip \(it starts with byte 0x89, not '>'\)/,
  );
  oneLineError(await wasmRun([...ARGS, `${base}/ref.fa.bz2`], env), /compressed with bzip2/);
});
