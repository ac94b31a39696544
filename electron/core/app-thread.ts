// The face's side of the backend worker (app-worker.ts): an `api` whose every method posts the
// call to the worker and awaits its reply. `saveFile` alone stays on this thread: it is the
// face's own callback (Electron's native dialog needs the main process), and the bytes it saves
// were made by the worker's exportWorkbook/exportForms and came back through the renderer.
//
// Errors: a UserError arrives as a UserError; anything else the worker wrote to the fault log
// and arrives as a LoggedFault carrying the one Vietnamese line naming that log. A worker that
// dies rejects the calls it held with a Vietnamese sentence; the next call starts a new one
// (SQLite's transactions leave the file sound: what was committed is kept, the rest is not).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { METHODS, type Api, type Method } from '../../shared/api';
import { reviveError, UserError, type SerializedError } from '../../shared/errors';
import { fileFaultLog, faultLogPath, LoggedFault, type FaultLog } from './fault-log';
import type { App, AppOptions, BackendOptions } from './app';

export const CLOSED_MESSAGE = 'Ứng dụng đang đóng: thao tác này không được thực hiện.';

export const WORKER_CRASHED =
  'Phần xử lý dữ liệu của ứng dụng đã dừng bất thường nên thao tác vừa rồi chưa xong. Những gì đã lưu trước đó vẫn nguyên vẹn; hãy thử lại (ứng dụng tự khởi động lại phần xử lý).';

export type ToWorker = { id: number; method: Method; input: unknown } | { close: true };
export type FromWorker =
  | { ready: true }
  | { ready: false; error: SerializedError }
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: SerializedError }
  | { closed: true };

export function faultLogOf(o: { dbPath: string; faultLogFile?: string }): FaultLog {
  return fileFaultLog(o.faultLogFile ?? faultLogPath(o.dbPath));
}

/** The worker script: bundled beside the Electron main, or the TypeScript source under tsx. */
function workerEntry(bundledFile?: string): { file: string | URL; execArgv: string[] } {
  const bundled = bundledFile ?? (typeof __dirname === 'string' ? join(__dirname, 'app-worker.cjs') : '');
  if (bundled && existsSync(bundled)) return { file: bundled, execArgv: [] };
  return { file: new URL('./app-worker.ts', import.meta.url), execArgv: ['--import', 'tsx'] };
}

interface Pending {
  resolve(v: unknown): void;
  reject(e: unknown): void;
}

/** One started worker and the calls it holds. */
interface Backend {
  worker: Worker;
  pending: Map<number, Pending>;
}

export interface WorkerApp extends App {
  /** The running worker, if any: for tests that kill it and for diagnostics. */
  worker(): Worker | undefined;
}

export async function openWorkerApp(o: AppOptions): Promise<WorkerApp> {
  const faultLog = faultLogOf(o);
  const backend: BackendOptions = { dbPath: o.dbPath, seedsDir: o.seedsDir, open: o.open, poolSize: o.poolSize, parseWorker: o.parseWorker, faultLogFile: o.faultLogFile };
  let nextId = 1;
  let current: Promise<Backend> | undefined;
  let running: Worker | undefined;
  let closing = false;
  const inFlight = new Set<Promise<unknown>>();

  function spawn(): Promise<Backend> {
    const { file, execArgv } = workerEntry(o.appWorker);
    const w = new Worker(file, { execArgv, workerData: backend });
    const pending = new Map<number, Pending>();
    let stopping = false;
    return new Promise<Backend>((started, failed) => {
      let ready = false;
      w.on('message', (m: FromWorker) => {
        if ('ready' in m) {
          if (m.ready) {
            ready = true;
            running = w;
            started({ worker: w, pending });
          } else {
            stopping = true;
            failed(reviveError(m.error));
          }
          return;
        }
        if ('closed' in m) {
          // The database is closed: nothing left there may keep the thread (a timer of a batch
          // that was running) from ending.
          stopping = true;
          void w.terminate();
          return;
        }
        const p = pending.get(m.id);
        pending.delete(m.id);
        if (!p) return;
        if (m.ok) p.resolve(m.value);
        else p.reject(m.error.user ? reviveError(m.error) : new LoggedFault(m.error.message));
      });
      w.on('error', (e) => {
        // The detail for support; the officer gets WORKER_CRASHED on each call it held.
        faultLog.write(e, 'luồng xử lý dữ liệu dừng');
      });
      w.on('exit', (code) => {
        if (running === w) running = undefined;
        if (current && !closing) current = undefined; // the next call starts a new worker
        if (!ready) failed(new Error(`luồng xử lý dữ liệu không khởi động được (mã ${code})`));
        if (!stopping) faultLog.write(new Error(`mã thoát ${code}`), 'luồng xử lý dữ liệu dừng bất thường');
        for (const p of pending.values()) p.reject(new UserError(WORKER_CRASHED, 'app.crashed'));
        pending.clear();
      });
    });
  }

  async function call(method: Method, input: unknown): Promise<unknown> {
    const { worker: w, pending } = await (current ??= spawn());
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      w.postMessage({ id, method, input } satisfies ToWorker);
    });
  }

  const api = {} as Record<Method, (input: unknown) => Promise<unknown>>;
  for (const method of METHODS) {
    api[method] = (input: unknown) => {
      if (closing) return Promise.reject(new UserError(CLOSED_MESSAGE, 'app.closed'));
      const p = method === 'saveFile' ? o.saveFile(input as Parameters<Api['saveFile']>[0]) : call(method, input);
      inFlight.add(p);
      const done = () => inFlight.delete(p);
      p.then(done, done);
      return p;
    };
  }

  current = spawn();
  await current; // a database that cannot be opened at all fails here, as in-process

  return {
    api: api as unknown as Api,
    faultLog,
    worker: () => running,
    async close() {
      closing = true;
      // Every call sent has its reply (an edit sent is an edit stored) before the worker closes.
      await Promise.allSettled([...inFlight]);
      const w = (await current?.catch(() => undefined))?.worker;
      current = undefined;
      if (!w) return;
      const exited = new Promise<void>((resolve) => w.once('exit', () => resolve()));
      w.postMessage({ close: true } satisfies ToWorker);
      await exited;
    },
  };
}
