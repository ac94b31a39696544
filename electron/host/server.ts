// The loopback browser host: the renderer build served on 127.0.0.1, with window.api answered
// over HTTP by the same handlers as the Electron IPC. For tests here and for machines that
// cannot fetch the Electron binary.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import type { Api } from '../../shared/api';
import { dispatch } from '../services/dispatch';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const MAX_BODY = 120 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        fail(new Error('Dữ liệu gửi lên quá lớn.'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

export function createHost(api: Api, staticDir: string): Server {
  const root = resolve(staticDir);
  return createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // Only this machine's pages may call the API (no DNS-rebinding from a web page).
    const host = req.headers.host ?? '';
    if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host)) {
      res.writeHead(403).end();
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') {
        res.writeHead(405).end();
        return;
      }
      let payload: unknown;
      try {
        const body = await readBody(req);
        payload = body ? JSON.parse(body) : {};
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error: 'Yêu cầu không hợp lệ.' }));
        return;
      }
      const out = await dispatch(api, url.pathname.slice(5), payload);
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(out));
      return;
    }
    let file = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('Chưa dựng giao diện: hãy chạy "npm run build".');
      return;
    }
    // Read whole and written at once (the renderer's files are a few MB at most): a stream
    // would wait for the event loop between chunks, behind whatever API call is running.
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
}
