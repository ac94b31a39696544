// `npm run serve -- --port P --db FILE`: the browser host. Prints its URL.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ParsePool } from '../services/batch/pool';
import { fileFaultLog, faultLogPath } from '../services/fault-log';
import { openSession } from '../services/session';
import { createHost } from './server';
import { defaultDbPath } from '../services/paths';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');

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
  const api = session.api;
  const server = createHost(api, join(root, 'dist', 'renderer'));
  server.listen(port, '127.0.0.1', () => {
    const addr = server.address();
    const p = typeof addr === 'object' && addr ? addr.port : port;
    process.stdout.write(`Ứng dụng đang chạy tại http://127.0.0.1:${p}/\n`);
  });
  const stop = () => {
    server.close(async () => {
      await pool.close();
      await session.close();
      process.exit(0);
    });
    server.closeAllConnections(); // an open browser tab must not hold the database for a minute
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
