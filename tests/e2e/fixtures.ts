// Each test gets its own data folder and its own browser host on a free loopback port
// (Actual Budget's e2e pattern): tests never share a database.
import { test as base, expect } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Api } from '../../shared/api';
import { createHost } from '../../electron/faces/host/server';
import type { ParsePool } from '../../electron/core/batch/pool';
import { openApp } from '../../electron/core/app';
import type { Store } from '../../electron/core/store/store';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Where the screen specs write their screenshots: docs/screens/ (linked from the README) when
 * asked, `SCREENS=1 npx playwright test …`; else test-results/screens/, so that an ordinary
 * `npm test` leaves the work tree as it found it (each run changed the PNGs' dates).
 */
export const SCREENS_DIR = process.env.SCREENS ? join(ROOT, 'docs', 'screens') + '/' : join(ROOT, 'test-results', 'screens') + '/';

export interface HostFixture {
  /** The URL the host prints, its secret included: `http://127.0.0.1:P/?k=…` (add `#/grid/xmc`). */
  url: string;
  /** `http://127.0.0.1:P`, for what needs the origin alone (browser permissions). */
  origin: string;
  dbPath: string;
  /** The app's store, in this process (the fixture opens the app in-process to look inside). */
  readonly store: Store;
  api: Api;
  /** The host's parse pool, for a test that must pace the checking of a batch. */
  pool: ParsePool;
}

export const test = base.extend<{ host: HostFixture; demo: HostFixture }>({
  host: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'pcgd-e2e-'));
    const dbPath = join(dir, 'test.db');
    // In-process, so that a test can read the store and pace the parse pool.
    const app = await openApp({ dbPath, seedsDir: join(ROOT, 'seeds'), saveFile: async () => ({ saved: false, download: true }) });
    const server = createHost(app.api, join(ROOT, 'dist', 'renderer'), app.faultLog);
    const url = await server.listen();
    await use({
      url,
      origin: new URL(url).origin,
      dbPath,
      get store() {
        return app.session.store()!;
      },
      api: app.api,
      pool: app.pool,
    });
    // Drops the browser's keep-alive sockets, which would hold close() open for a minute.
    await server.close();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  },
  /** A host whose database already holds the Hà Quảng demo. */
  demo: async ({ host }, use) => {
    await host.api.loadDemo({});
    await use(host);
  },
});

export { expect };
