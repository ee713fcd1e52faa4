// A loopback S3 stand-in that checks AWS Signature Version 4 with AWS's own signer
// (@smithy/signature-v4), header-signed and presigned (s3rver does not check V4 at all): serves
// dir/<key> at /<bucket>/<key> with Range, to requests signed with `credentials` only; anything
// else gets S3's 403 XML (SignatureDoesNotMatch, InvalidAccessKeyId, AccessDenied).
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

const amzDate = (text) =>
  new Date(text.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));

/** Whether the request's signature is the one `credentials` give; else S3's error code. */
async function check(req, url, credentials) {
  const query = Object.fromEntries(url.searchParams);
  const presigned = 'X-Amz-Signature' in query;
  const auth = req.headers.authorization ?? '';
  const credential = presigned ? query['X-Amz-Credential'] : /Credential=([^,]+)/.exec(auth)?.[1];
  if (!credential) return 'AccessDenied';
  const [keyId, , region] = credential.split('/');
  if (keyId !== credentials.accessKeyId) return 'InvalidAccessKeyId';
  const signer = new SignatureV4({
    service: 's3',
    region,
    credentials,
    sha256: Sha256,
    uriEscapePath: false,
    applyChecksum: false,
  });
  const [hostname, port] = req.headers.host.split(':');
  const request = { method: req.method, protocol: 'http:', hostname, port, path: url.pathname };
  if (presigned) {
    const { 'X-Amz-Signature': signature, ...rest } = query;
    const signedHeaders = rest['X-Amz-SignedHeaders'].split(';');
    const headers = Object.fromEntries(signedHeaders.map((h) => [h, req.headers[h] ?? '']));
    const signed = await signer.presign(
      {
        ...request,
        query: rest,
        headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', ...headers },
      },
      {
        signingDate: amzDate(rest['X-Amz-Date']),
        expiresIn: Number(rest['X-Amz-Expires']),
        unhoistableHeaders: new Set(['x-amz-content-sha256']),
        unsignableHeaders: new Set(['x-amz-content-sha256']),
      },
    );
    return signed.query['X-Amz-Signature'] === signature ? null : 'SignatureDoesNotMatch';
  }
  const signedHeaders = /SignedHeaders=([^,]+)/.exec(auth)?.[1].split(';') ?? [];
  const headers = Object.fromEntries(signedHeaders.map((h) => [h, req.headers[h] ?? '']));
  const signed = await signer.sign(
    { ...request, query, headers },
    { signingDate: amzDate(req.headers['x-amz-date'] ?? '') },
  );
  return signed.headers.authorization === auth ? null : 'SignatureDoesNotMatch';
}

// Browsers read it too (the app's private-bucket test): CORS as an S3 bucket configures it.
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Content-Range, Content-Length',
};

export async function sigv4Server(dir, credentials, port = 0) {
  const requests = [];
  const server = createServer(async (req, res) => {
    for (const [name, value] of Object.entries(CORS)) res.setHeader(name, value);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET',
        'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? '*',
        'Access-Control-Max-Age': '600',
      });
      return res.end();
    }
    const url = new URL(req.url, 'http://localhost');
    const problem = await check(req, url, credentials).catch((e) => `InternalError ${e.message}`);
    requests.push({ path: url.pathname, problem });
    if (problem) {
      res.writeHead(403, { 'Content-Type': 'application/xml' });
      return res.end(`<?xml version="1.0"?><Error><Code>${problem}</Code></Error>`);
    }
    const file = join(dir, ...decodeURIComponent(url.pathname).split('/').slice(2));
    let size;
    try {
      size = statSync(file).size;
    } catch {
      res.writeHead(404, { 'Content-Type': 'application/xml' });
      return res.end('<Error><Code>NoSuchKey</Code></Error>');
    }
    const range = /bytes=(\d+)-(\d+)/.exec(req.headers.range ?? '');
    if (!range) {
      res.writeHead(200, { 'Content-Length': size });
      return createReadStream(file).pipe(res);
    }
    const start = Number(range[1]);
    const end = Math.min(Number(range[2]), size - 1);
    res.writeHead(206, {
      'Content-Length': end - start + 1,
      'Content-Range': `bytes ${start}-${end}/${size}`,
    });
    createReadStream(file, { start, end }).pipe(res);
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${server.address().port}`,
    requests,
    close: () => server.close(),
  };
}
