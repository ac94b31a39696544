// Each test gets its own data folder and its own browser host on a free loopback port
// (Actual Budget's e2e pattern): tests never share a database.
import { test as base, expect } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Api } from '../../shared/api';
import { createHost } from '../../electron/host/server';
import { ParsePool } from '../../electron/services/batch/pool';
import { createHandlers } from '../../electron/services/handlers';
import { Store } from '../../electron/services/store/store';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface HostFixture {
  url: string;
  dbPath: string;
  store: Store;
  api: Api;
}

export const test = base.extend<{ host: HostFixture; demo: HostFixture }>({
  host: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'pcgd-e2e-'));
    const dbPath = join(dir, 'test.db');
    const store = Store.open(dbPath);
    const pool = new ParsePool();
    const api = createHandlers({ store, pool, seedsDir: join(ROOT, 'seeds'), saveFile: async () => ({ saved: false, download: true }) });
    const server = createHost(api, join(ROOT, 'dist', 'renderer'));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const { port } = server.address() as AddressInfo;
    await use({ url: `http://127.0.0.1:${port}/`, dbPath, store, api });
    // Keep-alive sockets from the browser would hold close() open for a minute.
    const closed = new Promise((ok) => server.close(ok));
    server.closeAllConnections();
    await closed;
    await pool.close();
    store.close();
  },
  /** A host whose database already holds the Hà Quảng demo. */
  demo: async ({ host }, use) => {
    await host.api.loadDemo({});
    await use(host);
  },
});

export { expect };
