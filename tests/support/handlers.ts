// The app over a fresh database in a temporary folder, composed as every face composes it
// (electron/core/app.ts, in this thread): for unit tests that call the contract's methods directly.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import type { Api } from '../../shared/api';
import { isUserError } from '../../shared/errors';
import type { ParsePool } from '../../electron/core/batch/pool';
import { openBackend } from '../../electron/core/app';
import type { Store } from '../../electron/core/store/store';
import type { UnitRecord } from '../../electron/core/store/types';

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

/**
 * For a test file, called at its top: opens apps (each in its own folder named from `prefix`) that
 * are closed and removed after each test, so that every test starts from an empty database.
 */
export function appsClosedAfterEach(prefix: string): () => TestApp {
  const apps: TestApp[] = [];
  afterEach(async () => {
    while (apps.length) await apps.pop()!.close();
  });
  return () => {
    const app = openTestApp(prefix);
    apps.push(app);
    return app;
  };
}

/** The Hà Quảng demo (seeds/) loaded through the contract into an empty app, and its district. */
export async function loadedDemo(app: TestApp): Promise<{ app: TestApp; district: UnitRecord }> {
  await app.api.loadDemo({});
  return { app, district: app.store.districts()[0] };
}

/** The message a call is refused with; fails the test when the call goes through or fails with anything but a UserError. */
export async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(isUserError(e)).toBe(true);
    return (e as Error).message;
  }
  throw new Error('not refused');
}
