// The app over a fresh database in a temporary folder, composed as every face composes it
// (electron/core/app.ts, in this thread): for unit tests that call the contract's methods directly.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Api } from '../../shared/api';
import type { ParsePool } from '../../electron/core/batch/pool';
import { openBackend } from '../../electron/core/app';
import type { Store } from '../../electron/core/store/store';

const ROOT = join(__dirname, '..', '..');

export interface TestApp {
  /** The session's open store (a restore replaces it: read it each time). */
  readonly store: Store;
  pool: ParsePool;
  api: Api;
  close(): Promise<void>;
}

/** Synchronous (tests open it at module level): openApp's in-process half, openBackend. */
export function openTestApp(prefix: string): TestApp {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const app = openBackend({ dbPath: join(dir, 'x.db'), seedsDir: join(ROOT, 'seeds'), poolSize: 1, saveFile: async () => ({ saved: false, download: true }) });
  return {
    get store() {
      return app.session.store()!;
    },
    pool: app.pool,
    api: app.api,
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
