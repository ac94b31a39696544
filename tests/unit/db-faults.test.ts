// Each fault of the database file, provoked for real, reaches the officer as its own Vietnamese
// sentence naming the file — through the CLI (stderr, exit 2) and through dispatch (the envelope
// the IPC and the browser host send) — never SQLite's or Node's English ("database is locked",
// "EISDIR: illegal operation on a directory", "attempt to write a readonly database"…).
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import type { FaultLog } from '../../electron/core/fault-log';
import { openApp } from '../../electron/core/app';
import { Store } from '../../electron/core/store/store';
import { dispatchImport } from '../support/run-import';

const ROOT = join(__dirname, '..', '..');
const DISTRICT = join(ROOT, 'tests', 'fixtures', 'batch', 'district-200.xlsx');
const run = promisify(execFile);
const ENGLISH = /EISDIR|EEXIST|ENOTDIR|EACCES|readonly database|unable to open|disk I\/O|database is locked|database or disk is full|not a database|malformed|Đã xảy ra lỗi không mong đợi/;

/** Fails the test if a fault is written to the log as a defect: it must be the officer's sentence. */
const noLog: FaultLog = {
  path: '/dev/null',
  write(e) {
    throw new Error(`logged as a defect: ${String(e)}`);
  },
};

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

async function node(args: string[], opts: { uid?: number; gid?: number } = {}): Promise<Ran> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, ...opts, maxBuffer: 1 << 24 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

const cli = (args: string[], opts: { uid?: number; gid?: number } = {}) => node([join(ROOT, 'electron', 'faces', 'cli', 'main.ts'), ...args], opts);
/** One call through openApp + dispatch in a process of its own (so it can run as another user). */
async function dispatchOnce(db: string, method: string, payload: unknown, opts: { uid?: number; gid?: number } = {}) {
  const file = `${db}.payload.json`;
  writeFileSync(file, JSON.stringify(payload));
  chmodSync(file, 0o644);
  const r = await node([join(ROOT, 'tests', 'support', 'dispatch-once.ts'), db, method, `@${file}`, '100'], opts);
  expect(r.stderr, 'dispatch-once crashed').toBe('');
  return JSON.parse(r.stdout) as { ok: boolean; error?: string };
}

const dirs: string[] = [];
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'pcgd-dbfault-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** An empty database of the app (its schema, no units), closed: importing the district writes. */
function emptyDb(dir: string): string {
  const db = join(dir, 'a.db');
  Store.open(db).close();
  return db;
}

const importDistrict = { files: [{ name: 'district-200.xlsx', data: readFileSync(DISTRICT).toString('base64') }], dryRun: false };

function expectSentence(text: string | undefined, sentence: RegExp, file: string) {
  expect(text).toMatch(sentence);
  expect(text).toContain(file);
  expect(text).not.toMatch(ENGLISH);
}

describe('database faults: one Vietnamese sentence each, naming the file', () => {
  it('a directory given as the database', async () => {
    const dir = tmp();
    const db = join(dir, 'thu-muc.db');
    mkdirSync(db);
    const r = await cli(['completeness', '--db', db]);
    expect(r.code).toBe(2);
    expectSentence(r.stderr, /là một thư mục, không phải tệp cơ sở dữ liệu/, db);
    // Through dispatch: a backups folder that is a file where the folder should be.
    const good = emptyDb(tmp());
    writeFileSync(`${good}.backups`, 'not a folder');
    const env = await dispatchOnce(good, 'backupNow', {});
    expect(env.ok).toBe(false);
    expectSentence(env.error, /trên đường dẫn có một tệp trùng tên với thư mục/, `${good}.backups`);
  });

  it('a file where a folder of the path should be (EEXIST / ENOTDIR)', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'tep'), 'x');
    const db = join(dir, 'tep', 'con', 'a.db');
    const r = await cli(['completeness', '--db', db]);
    expect(r.code).toBe(2);
    expectSentence(r.stderr, /Không tạo được thư mục cho cơ sở dữ liệu .* trên đường dẫn có một tệp trùng tên/, db);
  });

  /** The faces open the database through openApp: its refusal is the officer's sentence too. */
  async function openFails(db: string): Promise<string> {
    const e = await openApp({ dbPath: db, poolSize: 1, saveFile: async () => ({ saved: false }), faultLogFile: join(tmp(), 'log') }).then(
      async (app) => {
        await app.close();
        return new Error('opened');
      },
      (x: unknown) => x,
    );
    return e instanceof Error ? e.message : String(e);
  }

  it('a disk that fails a read ("disk I/O error"): the database names one, /proc/self/mem, through a link', async () => {
    // Reading /proc/self/mem at offset 0 fails with EIO: SQLite's SQLITE_IOERR, for real.
    const db = join(tmp(), 'o-dia-hong.db');
    symlinkSync('/proc/self/mem', db);
    const r = await cli(['import', DISTRICT, '--db', db]);
    expect(r.code).toBe(2);
    expectSentence(r.stderr, /Ổ đĩa báo lỗi khi đọc hoặc ghi cơ sở dữ liệu/, db);
    expectSentence(await openFails(db), /Ổ đĩa báo lỗi khi đọc hoặc ghi cơ sở dữ liệu/, db);
  });

  it('a database SQLite cannot open ("unable to open database file": a folder where its -wal goes)', async () => {
    const db = emptyDb(tmp());
    const before = readFileSync(db);
    mkdirSync(`${db}-wal`);
    const r = await cli(['import', DISTRICT, '--db', db]);
    expect(r.code).toBe(2);
    expectSentence(r.stderr, /Không mở được tệp cơ sở dữ liệu/, db);
    expectSentence(await openFails(db), /Không mở được tệp cơ sở dữ liệu/, db);
    expect(readFileSync(db).equals(before)).toBe(true);
  });

  it('a missing parent folder is created, with the database in it (must not fire)', async () => {
    const dir = tmp();
    const db = join(dir, 'chua-co', 'con', 'a.db');
    const r = await cli(['completeness', '--db', db]);
    // No district yet: the officer is told so, not about the folder.
    expect(r.stderr).not.toMatch(/thư mục|ENOENT/);
    expect(existsSync(db)).toBe(true);
  });

  it('a file of random bytes', async () => {
    const dir = tmp();
    const db = join(dir, 'ngau-nhien.db');
    const bytes = Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) % 251));
    writeFileSync(db, bytes);
    const r = await cli(['import', DISTRICT, '--db', db]);
    expect(r.code).toBe(2);
    expectSentence(r.stderr, /không phải là cơ sở dữ liệu của ứng dụng/, db);
    // Through dispatch the app is in recovery: every method but the backups says what is wrong.
    const env = await dispatchOnce(db, 'setCells', { reportId: 1, writes: [] });
    expectSentence(env.error, /không phải là cơ sở dữ liệu của ứng dụng.*Sao lưu và khôi phục/, db);
    expect(readFileSync(db).equals(bytes)).toBe(true);
  });

  it('a locked database (another connection holds the write lock)', async () => {
    const db = emptyDb(tmp());
    const holder = new Database(db);
    holder.exec('BEGIN EXCLUSIVE');
    try {
      // Through dispatch (busy timeout 100 ms): an import waits for the lock, then says so.
      const env = await dispatchOnce(db, 'import', importDistrict);
      expect(env.ok).toBe(false);
      expectSentence(env.error, /đang bị một chương trình khác khóa/, db);
      // Through the CLI (its own 5 s wait).
      const r = await cli(['import', DISTRICT, '--db', db]);
      expect(r.code).toBe(2);
      expectSentence(r.stderr, /đang bị một chương trình khác khóa/, db);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  }, 30_000);

  // Root ignores file permissions: the file is made read-only (0444) and the CLI and dispatch
  // run as the user "nobody" (spawn's uid), for whom it really is read-only.
  it.skipIf(process.getuid?.() !== 0)('a read-only database file (0444, run as another user)', async () => {
    const dir = tmp();
    chmodSync(dir, 0o777); // nobody may create the -wal, -shm and the backups there, not write the file
    const db = emptyDb(dir);
    chmodSync(db, 0o444);
    const nobody = { uid: 65534, gid: 65534 };
    const r = await cli(['import', DISTRICT, '--db', db], nobody);
    expect(r.code).toBe(2);
    expectSentence(r.stderr, /Không ghi được vào cơ sở dữ liệu .* chỉ cho phép đọc/, db);
    const env = await dispatchOnce(db, 'import', importDistrict, nobody);
    expect(env.ok).toBe(false);
    expectSentence(env.error, /Không ghi được vào cơ sở dữ liệu .* chỉ cho phép đọc/, db);
    // Reading still works (must not fire): the officer is told what the database holds.
    const list = await cli(['completeness', '--db', db], nobody);
    expect(list.stderr).toMatch(/chưa có đơn vị nào/);
    expect(list.stderr).not.toMatch(/chỉ cho phép đọc/);
  }, 60_000);

  // A real full disk: a 448 KB tmpfs (needs CAP_SYS_ADMIN; skipped where it cannot be mounted).
  // The empty database and its first backup fit; the district's 700 KB of values do not.
  const mountPoint = join(tmpdir(), `pcgd-full-${process.pid}`);
  let mounted = false;
  try {
    mkdirSync(mountPoint, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=448k', 'tmpfs', mountPoint], { stdio: 'ignore' });
    mounted = true;
  } catch {
    rmSync(mountPoint, { recursive: true, force: true });
  }
  afterAll(() => {
    if (!mounted) return;
    execFileSync('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  it.skipIf(!mounted)('a full disk, through the CLI and through dispatch; what was stored stays', async () => {
    const cliDb = join(mountPoint, 'cli.db');
    const r = await cli(['import', DISTRICT, '--db', cliDb]);
    expect(r.code).toBe(2);
    expectSentence(r.stderr, /đã đầy nên thay đổi vừa rồi không được lưu/, 'cli.db');
    const s = Store.open(cliDb);
    expect(s.integrityCheck()).toBe('ok');
    expect(s.listUnits()).toEqual([]);
    s.close();
    for (const f of readdirSync(mountPoint)) rmSync(join(mountPoint, f), { recursive: true, force: true });

    const db = join(mountPoint, 'app.db');
    const app = await openApp({ dbPath: db, seedsDir: join(ROOT, 'seeds'), poolSize: 1, saveFile: async () => ({ saved: false }) });
    const session = app.session;
    try {
      const files = [{ name: 'district-200.xlsx', data: readFileSync(DISTRICT).toString('base64') }];
      const env = await dispatchImport((m, p) => dispatch(session.api, m, p, noLog), { files, dryRun: false });
      expect(env.ok).toBe(false);
      expectSentence((env as { error: string }).error, /đã đầy nên thay đổi vừa rồi không được lưu/, mountPoint);
      expect(session.store()!.integrityCheck()).toBe('ok');
    } finally {
      await app.close();
    }
  }, 60_000);
});
