// The one composition root: every face (Electron, the browser host, the bench, the tests) gets
// its app from here: the database session with its recovery, the parse pool, the fault log and
// the handler for a failed daily backup. `inWorker` runs all of that in a worker thread
// (app-worker.ts) so that the thread calling `api` — Electron's main process, with its menus and
// window moves — never waits on an import or a large edit; its `api` posts each call there.
import type { Api } from '../../shared/api';
import { ParsePool } from './batch/pool';
import type { FaultLog } from './fault-log';
import { openSession, type Session } from './session';
import type { OpenOptions } from './store/store';
import { CLOSED_MESSAGE, faultLogOf, openWorkerApp } from './app-thread';
import { UserError } from '../../shared/errors';

export interface AppOptions {
  dbPath: string;
  /** Folder holding ha-quang.xlsx and ha-quang.json; the CLI, which never loads the demo, has none. */
  seedsDir?: string;
  /** Face-specific, always run by the face's own thread: a native dialog, a download. */
  saveFile: Api['saveFile'];
  open?: OpenOptions;
  /** Parse workers (default: up to 2, one per core). */
  poolSize?: number;
  /** A built parse-worker.cjs, where this module is not bundled beside one (the bench). */
  parseWorker?: string;
  /** Default: `pcgd-xmc-loi.log` beside the database. */
  faultLogFile?: string;
  /** Run the store and the handlers in a worker thread. */
  inWorker?: boolean;
  /** A built app-worker.cjs, where this module is not bundled beside one (the bench). */
  appWorker?: string;
}

export interface App {
  /** The contract. Errors: UserError for the officer; anything else is already in the fault log. */
  readonly api: Api;
  readonly faultLog: FaultLog;
  /** Waits for the calls in flight (an edit sent is an edit stored), then closes the database. */
  close(): Promise<void>;
}

/** In-process: the pieces as well, for the tests and the bench that look inside. */
export interface LocalApp extends App {
  readonly session: Session;
  readonly pool: ParsePool;
}

/** What the worker's own session is built from: everything but the face's callbacks. */
export type BackendOptions = Omit<AppOptions, 'saveFile' | 'inWorker' | 'appWorker'>;


/**
 * Counts the calls in flight so that close() can wait for them, and refuses calls once closing:
 * an edit whose reply is awaited is stored before the database closes.
 */
export function drained(api: Api): { api: Api; drain(): Promise<void> } {
  const inFlight = new Set<Promise<unknown>>();
  let closing = false;
  const wrapped = {} as Record<string, (input: unknown) => Promise<unknown>>;
  for (const [name, fn] of Object.entries(api) as [string, (input: unknown) => Promise<unknown>][]) {
    wrapped[name] = (input) => {
      if (closing) return Promise.reject(new UserError(CLOSED_MESSAGE, 'app.closed'));
      const p = fn(input);
      inFlight.add(p);
      const done = () => inFlight.delete(p);
      p.then(done, done);
      return p;
    };
  }
  return {
    api: wrapped as unknown as Api,
    async drain() {
      closing = true;
      await Promise.allSettled([...inFlight]);
    },
  };
}

/** The backend in this thread: what the worker runs, and what the CLI-like faces use directly. */
export function openBackend(o: BackendOptions & { saveFile: Api['saveFile'] }): LocalApp {
  const faultLog = faultLogOf(o);
  const pool = new ParsePool(o.poolSize, o.parseWorker);
  let session: Session;
  try {
    // A damaged or newer database opens in recovery (the page offers its backups), not fresh.
    session = openSession(o.dbPath, {
      pool,
      seedsDir: o.seedsDir,
      saveFile: o.saveFile,
      open: o.open,
      onBackgroundError: (e) => faultLog.write(e, 'sao lưu hằng ngày'),
    });
  } catch (e) {
    void pool.close();
    throw e;
  }
  const { api, drain } = drained(session.api);
  return {
    api,
    faultLog,
    session,
    pool,
    async close() {
      await drain();
      await pool.close();
      await session.close();
    },
  };
}

export function openApp(o: AppOptions & { inWorker: true }): Promise<App>;
export function openApp(o: AppOptions & { inWorker?: false }): Promise<LocalApp>;
export function openApp(o: AppOptions): Promise<App>;
export async function openApp(o: AppOptions): Promise<App> {
  if (o.inWorker) return openWorkerApp(o);
  return openBackend(o);
}
