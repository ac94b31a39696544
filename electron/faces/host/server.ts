// The loopback browser host: the renderer build served on 127.0.0.1, with window.api answered
// over HTTP by the same handlers as the Electron IPC. For tests here and for machines that
// cannot fetch the Electron binary.
//
// It serves the officer's real database, so only the window it opened may call it: a secret
// drawn at each launch travels in the URL it prints (`/?k=…`) and is traded at once for an
// HttpOnly, SameSite=Strict cookie; every /api call must carry that cookie, come from this
// host's own origin and send JSON (no "simple request" a foreign page or a local HTML form can
// make without a preflight). The page's files are served without the secret: they are the
// public build, hold no data, and so a tab opened without it can still say in Vietnamese what
// to do instead of showing a blank refusal.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Api } from '../../../shared/api';
import { dispatch } from '../../core/dispatch';
import { fileFaultLog, faultLogPath, type FaultLog } from '../../core/fault-log';
import { CSP } from '../../../shared/csp';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * The largest request body. An import sends its workbooks in one call as base64 (the contract
 * allows 80 MB of base64 per file); 120 MB leaves room for a batch of ordinary forms.
 */
export const MAX_BODY = 120 * 1024 * 1024;
/** The renderer's own URLs are short; anything near this is not from it. */
const MAX_URL = 4096;

/** Sent with every answer, the page's files and the API's alike. */
const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CSP, // the Electron window's own, frame-ancestors 'none' included
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  // Another site may not even embed or read these responses (a <script src> of them included).
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * Whether an answer needs the opener cut (COOP same-origin): when the browser says the request
 * came from another site, or does not say where it came from. A window that another site opened
 * or navigated here then keeps no handle on this page. A window the officer opened (the printed
 * URL, typed or opened by the system: "none") or that this page navigated ("same-origin") has
 * no opener of another site to cut, and there the header only costs: Chromium moves such a
 * page into a new renderer process, about 150 ms more before the first grid is painted
 * (bench/ab-ui.ts: 1.23× the base with it on every answer, 1.04–1.07× without).
 */
function cutsOpener(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  return site !== 'none' && site !== 'same-origin';
}

const MESSAGES = {
  badUrl: 'Đường dẫn không hợp lệ.',
  badMethod: 'Yêu cầu không được hỗ trợ.',
  foreign: 'Yêu cầu không đến từ trang của ứng dụng.',
  noKey:
    'Trang này chưa được mở bằng đường dẫn mà ứng dụng in ra khi khởi động (có mã truy cập ?k=…), hoặc ứng dụng đã được khởi động lại. Hãy mở lại đúng đường dẫn đó.',
  wrongKey: 'Mã truy cập trong đường dẫn không đúng. Hãy mở đúng đường dẫn mà ứng dụng in ra khi khởi động.',
  notJson: 'Dữ liệu gửi lên phải ở dạng JSON (Content-Type: application/json).',
  tooLarge: `Dữ liệu gửi lên quá lớn: mỗi lần gửi tối đa ${MAX_BODY / 1024 / 1024} MB. Hãy chia các tệp thành nhiều lần nhập.`,
  badJson: 'Yêu cầu không hợp lệ.',
};

export interface Host {
  server: Server;
  /** Listens on 127.0.0.1 (port 0: any free one); resolves the URL to open, secret included. */
  listen(port?: number): Promise<string>;
  /** Stops at once: an open browser tab's keep-alive socket must not hold the database. */
  close(): Promise<void>;
}

class TooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        chunks.length = 0;
        // The rest is read and dropped (not kept): the answer 413 still reaches the sender.
        req.removeAllListeners('data');
        req.resume();
        fail(new TooLarge());
      } else chunks.push(c);
    });
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Constant time whatever the lengths: both sides are hashed to 32 bytes first. */
function sameSecret(given: string, secret: string): boolean {
  return timingSafeEqual(digest(given), digest(secret));
}

function cookies(req: IncomingMessage): { name: string; value: string }[] {
  return (req.headers.cookie ?? '').split(';').flatMap((part) => {
    const eq = part.indexOf('=');
    return eq < 0 ? [] : [{ name: part.slice(0, eq).trim(), value: part.slice(eq + 1).trim() }];
  });
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers }).end(body);
}

/** The API answers in the contract's envelope, so that the page shows the refusal's reason. */
function refuse(res: ServerResponse, status: number, error: string, headers: Record<string, string> = {}): void {
  send(res, status, JSON.stringify({ ok: false, error }), { 'content-type': 'application/json; charset=utf-8', ...headers });
}

export function createHost(api: Api, staticDir: string, log: FaultLog = fileFaultLog(faultLogPath())): Host {
  const root = resolve(staticDir);
  // 256 bits, URL-safe (base64url: [A-Za-z0-9_-]).
  const secret = randomBytes(32).toString('base64url');
  let port = 0;
  // Cookies are kept per host name, not per port: each host its own cookie name, so that two
  // hosts on this machine do not overwrite each other's in one browser.
  const cookieName = () => `pcgd_xmc_${port}`;

  /** `127.0.0.1:P` or `localhost:P` with this host's port (no DNS rebinding from a web page). */
  function ownHost(req: IncomingMessage): string | null {
    const host = req.headers.host ?? '';
    const m = /^(127\.0\.0\.1|localhost)(?::(\d{1,5}))?$/.exec(host);
    return m && Number(m[2] ?? 80) === port ? host : null;
  }

  function hasKey(req: IncomingMessage): boolean {
    let ok = false;
    // Every candidate compared, none skipped: the time does not tell which one matched.
    for (const c of cookies(req)) if (c.name === cookieName() && sameSecret(c.value, secret)) ok = true;
    return ok;
  }

  async function callApi(req: IncomingMessage, res: ServerResponse, host: string, method: string): Promise<void> {
    if (req.method !== 'POST') return refuse(res, 405, MESSAGES.badMethod, { allow: 'POST' });
    // A page of another origin (another site, another port, a local file: "null") is refused
    // even if its browser holds the cookie.
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${host}`) return refuse(res, 403, MESSAGES.foreign);
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin') return refuse(res, 403, MESSAGES.foreign);
    if (!hasKey(req)) return refuse(res, 403, MESSAGES.noKey);
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') return refuse(res, 415, MESSAGES.notJson);
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) return refuse(res, 413, MESSAGES.tooLarge, { connection: 'close' });
    let payload: unknown;
    try {
      const body = await readBody(req);
      payload = body ? JSON.parse(body) : {};
    } catch (e) {
      if (e instanceof TooLarge) return refuse(res, 413, MESSAGES.tooLarge, { connection: 'close' });
      return refuse(res, 400, MESSAGES.badJson);
    }
    const out = await dispatch(api, method, payload, log);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(out));
  }

  function serveFile(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, MESSAGES.badMethod, { allow: 'GET, HEAD' });
    let file = resolve(root, `.${pathname}`);
    // Inside the build folder itself: not a sibling whose name merely starts the same.
    const rel = relative(root, file);
    if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return send(res, 403, MESSAGES.badUrl);
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    if (!existsSync(file)) return send(res, 503, 'Chưa dựng giao diện: hãy chạy "npm run build".');
    // Read whole and written at once (the renderer's files are a few MB at most): a stream
    // would wait for the event loop between chunks, behind whatever API call is running.
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    if (cutsOpener(req)) res.setHeader('cross-origin-opener-policy', 'same-origin');
    const raw = req.url ?? '';
    if (!raw.startsWith('/') || raw.length > MAX_URL) return send(res, 400, MESSAGES.badUrl);
    const host = ownHost(req);
    if (!host) return send(res, 403, MESSAGES.foreign);
    let url: URL;
    let pathname: string;
    try {
      // Parsed as a path of this origin: "//x/y" stays a path, never another host.
      url = new URL(`http://${host}${raw}`);
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return send(res, 400, MESSAGES.badUrl);
    }
    if (pathname.includes('\0')) return send(res, 400, MESSAGES.badUrl);
    if (url.pathname.startsWith('/api/')) return callApi(req, res, host, url.pathname.slice(5));
    const key = url.searchParams.get('k');
    if (key !== null) {
      if (!sameSecret(key, secret)) return send(res, 403, MESSAGES.wrongKey);
      // The secret leaves the address bar at once; the browser keeps the #/route of the URL
      // across a redirect that names none.
      res.writeHead(303, {
        location: '/',
        'set-cookie': `${cookieName()}=${secret}; HttpOnly; SameSite=Strict; Path=/`,
        'cache-control': 'no-store',
      });
      res.end();
      return;
    }
    serveFile(req, res, pathname);
  }

  const server = createServer((req, res) => {
    // No request may take the host down: whatever escapes is logged and answered 500.
    handle(req, res).catch((e: unknown) => {
      try {
        const line = log.write(e, `browser host ${req.method} ${String(req.url).slice(0, 200)}`);
        if (!res.headersSent) refuse(res, 500, line);
        else res.destroy();
      } catch {
        res.destroy();
      }
    });
  });

  return {
    server,
    listen: (wanted = 0) =>
      new Promise<string>((ok, fail) => {
        server.once('error', fail);
        server.listen(wanted, '127.0.0.1', () => {
          server.off('error', fail);
          port = (server.address() as AddressInfo).port;
          ok(`http://127.0.0.1:${port}/?k=${secret}`);
        });
      }),
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
