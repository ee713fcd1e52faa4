// A local HTTP server for remote-reference tests: serves dir/<file> under /<mode>/<file> with
// Range support, where the mode decides how to misbehave (forbidden, flaky, reset, norange,
// truncate; ok serves faithfully). `seen` counts requests per mode and path.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

export async function rangeServer(dir) {
  const seen = new Map();
  const server = createServer((req, res) => {
    const [, mode, ...rest] = decodeURIComponent(req.url).split('/');
    const file = join(dir, rest.join('/'));
    const key = `${mode}/${rest.join('/')}`;
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    let size;
    try {
      size = statSync(file).size;
    } catch {
      res.writeHead(404).end();
      return;
    }
    if (mode === 'forbidden') return res.writeHead(403).end();
    if (mode === 'flaky' && count % 2 === 1) return res.writeHead(500).end('try again');
    if (mode === 'reset' && count === 2) return req.socket.destroy();
    const range = /bytes=(\d+)-(\d+)/.exec(req.headers.range ?? '');
    if (!range || mode === 'norange') {
      res.writeHead(200, { 'Content-Length': size });
      return createReadStream(file).pipe(res);
    }
    const start = Number(range[1]);
    const end = Math.min(Number(range[2]), size - 1);
    res.writeHead(206, {
      'Content-Length': end - start + 1,
      'Content-Range': `bytes ${start}-${end}/${size}`,
      'Accept-Ranges': 'bytes',
    });
    if (mode === 'truncate' && count === 2) {
      const half = start + Math.floor((end - start) / 2);
      createReadStream(file, { start, end: half })
        .on('end', () => req.socket.destroy())
        .pipe(res, { end: false });
      return;
    }
    createReadStream(file, { start, end }).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${server.address().port}`, seen, close: () => server.close() };
}
