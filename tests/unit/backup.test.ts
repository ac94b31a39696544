// Backups and recovery on real files: an online backup holds every committed row while another
// connection writes; retention keeps exactly the right files; restore checks the file first,
// keeps the database it replaces, and handles the WAL; a damaged database opens in recovery
// (never as a fresh one, never as if nothing were wrong) and a newer one is left byte for byte.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ParsePool } from '../../electron/core/batch/pool';
import { dispatch } from '../../electron/core/dispatch';
import type { FaultLog } from '../../electron/core/fault-log';
import { createHandlers } from '../../electron/core/handlers';
import { importBuffer } from '../../electron/core/import';
import { openApp } from '../../electron/core/app';
import {
  backupDir,
  backupFileName,
  backupStore,
  checkBackupFile,
  dailyBackup,
  KEEP_LAST,
  listBackups,
  restoreDatabase,
  retention,
} from '../../electron/core/store/backup';
import { SCHEMA_VERSION } from '../../electron/core/store/migrations';
import { Store } from '../../electron/core/store/store';
import { damageDatabase } from '../support/damage-db';
import { runImport } from '../support/run-import';

const ROOT = path.join(__dirname, '..', '..');
const DISTRICT = path.join(ROOT, 'tests', 'fixtures', 'batch', 'district-200.xlsx');
const run = promisify(execFile);
const noLog: FaultLog = {
  path: '/dev/null',
  write(e) {
    throw new Error(`logged as a defect: ${String(e)}`);
  },
};

let dir: string;
let dbFile: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(tmpdir(), 'pcgd-backup-'));
  dbFile = path.join(dir, 'pcgd-xmc.db');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function districtDb(file = dbFile): Promise<Store> {
  const store = Store.open(file);
  expect((await importBuffer(store, 'district-200.xlsx', fs.readFileSync(DISTRICT))).status).toBe('ok');
  return store;
}

function cellCount(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM cell_values').pluck().get() as number;
  } finally {
    db.close();
  }
}


async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'electron', 'faces', 'cli', 'main.ts'), ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

describe('online backup', () => {
  it('holds every row committed before it, while another connection writes in WAL mode', async () => {
    const store = await districtDb();
    const writer = new Database(dbFile);
    writer.pragma('busy_timeout = 5000');
    const add = writer.prepare("INSERT INTO audit (report_id, unit_id, key, old, new, at, source) VALUES (0, 0, ?, '', 'x', '', 'typed')");
    try {
      // Committed through the other connection, still only in the WAL: a copy of the .db file alone misses them.
      for (let i = 0; i < 500; i++) add.run(`before-${i}`);
      const plainCopy = path.join(dir, 'copy.db');
      fs.copyFileSync(dbFile, plainCopy);
      const inCopy = new Database(plainCopy, { readonly: true });
      const copied = inCopy.prepare("SELECT count(*) FROM audit WHERE key LIKE 'before-%'").pluck().get() as number;
      inCopy.close();
      expect(copied).toBeLessThan(500);

      // Writes go on between the backup's steps.
      let during = 0;
      const pending = backupStore(store);
      const writing = setInterval(() => add.run(`during-${during++}`), 0);
      const made = await pending;
      clearInterval(writing);

      const b = new Database(made.path, { readonly: true });
      try {
        expect(b.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(b.prepare("SELECT count(*) FROM audit WHERE key LIKE 'before-%'").pluck().get()).toBe(500);
        // A consistent snapshot: the rows written during it form an unbroken prefix.
        const seen = b.prepare("SELECT key FROM audit WHERE key LIKE 'during-%'").pluck().all() as string[];
        expect(new Set(seen)).toEqual(new Set(Array.from({ length: seen.length }, (_, i) => `during-${i}`)));
        expect(b.prepare('SELECT count(*) FROM cell_values').pluck().get()).toBe(cellCount(dbFile));
      } finally {
        b.close();
      }
      // Finished, named by its time, private, self-contained (no -wal beside it), and nothing half-written listed.
      expect(made.name).toMatch(/^pcgd-xmc-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(-\d+)?\.db$/);
      expect(listBackups(dbFile).map((x) => x.name)).toEqual([made.name]);
      expect(fs.readdirSync(backupDir(dbFile)).filter((n) => !n.endsWith('.db'))).toEqual([]);
    } finally {
      writer.close();
      store.close();
    }
  });

  it.skipIf(process.platform === 'win32')('creates the database, its -wal and -shm and the backups 0600, the folder 0700', async () => {
    const store = await districtDb();
    try {
      const made = await backupStore(store);
      const mode = (p: string) => fs.statSync(p).mode & 0o777;
      expect(mode(dbFile)).toBe(0o600);
      expect(mode(`${dbFile}-wal`)).toBe(0o600);
      expect(mode(`${dbFile}-shm`)).toBe(0o600);
      expect(mode(backupDir(dbFile))).toBe(0o700);
      expect(mode(made.path)).toBe(0o600);
    } finally {
      store.close();
    }
  });

  it('takes the daily backup once a day', async () => {
    const store = await districtDb();
    try {
      const morning = new Date(2026, 11, 5, 8, 0, 0);
      expect(await dailyBackup(store, morning)).toBeDefined();
      expect(await dailyBackup(store, new Date(2026, 11, 5, 17, 30, 0))).toBeUndefined();
      expect(await dailyBackup(store, new Date(2026, 11, 6, 7, 0, 0))).toBeDefined();
      expect(listBackups(dbFile)).toHaveLength(2);
    } finally {
      store.close();
    }
  });

  it('is taken before an import that stores, not before a dry run', async () => {
    const pool = new ParsePool(1);
    const store = Store.open(dbFile);
    const api = createHandlers({ store, pool, seedsDir: path.join(ROOT, 'seeds'), saveFile: async () => ({ saved: false }) });
    try {
      const files = [{ name: 'district-200.xlsx', data: fs.readFileSync(DISTRICT).toString('base64') }];
      expect((await runImport(api, { files, dryRun: true })).state).toBe('done');
      expect(listBackups(dbFile)).toEqual([]);
      expect((await runImport(api, { files, dryRun: false })).state).toBe('done');
      const [before] = listBackups(dbFile);
      // The state the import started from: no values yet.
      expect(cellCount(before.path)).toBe(0);
      expect(cellCount(dbFile)).toBeGreaterThan(0);
    } finally {
      await pool.close();
      store.close();
    }
  });
});

describe('a backup killed half-way', () => {
  it('leaves no half backup in the list and the database byte for byte as it was', async () => {
    // Large enough (≈ 40 MB) that the backup takes many steps: the kill lands inside it.
    const store = await districtDb();
    const add = new Database(dbFile);
    const ins = add.prepare("INSERT INTO audit (report_id, unit_id, key, old, new, at, source) VALUES (0, 0, ?, '', ?, '', 'typed')");
    add.transaction(() => {
      for (let i = 0; i < 200_000; i++) ins.run(`k${i}`, 'x'.repeat(150));
    })();
    add.close();
    store.close(); // checkpointed: the file alone holds everything, and stays in WAL mode
    expect(fs.existsSync(`${dbFile}-wal`)).toBe(false);
    const bytes = fs.readFileSync(dbFile);

    const child = (await import('node:child_process')).spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'electron', 'faces', 'cli', 'main.ts'), 'backup', '--db', dbFile], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((ok) => child.on('exit', (_code, signal) => ok(signal)));
    let sawTemp = false;
    const poll = setInterval(() => {
      const dirNow = backupDir(dbFile);
      if (!sawTemp && fs.existsSync(dirNow) && fs.readdirSync(dirNow).some((n) => n.endsWith('.tmp'))) {
        sawTemp = true;
        child.kill('SIGKILL');
      }
    }, 1);
    const signal = await exited;
    clearInterval(poll);
    expect(sawTemp, 'the kill landed while the backup was being written').toBe(true);
    expect(signal).toBe('SIGKILL');

    expect(listBackups(dbFile)).toEqual([]);
    expect(fs.readFileSync(dbFile).equals(bytes)).toBe(true);
    // The next backup takes no notice of the cut one and is whole.
    const again = Store.open(dbFile);
    try {
      const made = await backupStore(again);
      expect(listBackups(dbFile).map((b) => b.name)).toEqual([made.name]);
      expect(checkBackupFile(made.path)).toBeUndefined();
    } finally {
      again.close();
    }
  }, 120_000);
});

describe('retention', () => {
  const now = new Date(2026, 11, 5, 21, 0, 0);
  const at = (daysAgo: number, h: number, m = 0) => {
    const d = new Date(now);
    d.setDate(d.getDate() - daysAgo);
    d.setHours(h, m, 0, 0);
    return d;
  };

  it('keeps the last 20 and the newest of each day for 30 days, nothing else', () => {
    // Today: 25 backups (08:00…08:24); each of the 40 days before: two (09:00 and 18:00).
    const today = Array.from({ length: 25 }, (_, i) => backupFileName(at(0, 8, i)));
    const older = Array.from({ length: 40 }, (_, k) => [backupFileName(at(k + 1, 9)), backupFileName(at(k + 1, 18))]).flat();
    const { keep, drop } = retention([...older, ...today, 'ghi-chu.txt', 'hong-pcgd-xmc-2026-01-01T00-00-00.db'], now);
    const expected = new Set([
      ...today.slice(5), // the 20 newest
      ...Array.from({ length: 30 }, (_, k) => backupFileName(at(k + 1, 18))).slice(0, 29), // newest of days 1…29
    ]);
    // Day 30 back at 18:00 is 30 days and 3 hours ago: outside the window (today is the 30th day).
    expect(new Set(keep)).toEqual(expected);
    expect(keep.length + drop.length).toBe(today.length + older.length);
    expect(drop).not.toContain('ghi-chu.txt');
    expect(keep).toHaveLength(KEEP_LAST + 29);
  });

  it('keeps every backup when there are fewer than 20', () => {
    const names = Array.from({ length: 7 }, (_, i) => backupFileName(at(i * 40, 12)));
    expect(retention(names, now)).toEqual({ keep: names, drop: [] });
  });

  it('prunes the folder after each backup', async () => {
    const store = await districtDb();
    try {
      fs.mkdirSync(backupDir(dbFile), { recursive: true });
      for (let i = 0; i < 30; i++) fs.copyFileSync(DISTRICT, path.join(backupDir(dbFile), backupFileName(new Date(2020, 0, 1, 0, i))));
      await backupStore(store);
      expect(listBackups(dbFile)).toHaveLength(KEEP_LAST);
      expect(fs.existsSync(path.join(backupDir(dbFile), backupFileName(new Date(2020, 0, 1, 0, 29))))).toBe(true);
      expect(fs.existsSync(path.join(backupDir(dbFile), backupFileName(new Date(2020, 0, 1, 0, 9))))).toBe(false);
    } finally {
      store.close();
    }
  });
});

describe('restore', () => {
  async function goodBackup(name = 'good-backup.db'): Promise<string> {
    const store = await districtDb(path.join(dir, `source-${name}`));
    const out = path.join(dir, name);
    await (await import('../../electron/core/store/backup')).backupStoreTo(store, out);
    store.close();
    return out;
  }

  it('refuses a damaged file, a non-database and a newer schema, and leaves the database as it was', async () => {
    const store = Store.open(dbFile);
    store.addUnit({ parentId: null, name: 'Huyện Giữ Nguyên', kind: 'huyen' });
    store.close();
    const before = fs.readFileSync(dbFile);

    const damaged = await goodBackup('damaged.db');
    damageDatabase(damaged);
    const text = path.join(dir, 'not-a-db.db');
    fs.writeFileSync(text, 'Đây không phải cơ sở dữ liệu.\n'.repeat(300));
    const newer = path.join(dir, 'newer.db');
    fs.copyFileSync(await goodBackup('for-newer.db'), newer);
    const n = new Database(newer);
    n.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    n.close();

    for (const [file, reason] of [
      [damaged, /bị hỏng/],
      [text, /không phải là cơ sở dữ liệu của ứng dụng/],
      [newer, /phiên bản mới hơn/],
    ] as const) {
      await expect(restoreDatabase(dbFile, file)).rejects.toThrow(reason);
      const r = await cli('restore', '--db', dbFile, '--from', file);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(reason);
    }
    expect(fs.readFileSync(dbFile).equals(before)).toBe(true);
    expect(listBackups(dbFile)).toEqual([]);
  });

  it('keeps a backup of the database it replaces, and replaces it whole (WAL included)', async () => {
    const backup = await goodBackup();
    const store = Store.open(dbFile);
    store.addUnit({ parentId: null, name: 'Huyện Bị Thay', kind: 'huyen' });
    // Left open by a writer that was killed: its last transaction only in the -wal.
    const other = new Database(dbFile);
    other.prepare("INSERT INTO units (parent_id, name, kind) VALUES (NULL, 'Chỉ trong WAL', 'huyen')").run();
    other.close();
    store.close();

    const r = await cli('restore', '--db', dbFile, '--from', backup);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Đã khôi phục/);
    const [kept] = listBackups(dbFile);
    const old = new Database(kept.path, { readonly: true });
    expect(old.prepare('SELECT name FROM units ORDER BY id').pluck().all()).toEqual(['Huyện Bị Thay', 'Chỉ trong WAL']);
    old.close();

    const now = Store.open(dbFile);
    try {
      expect(now.integrityCheck()).toBe('ok');
      expect(now.listUnits().map((u) => u.name)).not.toContain('Huyện Bị Thay');
      expect(now.districts()).toHaveLength(1);
    } finally {
      now.close();
    }
    expect(cellCount(dbFile)).toBe(cellCount(backup));
    expect(fs.existsSync(`${dbFile}.khoi-phuc.tmp`)).toBe(false);
  });

  it('CLI backup --out writes a sound copy that restore accepts', async () => {
    const store = await districtDb();
    store.close();
    const out = path.join(dir, 'ra', 'ban-sao.db');
    const r = await cli('backup', '--db', dbFile, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(out);
    expect(checkBackupFile(out)).toBeUndefined();
    expect(cellCount(out)).toBe(cellCount(dbFile));
  });
});

describe('recovery at start, through the handlers', () => {
  // As every face opens it: the session with its recovery, through openApp.
  const open = () => openApp({ dbPath: dbFile, seedsDir: path.join(ROOT, 'seeds'), poolSize: 1, saveFile: async () => ({ saved: false }) });

  it('a damaged database opens in recovery offering the newest good backup, and restoring it brings the data back', async () => {
    const store = await districtDb();
    const older = await backupStore(store, new Date(2026, 10, 1, 9, 0, 0));
    const newest = await backupStore(store, new Date(2026, 10, 2, 9, 0, 0));
    store.close();
    // The newest backup is damaged too: the offer is the newest one that passes the checks.
    damageDatabase(newest.path);
    damageDatabase(dbFile);
    const damagedBytes = fs.readFileSync(dbFile);

    const app = await open();
    const session = app.session;
    try {
      expect(session.recovery()?.reason).toBe('damaged');
      const overview = await dispatch(session.api, 'overview', {}, noLog);
      expect(overview).toMatchObject({ ok: true, value: { units: [], recovery: { reason: 'damaged' } } });
      const edit = await dispatch(session.api, 'setCells', { reportId: 1, writes: [] }, noLog);
      expect(edit).toEqual({ ok: false, error: expect.stringMatching(/bị hỏng.*Sao lưu và khôi phục/) });
      expect((edit as { error: string }).error).not.toMatch(/không bị ảnh hưởng|vẫn còn/);
      // Never a fresh start over it.
      expect(fs.readFileSync(dbFile).equals(damagedBytes)).toBe(true);

      const list = await dispatch(session.api, 'backups', {}, noLog);
      expect(list).toMatchObject({ ok: true, value: { suggested: older.name, recovery: { reason: 'damaged' } } });
      const restored = await dispatch(session.api, 'restoreBackup', { name: older.name }, noLog);
      expect(restored).toMatchObject({ ok: true, value: { restored: older.name, replaced: expect.stringMatching(/^hong-pcgd-xmc-/) } });

      expect(session.recovery()).toBeUndefined();
      const after = await dispatch(session.api, 'overview', {}, noLog);
      expect((after as { value: { units: unknown[]; recovery?: unknown } }).value.units.length).toBeGreaterThan(0);
      expect((after as { value: { recovery?: unknown } }).value.recovery).toBeUndefined();
      expect(session.store()!.integrityCheck()).toBe('ok');
      // The damaged file was kept as it was, beside the backups.
      expect(fs.readFileSync(path.join(backupDir(dbFile), (restored as { value: { replaced: string } }).value.replaced)).equals(damagedBytes)).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('a file that is not a database opens in recovery too (must not be overwritten)', async () => {
    fs.writeFileSync(dbFile, Buffer.alloc(10_000, 7));
    const app = await open();
    const session = app.session;
    try {
      expect(session.recovery()?.reason).toBe('damaged');
      expect(await dispatch(session.api, 'loadDemo', {}, noLog)).toMatchObject({ ok: false });
    } finally {
      await app.close();
    }
    expect(fs.readFileSync(dbFile).equals(Buffer.alloc(10_000, 7))).toBe(true);
  });

  it('a database of a newer schema is refused with a clear message and left byte for byte', async () => {
    const store = await districtDb();
    await backupStore(store);
    store.leaveWal();
    store.close();
    const n = new Database(dbFile);
    n.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    n.close();
    const bytes = fs.readFileSync(dbFile);

    const app = await open();
    const session = app.session;
    try {
      expect(session.recovery()).toMatchObject({ reason: 'newer', message: expect.stringMatching(/phiên bản mới hơn.*Hãy cập nhật ứng dụng/) });
      const [b] = listBackups(dbFile);
      const r = await dispatch(session.api, 'restoreBackup', { name: b.name }, noLog);
      expect(r).toEqual({ ok: false, error: expect.stringMatching(/phiên bản mới hơn/) });
    } finally {
      await app.close();
    }
    expect(fs.readFileSync(dbFile).equals(bytes)).toBe(true);
    expect(fs.existsSync(`${dbFile}-wal`)).toBe(false);
  });

  it('a sound database is not in recovery; the page restores a backup and reloads from it (must not fire)', async () => {
    const store = await districtDb();
    store.close();
    const app = await open();
    const session = app.session;
    try {
      expect(session.recovery()).toBeUndefined();
      const made = await dispatch(session.api, 'backupNow', {}, noLog);
      expect(made.ok).toBe(true);
      const name = (made as { value: { backup: { name: string } } }).value.backup.name;
      session.store()!.addUnit({ parentId: null, name: 'Sau sao lưu', kind: 'huyen' });
      const r = await dispatch(session.api, 'restoreBackup', { name }, noLog);
      expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
      expect(session.store()!.listUnits().map((u) => u.name)).not.toContain('Sau sao lưu');
      // A name that is not one of the backups (a path) is refused.
      expect(await dispatch(session.api, 'restoreBackup', { name: '../pcgd-xmc.db' }, noLog)).toMatchObject({ ok: false });
    } finally {
      await app.close();
    }
  });
});
