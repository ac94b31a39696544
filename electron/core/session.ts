// The database as the faces (Electron, the browser host) hold it: opened at start, or — when the
// file is damaged or from a newer app — a recovery state in which the page is still served, the
// backups are listed and one can be restored, and every other method says what is wrong. Never
// a silent fresh start over a damaged file, never "your data is fine" about it.
import type { Api, BackupsView, Method, RecoveryInfo } from '../../shared/api';
import { isUserError, UserError } from '../../shared/errors';
import { BatchRegistry } from './batch/registry';
import { createHandlers, type HandlerDeps } from './handlers';
import { backupDir, checkBackupFile, dailyBackup, listBackups, restoreDatabase } from './store/backup';
import { asDbFault } from './store/db-faults';
import { Store, type OpenOptions } from './store/store';
import { contract } from '../../shared/api';

export interface SessionDeps extends Omit<HandlerDeps, 'store' | 'restoreBackup' | 'batches'> {
  open?: OpenOptions;
  /** Where a failed daily backup is told (it must not stop the app). */
  onBackgroundError?(e: unknown): void;
}

export interface Session {
  /** The contract, for dispatch: delegates to the current database's handlers, or to recovery. */
  readonly api: Api;
  readonly file: string;
  /** The open store; undefined in recovery. */
  store(): Store | undefined;
  recovery(): RecoveryInfo | undefined;
  /** Waits for a running daily backup, then closes the database. */
  close(): Promise<void>;
}

const RECOVERABLE = new Set(['db.corrupt', 'db.notadb', 'db.newer']);

/** Open the database for a face. A damaged or newer file gives recovery; other faults throw. */
export function openSession(file: string, deps: SessionDeps): Session {
  let store: Store | undefined;
  let handlers: Api | undefined;
  let batches: BatchRegistry | undefined;
  let recovery: RecoveryInfo | undefined;
  let background: Promise<unknown> = Promise.resolve();

  const open = () => {
    store = Store.open(file, deps.open);
    batches = new BatchRegistry(store, deps.pool);
    handlers = createHandlers({ ...deps, store, batches, restoreBackup: (input) => restoreBackup(input) });
    recovery = undefined;
  };

  try {
    open();
  } catch (e) {
    if (!isUserError(e) || !RECOVERABLE.has(e.code)) throw e;
    recovery = { reason: e.code === 'db.newer' ? 'newer' : 'damaged', message: e.message };
  }

  // Once a day at start; a database with nothing in it yet has nothing to keep.
  if (store && store.listUnits().length) {
    const s = store;
    background = dailyBackup(s).catch((e: unknown) => deps.onBackgroundError?.(e));
  }

  function backupOf(name: string) {
    const found = listBackups(file).find((b) => b.name === name);
    if (!found) throw new UserError(`Không có bản sao lưu "${name}" trong thư mục ${backupDir(file)}.`, 'backup.missing');
    return found;
  }

  async function restoreBackup({ name }: { name: string }) {
    const backup = backupOf(name);
    if (recovery?.reason === 'newer') {
      throw new UserError('Cơ sở dữ liệu được tạo bởi phiên bản mới hơn của ứng dụng: hãy cập nhật ứng dụng thay vì khôi phục bản cũ.', 'backup.newer');
    }
    if (batches?.running()) throw new UserError('Đang nhập tệp: hãy đợi đợt nhập xong rồi mới khôi phục.', 'backup.busy');
    const refused = checkBackupFile(backup.path);
    if (refused) throw refused;
    await background;
    store?.close();
    store = undefined;
    handlers = undefined;
    let replaced: string | undefined;
    try {
      replaced = (await restoreDatabase(file, backup.path)).replaced?.name;
    } finally {
      // The restored database, or (if the restore failed before replacing it) the one there was.
      try {
        open();
      } catch (e) {
        if (!isUserError(e) || !RECOVERABLE.has(e.code)) throw e;
        recovery = { reason: e.code === 'db.newer' ? 'newer' : 'damaged', message: e.message };
      }
    }
    return { restored: name, replaced };
  }

  function recoveryView(): BackupsView {
    const backups = listBackups(file);
    // The newest one restore would accept: checked one by one from the newest, stopping at the first.
    const suggested = recovery?.reason === 'damaged' ? backups.find((b) => !checkBackupFile(b.path))?.name : undefined;
    return {
      dbFile: file,
      dir: backupDir(file),
      backups: backups.map(({ name, at, size }) => ({ name, at, size })),
      recovery,
      suggested,
    };
  }

  const api = {} as Record<Method, (input: never) => Promise<unknown>>;
  for (const method of Object.keys(contract) as Method[]) {
    api[method] = async (input: never) => {
      if (method === 'restoreBackup') {
        try {
          return await restoreBackup(input as { name: string });
        } catch (e) {
          throw asDbFault(e, file);
        }
      }
      if (recovery) {
        if (method === 'backups') return recoveryView();
        if (method === 'overview') return { units: [], reports: [], recovery };
        throw new UserError(`${recovery.message} Ứng dụng chưa dùng tệp này; hãy vào "Sao lưu và khôi phục".`, 'db.recovery');
      }
      return (handlers![method] as (i: never) => Promise<unknown>)(input);
    };
  }

  return {
    api: api as unknown as Api,
    file,
    store: () => store,
    recovery: () => recovery,
    async close() {
      await background;
      store?.close();
      store = undefined;
    },
  };
}
