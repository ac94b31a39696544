// `npm run serve -- --port P --db FILE`: the browser host. Prints the URL to open (with its
// secret) as the first line of stdout.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openApp } from '../../core/app';
import { createHost } from './server';
import { defaultDbPath } from '../../core/paths';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..', '..');

async function main() {
  const { values } = parseArgs({ options: { port: { type: 'string' }, db: { type: 'string' } } });
  const port = Number(values.port ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Cổng "${values.port}" không hợp lệ.`);
  const dbFile = values.db ?? defaultDbPath();
  // The backend in a worker thread, as in the desktop app: the page's files and its polling of a
  // batch are answered at once while an import or a large edit is being stored. A damaged
  // database opens in recovery (the page offers its backups), not as a fresh one.
  const app = await openApp({
    dbPath: dbFile,
    seedsDir: join(root, 'seeds'),
    // A browser page cannot be handed a path: the renderer downloads the bytes itself.
    saveFile: async () => ({ saved: false, download: true }),
    inWorker: true,
  });
  const host = createHost(app.api, join(root, 'dist', 'renderer'), app.faultLog);
  host.listen(port).then(
    (url) => {
      // Line 1 of stdout is the URL to open and nothing else (npm start and tests read it);
      // the explanation goes to stderr.
      process.stdout.write(`${url}\n`);
      process.stderr.write('Ứng dụng đang chạy. Mở đường dẫn trên trong trình duyệt; đường dẫn có mã truy cập riêng cho lần chạy này, đừng gửi cho người khác.\n');
    },
    (e: NodeJS.ErrnoException) => {
      process.stderr.write(e.code === 'EADDRINUSE' ? `Lỗi: cổng ${port} đang được chương trình khác dùng.\n` : `Lỗi: không mở được cổng ${port}.\n`);
      process.exit(2);
    },
  );
  const stop = () => {
    host.close().then(async () => {
      await app.close(); // the calls in flight are stored first
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`Lỗi: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});
