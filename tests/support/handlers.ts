// The app's handlers over a fresh database in a temporary folder, as the IPC and the browser
// host serve them: for unit tests that call the contract's methods directly.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Api } from '../../shared/api';
import { ParsePool } from '../../electron/core/batch/pool';
import { createHandlers } from '../../electron/core/handlers';
import { Store } from '../../electron/core/store/store';

const ROOT = join(__dirname, '..', '..');

export interface TestApp {
  store: Store;
  pool: ParsePool;
  api: Api;
  close(): Promise<void>;
}

export function openTestApp(prefix: string): TestApp {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const store = Store.open(join(dir, 'x.db'));
  const pool = new ParsePool(1);
  const api = createHandlers({ store, pool, seedsDir: join(ROOT, 'seeds'), saveFile: async () => ({ saved: false, download: true }) });
  return {
    store,
    pool,
    api,
    async close() {
      await pool.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
