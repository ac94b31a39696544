// `npm run serve -- --port P --db FILE`: the browser host. Prints the URL to open (with its
// secret) as the first line of stdout.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ParsePool } from '../../core/batch/pool';
import { fileFaultLog, faultLogPath } from '../../core/fault-log';
import { openSession } from '../../core/session';
import { createHost } from './server';
import { defaultDbPath } from '../../core/paths';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..', '..');

function main() {
  const { values } = parseArgs({ options: { port: { type: 'string' }, db: { type: 'string' } } });
  const port = Number(values.port ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Cổng "${values.port}" không hợp lệ.`);
  const dbFile = values.db ?? defaultDbPath();
  const pool = new ParsePool();
  // A damaged database opens in recovery (the page offers its backups), not as a fresh one.
  const session = openSession(dbFile, {
    pool,
    onBackgroundError: (e) => fileFaultLog(faultLogPath(dbFile)).write(e, 'sao lưu hằng ngày'),
    seedsDir: join(root, 'seeds'),
    // A browser page cannot be handed a path: the renderer downloads the bytes itself.
    saveFile: async () => ({ saved: false, download: true }),
  });
  const host = createHost(session.api, join(root, 'dist', 'renderer'));
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
      await pool.close();
      await session.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

try {
  main();
} catch (e) {
  process.stderr.write(`Lỗi: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
}
