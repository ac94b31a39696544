// The backend in a worker thread (openApp({ inWorker: true })), on real files and a real SQLite
// database: the same calls give the same results as in this thread; a UserError arrives as one;
// a 200-file import leaves the calling thread's event loop free (and the same import in this
// thread does not: the measure can fail); close() stores an edit in flight; a worker that dies
// says so in Vietnamese and leaves the database sound.
import { build } from 'esbuild';
import JSZip from 'jszip';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api, BatchStatus, ReportInfo } from '../../shared/api';
import { columnsOf } from '../../shared/grid';
import { getTemplate } from '../../shared/templates';
import { isUserError, UserError } from '../../shared/errors';
import { openApp, type App } from '../../electron/core/app';
import { CLOSED_MESSAGE, WORKER_CRASHED, type WorkerApp } from '../../electron/core/app-thread';
import { dispatch } from '../../electron/core/dispatch';
import { LoggedFault, type FaultLog } from '../../electron/core/fault-log';
import { importBuffer } from '../../electron/core/import';
import { dailyBackup } from '../../electron/core/store/backup';
import { Store } from '../../electron/core/store/store';
import { FIXTURE_FORM_SECRET } from '../support/fixture-secret';
import { NODE_BUNDLE } from '../../scripts/bundle-options.mjs';

const ROOT = join(__dirname, '..', '..');
const BATCH = join(ROOT, 'tests', 'fixtures', 'batch');
const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'pcgd-appworker-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const saved: { name: string; data: string }[] = [];
function open(dbPath: string, inWorker: boolean): Promise<App> {
  return openApp({
    dbPath,
    seedsDir: join(ROOT, 'seeds'),
    poolSize: 1,
    inWorker,
    saveFile: async (f) => {
      saved.push(f);
      return { saved: true, path: `/nơi-lưu/${f.name}` };
    },
  });
}

/** Polls as the page does (only the results not yet held), until the batch is over. */
async function settled(api: Api, batchId: number): Promise<BatchStatus> {
  let held: BatchStatus['files'] = [];
  for (;;) {
    const s = await api.importStatus({ batchId, since: held.length });
    held = [...held, ...s.files];
    if (s.state !== 'running') return { ...s, files: held };
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * The workbook's parts, byte for byte, but for the two that carry the clock: the zip's entry
 * times and docProps/core.xml (created/modified), which differ between any two exports.
 */
async function parts(base64: string): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(Buffer.from(base64, 'base64'));
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort()) {
    if (name === 'docProps/core.xml' || zip.files[name].dir) continue;
    out[name] = await zip.files[name].async('base64');
  }
  return out;
}

/** Without the clock: the times a call stamps differ from one run to the next. */
function timeless(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(timeless);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([k]) => !['updatedAt', 'savedAt', 'at'].includes(k)).map(([k, x]) => [k, timeless(x)]));
  return v;
}

/** A text column of the report's grid (any sentence is a valid value there). */
function textKey(report: ReportInfo): string | undefined {
  return columnsOf(getTemplate(report.template), report.layout as never).find((c) => c.kind === 'text')?.key;
}

/** The representative round: what each call gives, without the clock's and the backup's names. */
async function round(api: Api) {
  const out: Record<string, unknown> = {};
  out.loadDemo = await api.loadDemo({});
  const overview = await api.overview({});
  out.overview = overview;
  const report = overview.reports.find((r) => textKey(r))!;
  const grid = await api.openGrid({ reportId: report.id });
  const unitId = grid.grid.rows[0].unitId!;
  const key = textKey(report)!;
  const { backup } = await api.backupNow({});
  const set = await api.setCells({ reportId: report.id, writes: [{ unitId, key, value: 'Sửa qua luồng phụ' }] });
  out.setCells = set.changed;
  out.afterSet = (await api.openGrid({ reportId: report.id })).grid;
  out.userError = await api.openGrid({ reportId: 987_654 }).then(
    () => 'no error',
    (e: unknown) => ({ isUserError: isUserError(e), message: (e as Error).message }),
  );
  out.envelope = await dispatch(api, 'openGrid', { reportId: 987_654 });
  const forms = readdirSync(join(BATCH, 'ha-quang-forms')).filter((f) => f.endsWith('.xlsx'));
  const files = forms.map((name) => ({ name, data: readFileSync(join(BATCH, 'ha-quang-forms', name)).toString('base64') }));
  const { batchId } = await api.startImport({ files, dryRun: true });
  out.import = (await settled(api, batchId)).files;
  out.workbook = await parts((await api.exportWorkbook({})).data);
  const restored = await api.restoreBackup({ name: backup.name });
  out.restored = restored.restored === backup.name;
  out.afterRestore = (await api.openGrid({ reportId: report.id })).grid;
  out.save = await api.saveFile({ name: 'a.xlsx', data: 'AAAA' });
  return out;
}

describe('the same api, in this thread and through the worker', () => {
  it('gives the same results: demo, grid, edit, a UserError, a batch, the export bytes, a restore', async () => {
    const results = [];
    for (const inWorker of [false, true]) {
      const app = await open(join(tmp(), 'x.db'), inWorker);
      try {
        results.push(await round(app.api));
      } finally {
        await app.close();
      }
    }
    const [here, there] = results;
    // The round itself is what it should be, so that "equal" means something.
    expect(here.userError).toEqual({ isUserError: true, message: 'Không tìm thấy biểu này trong cơ sở dữ liệu.' });
    expect(here.envelope).toEqual({ ok: false, error: 'Không tìm thấy biểu này trong cơ sở dữ liệu.' });
    expect(here.setCells).toBe(1);
    expect(here.afterSet).not.toEqual(here.afterRestore);
    expect(here.restored).toBe(true);
    expect((here.import as unknown[]).length).toBe(21);
    expect(Object.keys(here.workbook as object).length).toBeGreaterThan(5);
    expect(here.save).toEqual({ saved: true, path: '/nơi-lưu/a.xlsx' });
    expect(saved).toHaveLength(2); // both faces' saveFile ran in this thread
    for (const k of Object.keys(here)) expect(timeless(there[k]), k).toEqual(timeless(here[k]));
  }, 240_000);
});

describe('a 200-file import', () => {
  let prepared: string;
  let files: { name: string; data: string }[];
  beforeAll(async () => {
    prepared = join(tmp(), 'prepared.db');
    const store = Store.open(prepared);
    store.adoptFormSecret(FIXTURE_FORM_SECRET); // the database the forms of two-hundred/ were signed by
    try {
      expect((await importBuffer(store, 'district-200.xlsx', readFileSync(join(BATCH, 'district-200.xlsx')))).status).toBe('ok');
      await dailyBackup(store); // today's: the one at start must not run during the measure
    } finally {
      store.close();
    }
    const two = join(BATCH, 'two-hundred');
    files = readdirSync(two).map((name) => ({ name, data: readFileSync(join(two, name)).toString('base64') }));
    expect(files).toHaveLength(200);
  }, 120_000);

  /** The import through `app`, with this thread's event loop delay measured throughout. */
  async function measured(inWorker: boolean) {
    const db = join(tmp(), 'x.db');
    copyFileSync(prepared, db);
    const app = await open(db, inWorker);
    try {
      await app.api.overview({}); // started and warm
      const h = monitorEventLoopDelay({ resolution: 5 });
      h.enable();
      const { batchId } = await app.api.startImport({ files, dryRun: false });
      const status = await settled(app.api, batchId);
      h.disable();
      return { status, maxMs: h.max / 1e6, p99Ms: h.percentile(99) / 1e6 };
    } finally {
      await app.close();
    }
  }

  it('through the worker leaves this thread responsive (p99 of its event-loop delay under 50 ms)', async () => {
    const here = await measured(false);
    const there = await measured(true);
    console.log(`trễ vòng sự kiện lớn nhất (p99): trong luồng ${here.maxMs.toFixed(0)} ms (${here.p99Ms.toFixed(0)}), qua luồng phụ ${there.maxMs.toFixed(0)} ms (${there.p99Ms.toFixed(0)})`);
    expect(there.status.files.map((f) => f.status)).toEqual(here.status.files.map((f) => f.status));
    // All but the few the fixtures make wrong on purpose (tests/fixtures/batch/README.md).
    expect(here.status.files.filter((f) => f.status === 'ok').length).toBeGreaterThan(190);
    // The 99th percentile, not the maximum: on a shared machine the system alone holds an idle
    // thread for up to ~80 ms now and then (measured here: idle max 79 ms, p99 30 ms).
    expect(there.p99Ms).toBeLessThan(50);
    // The same import in this thread holds it longer, but by how much depends on the machine:
    // under load 116–126 ms against 38–46 ms (p99); on a quiet one 14 ms against 9 ms, too close
    // to assert without a flaky test. The figures are printed above and in `npm run bench`.
  }, 300_000);
});

describe('close and crash', () => {
  it('close() while a setCells is in flight stores it; a call after close is refused in Vietnamese', async () => {
    const db = join(tmp(), 'x.db');
    const app = await open(db, true);
    await app.api.loadDemo({});
    const report = (await app.api.overview({})).reports.find((r) => textKey(r))!;
    const row = (await app.api.openGrid({ reportId: report.id })).grid.rows[1];
    const key = textKey(report)!;
    const edit = app.api.setCells({ reportId: report.id, writes: [{ unitId: row.unitId!, key, value: 'Gõ lúc đóng' }] });
    const closed = app.close();
    await expect(app.api.overview({})).rejects.toThrow(CLOSED_MESSAGE);
    expect((await edit).changed).toBe(1);
    await closed;
    const store = Store.open(db);
    try {
      expect(store.getValues(report.id).get(row.unitId!)?.[key]).toBe('Gõ lúc đóng');
    } finally {
      store.close();
    }
  }, 120_000);

  it('a worker that dies says so in Vietnamese; the next call starts a new one over a sound database', async () => {
    const db = join(tmp(), 'x.db');
    const app = (await open(db, true)) as WorkerApp;
    try {
      const demo = app.api.loadDemo({});
      await app.worker()!.terminate();
      const e = await demo.then(
        () => undefined,
        (x: unknown) => x,
      );
      // Killed before or after its last commit: either way the officer is told, or it is done.
      if (e) {
        expect(e).toBeInstanceOf(UserError);
        expect((e as Error).message).toBe(WORKER_CRASHED);
      }
      const overview = await app.api.overview({});
      expect(overview.recovery).toBeUndefined();
      const store = Store.open(db);
      try {
        expect(store.integrityCheck()).toBe('ok');
        expect(store.listUnits().length).toBe(overview.units.length);
      } finally {
        store.close();
      }
    } finally {
      await app.close();
    }
  }, 120_000);
});

describe('the bundled backend worker, as Electron starts it', () => {
  it('opens the app from its bundle (no tsx) and checks a batch there', async () => {
    // Under the repository, so that the bundle finds better-sqlite3 (external) in node_modules.
    const cache = join(ROOT, 'node_modules', '.cache');
    mkdirSync(cache, { recursive: true });
    const out = mkdtempSync(join(cache, 'pcgd-appworker-'));
    dirs.push(out);
    const common = { ...NODE_BUNDLE, logLevel: 'silent' as const };
    await build({ ...common, entryPoints: [join(ROOT, 'electron/core/app-worker.ts')], outfile: join(out, 'app-worker.cjs') });
    await build({ ...common, entryPoints: [join(ROOT, 'electron/core/batch/parse-worker.ts')], outfile: join(out, 'parse-worker.cjs') });
    const app = await openApp({ dbPath: join(tmp(), 'x.db'), seedsDir: join(ROOT, 'seeds'), saveFile: async () => ({ saved: false }), inWorker: true, appWorker: join(out, 'app-worker.cjs') });
    try {
      await app.api.loadDemo({});
      const forms = readdirSync(join(BATCH, 'ha-quang-forms')).filter((f) => f.endsWith('.xlsx'));
      const files = forms.map((name) => ({ name, data: readFileSync(join(BATCH, 'ha-quang-forms', name)).toString('base64') }));
      const { batchId } = await app.api.startImport({ files, dryRun: true });
      const status = await settled(app.api, batchId);
      expect(status.files).toHaveLength(21);
      expect(status.files.filter((f) => f.status !== 'rejected').length).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  }, 120_000);
});

describe('dispatch of a fault the worker already logged', () => {
  const logged: string[] = [];
  const log: FaultLog = {
    path: '/nhật-ký',
    write(e) {
      logged.push(String(e));
      return 'dòng cho người dùng';
    },
  };
  const throwing = (e: Error) => ({ overview: async () => Promise.reject(e) }) as unknown as Api;

  it('shows its line as is and does not write it again', async () => {
    expect(await dispatch(throwing(new LoggedFault('Đã xảy ra lỗi không mong đợi. Chi tiết đã được ghi vào tệp nhật ký: /x')), 'overview', {}, log)).toEqual({
      ok: false,
      error: 'Đã xảy ra lỗi không mong đợi. Chi tiết đã được ghi vào tệp nhật ký: /x',
    });
    expect(logged).toEqual([]);
  });

  it('any other error is written, and its line shown (must fire)', async () => {
    expect(await dispatch(throwing(new Error('hỏng')), 'overview', {}, log)).toEqual({ ok: false, error: 'dòng cho người dùng' });
    expect(logged).toHaveLength(1);
  });
});
