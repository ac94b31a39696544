// Backups of the officer's database, in `<database file>.backups/` beside it: SQLite's online
// backup (a copying of the .db file alone while the app runs misses what is still in the WAL),
// written under a hidden temporary name and renamed only when whole, so a crash or a kill never
// leaves half a backup that looks like one. Kept: the last 20, and one a day for 30 days.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UserError } from '../../../shared/errors';
import { asDbFault, dbFaultError } from './db-faults';
import { SCHEMA_VERSION } from './migrations';
import { checkOpened, isForeignFile, Store } from './store';

export const KEEP_LAST = 20;
export const KEEP_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** pcgd-xmc-2026-12-05T21-03-11.db (local time), with -2, -3… for more in the same second. */
const NAME = /^pcgd-xmc-(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})(?:-(\d+))?\.db$/;
const TEMP = /^\.pcgd-xmc-.*\.tmp$/;
/** A temporary file older than this belongs to a process that died: it is removed. */
const STALE_TEMP_MS = 10 * 60 * 1000;

export interface BackupInfo {
  name: string;
  path: string;
  /** When it was taken (ISO 8601, from its name). */
  at: string;
  size: number;
}

export function backupDir(dbFile: string): string {
  return `${path.resolve(dbFile)}.backups`;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function backupFileName(at: Date, seq = 1): string {
  const stamp = `${pad(at.getFullYear(), 4)}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}-${pad(at.getMinutes())}-${pad(at.getSeconds())}`;
  return `pcgd-xmc-${stamp}${seq > 1 ? `-${seq}` : ''}.db`;
}

/** When a backup named by backupFileName was taken; undefined for any other name. */
export function backupTime(name: string): Date | undefined {
  const m = NAME.exec(name);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  const at = new Date(y, mo - 1, d, h, mi, s, Number(m[7] ?? 1) - 1);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

const dayOf = (d: Date) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;

/**
 * Which backups to keep: the KEEP_LAST newest, and the newest of each day of the last KEEP_DAYS
 * days. Names that are not backups are neither kept nor dropped (not ours to delete).
 */
export function retention(names: string[], now: Date): { keep: string[]; drop: string[] } {
  const dated = names
    .map((name) => ({ name, at: backupTime(name) }))
    .filter((b): b is { name: string; at: Date } => !!b.at)
    .sort((a, b) => b.at.getTime() - a.at.getTime() || b.name.localeCompare(a.name));
  const keep = new Set(dated.slice(0, KEEP_LAST).map((b) => b.name));
  const days = new Set<string>();
  for (const b of dated) {
    if (now.getTime() - b.at.getTime() > KEEP_DAYS * DAY_MS) continue;
    const day = dayOf(b.at);
    if (days.has(day)) continue;
    days.add(day);
    keep.add(b.name);
  }
  return { keep: dated.filter((b) => keep.has(b.name)).map((b) => b.name), drop: dated.filter((b) => !keep.has(b.name)).map((b) => b.name) };
}

/** The finished backups of a database, newest first (temporary files are never listed). */
export function listBackups(dbFile: string): BackupInfo[] {
  const dir = backupDir(dbFile);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const list: BackupInfo[] = [];
  for (const name of names) {
    const at = backupTime(name);
    if (!at) continue;
    try {
      const st = fs.statSync(path.join(dir, name));
      if (st.isFile()) list.push({ name, path: path.join(dir, name), at: at.toISOString(), size: st.size });
    } catch {
      // Removed while listing.
    }
  }
  return list.sort((a, b) => b.at.localeCompare(a.at) || b.name.localeCompare(a.name));
}

function ensureDir(dir: string): void {
  if (!fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
}

function fsyncPath(p: string): void {
  try {
    const fd = fs.openSync(p, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder to sync it; the rename is durable enough there.
  }
}

/** A free backup name for `now` in dir. */
function freeName(dir: string, now: Date): string {
  for (let seq = 1; ; seq++) {
    const name = backupFileName(now, seq);
    if (!fs.existsSync(path.join(dir, name))) return name;
  }
}

function removeStaleTemps(dir: string, now: Date): void {
  for (const name of fs.readdirSync(dir)) {
    if (!TEMP.test(name)) continue;
    const p = path.join(dir, name);
    try {
      if (now.getTime() - fs.statSync(p).mtimeMs > STALE_TEMP_MS) fs.rmSync(p, { force: true });
    } catch {
      // Another process's, gone meanwhile.
    }
  }
}

/**
 * Makes a finished copy self-contained (no -wal beside it) and private, then moves it to its
 * name in one rename: before that rename nothing lists it.
 */
function seal(temp: string, dest: string): void {
  const db = new Database(temp);
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
  if (process.platform !== 'win32') fs.chmodSync(temp, 0o600);
  fsyncPath(temp);
  fs.renameSync(temp, dest);
  fsyncPath(path.dirname(dest));
}

/** Applies retention to a database's backups folder; returns the names removed. */
export function pruneBackups(dbFile: string, now = new Date()): string[] {
  const dir = backupDir(dbFile);
  const { drop } = retention(listBackups(dbFile).map((b) => b.name), now);
  for (const name of drop) fs.rmSync(path.join(dir, name), { force: true });
  return drop;
}

/** Backups of one database run one after another (the daily one and "Sao lưu ngay" may meet). */
const queues = new Map<string, Promise<unknown>>();
let tempSeq = 0;

/** A backup of the open store into its backups folder, then retention. */
export function backupStore(store: Store, now = new Date()): Promise<BackupInfo> {
  const dir = backupDir(store.file);
  const prev = queues.get(dir) ?? Promise.resolve();
  const next = prev.catch(() => undefined).then(() => backupNow(store, dir, now));
  queues.set(dir, next);
  void next.finally(() => {
    if (queues.get(dir) === next) queues.delete(dir);
  }).catch(() => undefined);
  return next;
}

async function backupNow(store: Store, dir: string, now: Date): Promise<BackupInfo> {
  try {
    ensureDir(dir);
    removeStaleTemps(dir, now);
    const name = freeName(dir, now);
    const temp = path.join(dir, `.${name}.${process.pid}-${++tempSeq}.tmp`);
    try {
      await store.backupTo(temp);
      seal(temp, path.join(dir, name));
    } finally {
      fs.rmSync(temp, { force: true });
      fs.rmSync(`${temp}-journal`, { force: true });
    }
    pruneBackups(store.file, now);
    const made = listBackups(store.file).find((b) => b.name === name);
    if (!made) throw new Error(`backup ${name} vanished`);
    return made;
  } catch (e) {
    throw asDbFault(e, dir);
  }
}

/** A backup of the open store into a file of the user's choice (CLI `backup --out`). */
export async function backupStoreTo(store: Store, out: string): Promise<BackupInfo> {
  const dest = path.resolve(out);
  const temp = path.join(path.dirname(dest), `.${path.basename(dest)}.${process.pid}.tmp`);
  try {
    if (fs.existsSync(dest) && fs.statSync(dest).isDirectory()) throw dbFaultError('isdir', dest);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    try {
      await store.backupTo(temp);
      seal(temp, dest);
    } finally {
      fs.rmSync(temp, { force: true });
      fs.rmSync(`${temp}-journal`, { force: true });
    }
    return { name: path.basename(dest), path: dest, at: new Date().toISOString(), size: fs.statSync(dest).size };
  } catch (e) {
    throw asDbFault(e, dest);
  }
}

/** The once-a-day backup at start: taken when none of today's exists yet. */
export async function dailyBackup(store: Store, now = new Date()): Promise<BackupInfo | undefined> {
  const today = dayOf(now);
  if (listBackups(store.file).some((b) => dayOf(new Date(b.at)) === today)) return undefined;
  return backupStore(store, now);
}

/**
 * Why a file cannot be restored, or undefined when it can: not a SQLite file, not ours, failing
 * PRAGMA integrity_check, of no known schema version or of a newer one. Reads only.
 */
export function checkBackupFile(file: string): UserError | undefined {
  if (!fs.existsSync(file)) return new UserError(`Không tìm thấy tệp sao lưu "${file}".`, 'backup.missing');
  if (fs.statSync(file).isDirectory()) return dbFaultError('isdir', file);
  if (fs.statSync(file).size === 0 || isForeignFile(file)) return dbFaultError('notadb', file);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const refused = checkOpened(db, file);
    if (refused) return refused.code === 'db.newer' ? newerBackup(file, refused) : refused;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < 1) return new UserError(`Tệp "${file}" không chứa dữ liệu của ứng dụng (chưa có phiên bản dữ liệu nào).`, 'backup.empty');
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('\n');
    if (integrity !== 'ok') return dbFaultError('corrupt', file);
    return undefined;
  } catch (e) {
    const f = asDbFault(e, file);
    if (f instanceof UserError) return f;
    throw e;
  } finally {
    db?.close();
  }
}

function newerBackup(file: string, e: UserError): UserError {
  return new UserError(`Không khôi phục từ "${file}": ${e.message.replace(/^Cơ sở dữ liệu ".*?" /, 'tệp này ')}`.replace(/; tệp được giữ nguyên\.$/, '.'), 'backup.newer');
}

/** A raw copy of a database that cannot be opened (so SQLite's backup cannot read it). */
function rawCopy(dbFile: string, now: Date): BackupInfo {
  const dir = backupDir(dbFile);
  ensureDir(dir);
  const name = freeName(dir, now).replace(/^pcgd-xmc-/, 'hong-pcgd-xmc-');
  const dest = path.join(dir, name);
  fs.copyFileSync(dbFile, dest);
  if (fs.existsSync(`${dbFile}-wal`)) fs.copyFileSync(`${dbFile}-wal`, `${dest}-wal`);
  if (process.platform !== 'win32') fs.chmodSync(dest, 0o600);
  return { name, path: dest, at: now.toISOString(), size: fs.statSync(dest).size };
}

export interface RestoreResult {
  /** Where the replaced database went: a backup, or a raw copy (hong-…) of a damaged one. */
  replaced?: BackupInfo;
}

/**
 * Replaces the database at dbFile by the backup `from`, which is checked first. The database
 * being replaced is backed up first (or copied as it is, when it cannot be opened). Nothing may
 * hold dbFile open: the caller closes its own store, and another program's is refused as locked.
 * The replacement is one rename of a complete, private file; the old -wal and -shm go first,
 * since SQLite would otherwise replay the old log onto the new file.
 */
export async function restoreDatabase(dbFile: string, from: string, now = new Date()): Promise<RestoreResult> {
  const source = path.resolve(from);
  const target = path.resolve(dbFile);
  if (source === target) throw new UserError('Tệp sao lưu chính là cơ sở dữ liệu đang dùng: không có gì để khôi phục.', 'backup.same');
  const refused = checkBackupFile(source);
  if (refused) throw refused;
  const result: RestoreResult = {};
  if (fs.existsSync(target)) {
    if (fs.statSync(target).isDirectory()) throw dbFaultError('isdir', target);
    let current: Store | undefined;
    try {
      current = Store.open(target, { busyTimeoutMs: 1000 });
    } catch (e) {
      if (e instanceof UserError && e.code === 'db.locked') throw e;
      result.replaced = rawCopy(target, now);
    }
    if (current) {
      try {
        result.replaced = await backupStore(current, now);
        // Leaving WAL mode needs the only connection: another program holding the file is refused.
        let mode: string;
        try {
          mode = current.leaveWal();
        } catch (e) {
          throw asDbFault(e, target);
        }
        if (mode !== 'delete') throw dbFaultError('locked', target);
      } finally {
        current.close();
      }
    }
  }
  const temp = `${target}.khoi-phuc.tmp`;
  try {
    const src = new Database(source, { readonly: true, fileMustExist: true });
    try {
      await src.backup(temp);
    } finally {
      src.close();
    }
    const check = new Database(temp);
    try {
      if ((check.pragma('user_version', { simple: true }) as number) > SCHEMA_VERSION) throw new Error('restored copy is newer');
    } finally {
      check.close();
    }
    seal(temp, `${temp}.done`);
    fs.rmSync(`${target}-wal`, { force: true });
    fs.rmSync(`${target}-shm`, { force: true });
    fs.renameSync(`${temp}.done`, target);
    fsyncPath(path.dirname(target));
  } catch (e) {
    throw asDbFault(e, target);
  } finally {
    fs.rmSync(temp, { force: true });
    fs.rmSync(`${temp}.done`, { force: true });
    fs.rmSync(`${temp}-journal`, { force: true });
  }
  return result;
}
