// A local server with the model hub's URL layout (`/<id>/resolve/main/<file>`) over a folder,
// for pull tests: Range requests, and transfers cut off on purpose.

import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface TinyHub {
  url: string;
  /** Paths requested, with their Range header if any: `/test/tiny-bert/resolve/main/config.json bytes=10-`. */
  requests: string[];
  /** Files (relative to the model) whose body is cut off halfway, with the full length announced. */
  truncate: Set<string>;
  /** Files sent gzip-compressed whatever the client accepts, as a careless proxy does. */
  gzip: Set<string>;
  /** Files whose range requests are answered from byte 0 (206, with a Content-Range that says so). */
  misrange: Set<string>;
  close(): Promise<void>;
}

export async function startTinyHub(root: string): Promise<TinyHub> {
  const requests: string[] = [];
  const truncate = new Set<string>();
  const gzip = new Set<string>();
  const misrange = new Set<string>();
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    requests.push(req.headers.range ? `${path} ${req.headers.range}` : path);
    const match = /^\/(.+?)\/resolve\/main\/(.+)$/.exec(path);
    let body: Buffer;
    try {
      if (!match || match[2]!.split('/').includes('..')) throw new Error('bad path');
      body = await readFile(join(root, match[1]!, match[2]!));
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Entry not found');
      return;
    }
    if (gzip.has(match[2]!)) {
      const packed = gzipSync(body);
      res.writeHead(200, { 'content-length': String(packed.length), 'content-encoding': 'gzip', 'content-type': 'application/octet-stream' });
      res.end(packed);
      return;
    }
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const start = range && !misrange.has(match[2]!) ? Number(range[1]) : 0;
    if (start > body.length) {
      res.writeHead(416).end();
      return;
    }
    const slice = body.subarray(start);
    res.writeHead(range ? 206 : 200, {
      'content-length': String(slice.length),
      'content-type': 'application/octet-stream',
      ...(range ? { 'content-range': `bytes ${start}-${body.length - 1}/${body.length}` } : {}),
    });
    if (truncate.has(match[2]!)) {
      // Give the client time to read what came before the connection drops.
      res.write(slice.subarray(0, Math.floor(slice.length / 2)), () => setTimeout(() => res.socket?.destroy(), 100));
      return;
    }
    res.end(slice);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    truncate,
    gzip,
    misrange,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
