// A batch of files made by other tools than the app (tests/fixtures/batch, built by
// scripts/build-batch-fixtures.ts): every file gets the status tests/fixtures/batch/expected.json
// gives it, a dry run stores nothing, a real run stores exactly the ok files and nothing else,
// --force stores the conflicts, and the Hà Quảng forms preview as 21 matched communes with exactly
// their changes. Run in-process through runBatch with a ParsePool, and through the CLI.
//
// The last block pins bugs found while building the fixtures, fixed since: each test states what
// should happen, and what the app did before ("Was:").
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandInputs } from '../../electron/faces/cli/inputs';
import { ParsePool } from '../../electron/core/batch/pool';
import { runBatch } from '../../electron/core/batch/run';
import { readFileBytes } from '../../electron/core/excel/read';
import { exportBuffer, pickDistrict } from '../../electron/core/export';
import { formForCommune } from '../../electron/core/forms-out';
import { importBuffer, type ImportOptions } from '../../electron/core/import';
import { Store } from '../../electron/core/store/store';
import type { ImportFileResult } from '../../shared/api';
import { groupsOf } from '../../shared/grid';
import { getTemplate, type TemplateId } from '../../shared/templates';
import { FIXTURE_FORM_SECRET } from '../support/fixture-secret';

/** A change as the fixtures list it: by the file's cell (the officer's words are tested in import-words.test.ts). */
const addressed = (changes: { sheet: string; cell: string | null; old: string; new: string }[]) => changes.map((c) => ({ sheet: c.sheet, cell: c.cell, old: c.old, new: c.new }));

const ROOT = join(__dirname, '..', '..');
const FIX = join(ROOT, 'tests', 'fixtures', 'batch');
const TWO = join(FIX, 'two-hundred');
const HQ = join(FIX, 'ha-quang-forms');
const SEED = join(ROOT, 'seeds', 'ha-quang.xlsx');
const ROW = 13; // the commune row of a form

type Status = ImportFileResult['status'];
type Change = ImportFileResult['changes'][number];
interface ExpectedChange extends Change {
  template: TemplateId;
  key: string;
}
interface BatchExpected {
  district: string;
  dbEdits: { commune: string; template: TemplateId; key: string; issued: string; value: string }[];
  counts: Record<Status, number>;
  statuses: Record<string, Status>;
  units: Record<string, string | null>;
  files: Record<string, { kind: string; legacy: boolean; origin: boolean; changes: ExpectedChange[] }>;
  silent: string[];
}
interface HqExpected {
  files: Record<string, { commune: string; libreoffice: boolean; changes: Change[] }>;
}

const expected = JSON.parse(readFileSync(join(FIX, 'expected.json'), 'utf8')) as BatchExpected;
const hqExpected = JSON.parse(readFileSync(join(HQ, 'expected.json'), 'utf8')) as HqExpected;
const FILES = Object.keys(expected.statuses); // in import order
const plain = (cs: Change[]) => cs.map(({ sheet, cell, old, new: now }) => ({ sheet, cell, old, new: now }));

// ---------------------------------------------------------------------------------------------
// Databases and what they hold.

/** commune or district name → template → key → value (a blank cell has no entry). */
type Cells = Record<string, Record<string, Record<string, string>>>;

function withDb<T>(file: string, fn: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

function cellsOf(file: string): Cells {
  return withDb(file, (db) => {
    const out: Cells = {};
    const rows = db
      .prepare('SELECT u.name AS unit, r.template, c.key, c.value FROM cell_values c JOIN units u ON u.id = c.unit_id JOIN reports r ON r.id = c.report_id')
      .all() as { unit: string; template: string; key: string; value: string }[];
    for (const r of rows) ((out[r.unit] ??= {})[r.template] ??= {})[r.key] = r.value;
    return out;
  });
}

/** Everything a dry run must leave alone, byte for byte (timestamps included). */
function rawDump(file: string): string {
  return withDb(file, (db) =>
    JSON.stringify({
      cells: db.prepare('SELECT * FROM cell_values ORDER BY report_id, unit_id, key').all(),
      reports: db.prepare('SELECT * FROM reports ORDER BY id').all(),
      units: db.prepare('SELECT * FROM units ORDER BY id').all(),
      audit: db.prepare('SELECT count(*) AS n FROM audit').get(),
      submissions: db.prepare('SELECT * FROM submissions ORDER BY id').all(),
    }),
  );
}

function submissionsOf(file: string): string[] {
  return withDb(file, (db) =>
    (db.prepare('SELECT u.name AS unit, s.file FROM submissions s JOIN units u ON u.id = s.unit_id').all() as { unit: string; file: string }[])
      .map((r) => `${r.unit} ← ${r.file}`)
      .sort(),
  );
}

/** The cells the database must hold once `stored` files are stored over `before`. */
function cellsAfter(before: Cells, stored: string[]): Cells {
  const out = structuredClone(before);
  for (const f of stored) {
    const unit = expected.units[f]!;
    for (const c of expected.files[f].changes) {
      const row = ((out[unit] ??= {})[c.template] ??= {});
      if (c.new === '') delete row[c.key];
      else row[c.key] = c.new;
    }
  }
  for (const u of Object.keys(out)) for (const t of Object.keys(out[u])) if (!Object.keys(out[u][t]).length) delete out[u][t];
  return out;
}

const tmpDirs: string[] = [];
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'pcgd-batch-'));
  tmpDirs.push(d);
  return d;
}

let prepared: string; // district-200 imported, the documented edits made: copied for each test
let pool: ParsePool;

beforeAll(async () => {
  prepared = join(tmp(), 'prepared.db');
  const store = Store.open(prepared);
  // The database the forms of two-hundred/ were issued (and signed) by.
  store.adoptFormSecret(FIXTURE_FORM_SECRET);
  try {
    const r = await importBuffer(store, 'district-200.xlsx', readFileSync(join(FIX, 'district-200.xlsx')));
    expect(r.status).toBe('ok');
    const district = pickDistrict(store);
    expect(district.name).toBe(expected.district);
    const byName = new Map(store.children(district.id).map((c) => [c.name, c]));
    expect(byName.size).toBe(200);
    for (const e of expected.dbEdits) {
      const report = store.listReports(district.id).find((x) => x.template === e.template)!;
      const unitId = byName.get(e.commune)!.id;
      expect(store.getValues(report.id).get(unitId)?.[e.key]).toBe(e.issued);
      store.setValues(report.id, [{ unitId, key: e.key, value: e.value }], { kind: 'typed' });
    }
  } finally {
    store.close();
  }
  pool = new ParsePool();
});

afterAll(async () => {
  await pool.close();
  for (const d of tmpDirs) rmSync(d, { recursive: true, force: true });
});

/** An Lương's report of one template in the prepared database, and its values as they stand. */
function anLuong(store: Store, template: TemplateId) {
  const district = pickDistrict(store);
  const report = store.listReports(district.id).find((r) => r.template === template)!;
  const commune = store.children(district.id).find((c) => c.name === 'An Lương')!;
  return { report, commune, was: store.getValues(report.id).get(commune.id)! };
}

function copyOfPrepared(): string {
  const file = join(tmp(), 'pcgd.db');
  copyFileSync(prepared, file);
  return file;
}

async function batch(dbFile: string, dir: string, opts: ImportOptions): Promise<ImportFileResult[]> {
  const store = Store.open(dbFile);
  try {
    const paths = await expandInputs([dir]);
    const r = await runBatch(store, paths.map((p) => ({ name: p, load: () => readFileBytes(p) })), { pool, ...opts });
    expect(r.cancelled).toBe(false);
    return r.files;
  } finally {
    store.close();
  }
}

const run = promisify(execFile);
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'electron', 'faces', 'cli', 'main.ts'), ...args], {
      cwd: ROOT,
      maxBuffer: 256 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

// ---------------------------------------------------------------------------------------------
// Checks shared by the in-process and the CLI runs.

/** Status, unit, changes and legacy note of every file; `statuses` overrides expected.json (for --force). */
function expectResults(results: ImportFileResult[], opts: { dryRun: boolean; statuses?: Record<string, Status> }): void {
  const statuses = opts.statuses ?? expected.statuses;
  expect(results.map((r) => basename(r.file))).toEqual(FILES);
  const got = Object.fromEntries(results.map((r) => [basename(r.file), r.status]));
  expect(got).toEqual(statuses);
  for (const r of results) {
    const f = basename(r.file);
    const x = expected.files[f];
    expect(r.unit, f).toBe(expected.units[f]);
    if (r.status === 'rejected') expect(r.reason, f).toMatch(/[ăâđêôơư]/);
    // A duplicate's changes are against the database as the first file of its commune left it.
    if (x.kind !== 'duplicate-second' || opts.dryRun) expect(plain(r.changes), f).toEqual(plain(x.changes));
    const legacy = r.findings.filter((n) => n.rule === 'text.legacy-encoding');
    if (x.legacy) {
      expect(legacy.length, f).toBeGreaterThan(0);
      for (const n of legacy) expect(n).toMatchObject({ severity: 'info', message: expect.stringContaining('TCVN3') });
    } else expect(legacy, f).toEqual([]);
  }
}

/** The database holds exactly `before` with the changes of the stored files, and their submissions. */
async function expectStored(dbFile: string, before: Cells, stored: string[]): Promise<void> {
  const after = cellsOf(dbFile);
  expect(after).toEqual(cellsAfter(before, stored));
  // Each stored commune holds the file's own values, as the app reads the file.
  for (const f of stored) {
    const p = await pool.parse(f, readFileSync(join(TWO, f)));
    if (!p.ok) throw new Error(`${f}: ${p.reason}`);
    for (const s of p.wb.sheets) expect(after[expected.units[f]!][s.template.id] ?? {}, `${f} ${s.sheet}`).toEqual(s.grid.rows[0].values);
  }
  // Untouched: communes whose files were refused, skipped or are not there, and the district's own cells.
  const storedUnits = new Set(stored.map((f) => expected.units[f]));
  for (const [unit, cells] of Object.entries(before)) if (!storedUnits.has(unit)) expect(after[unit], unit).toEqual(cells);
  expect(submissionsOf(dbFile)).toEqual(stored.map((f) => `${expected.units[f]} ← ${f}`).sort());
  const auditFiles = withDb(dbFile, (db) => db.prepare("SELECT DISTINCT file FROM audit WHERE source = 'file' AND file <> 'district-200.xlsx'").pluck().all() as string[]);
  expect(new Set(auditFiles)).toEqual(new Set(stored.filter((f) => expected.files[f].changes.length)));
}

const okFiles = (statuses: Record<string, Status> = expected.statuses) => FILES.filter((f) => statuses[f] === 'ok');

// ---------------------------------------------------------------------------------------------

describe('the fixtures (scripts/build-batch-fixtures.ts)', () => {
  it('hold 200 files with every case of the issue, under 6 MB', async () => {
    const names = (await expandInputs([TWO])).map((p) => basename(p));
    expect(names).toEqual(FILES);
    expect(expected.counts).toEqual({ ok: 195, conflict: 2, duplicate: 1, 'unknown-unit': 1, rejected: 1 });
    const kinds = Object.values(expected.files).map((x) => x.kind);
    const count = (k: string) => kinds.filter((x) => x === k).length;
    expect(count('nfd-name') + count('nfd-all') + count('nfd-no-origin')).toBeGreaterThanOrEqual(3);
    expect(count('tcvn3') + count('tcvn3-no-origin')).toBeGreaterThanOrEqual(3);
    expect(count('tcvn3-no-origin')).toBeGreaterThanOrEqual(1);
    expect(count('file-name')).toBeGreaterThanOrEqual(2);
    expect(count('conflict')).toBeGreaterThanOrEqual(2);
    expect(FILES.filter((f) => f.endsWith('.xls'))).toHaveLength(1);
    expect(FILES.some((f) => f !== f.normalize('NFC'))).toBe(true); // an NFD file name
    const size = names.reduce((n, f) => n + readFileSync(join(TWO, f)).length, 0);
    expect(size).toBeLessThan(6 * 1024 * 1024);
    // Every readable .xlsx was re-saved by LibreOffice, not written by the app (the .xls is LibreOffice's by its format).
    for (const f of FILES.filter((x) => expected.statuses[x] !== 'rejected' && x.endsWith('.xlsx'))) {
      const app = await (await JSZip.loadAsync(readFileSync(join(TWO, f)))).file('docProps/app.xml')!.async('string');
      expect(app, f).toMatch(/<Application>LibreOffice/);
    }
  });
});

describe('200 files from another tool, through runBatch and a ParsePool', () => {
  it('a dry run gives every file its status, unit, changes and legacy note, and stores nothing', async () => {
    const db = copyOfPrepared();
    const before = rawDump(db);
    const results = await batch(db, TWO, { dryRun: true });
    expectResults(results, { dryRun: true });
    expect(rawDump(db)).toBe(before);
  });

  it('a real run stores exactly the ok files, whole, and touches nothing else', async () => {
    const db = copyOfPrepared();
    const before = cellsOf(db);
    const results = await batch(db, TWO, {});
    expectResults(results, { dryRun: false });
    await expectStored(db, before, okFiles());
    // The commune of two files holds the first one's values; the conflicts keep the app's edits.
    const dup = FILES.filter((f) => expected.files[f].kind.startsWith('duplicate'));
    expect(dup.map((f) => expected.statuses[f])).toEqual(['ok', 'duplicate']);
    const after = cellsOf(db);
    for (const e of expected.dbEdits) {
      const conflict = FILES.some((f) => expected.statuses[f] === 'conflict' && expected.units[f] === e.commune);
      if (conflict) expect(after[e.commune][e.template][e.key]).toBe(e.value);
    }
    // Communes that sent nothing readable keep their values and have no submission.
    for (const c of expected.silent) expect(after[c]).toEqual(before[c]);
    withDb(db, (d) => expect(d.pragma('integrity_check', { simple: true })).toBe('ok'));
  });

  it('--force stores the conflicts too, over the edits made in the app', async () => {
    const db = copyOfPrepared();
    const before = cellsOf(db);
    const forced = Object.fromEntries(FILES.map((f) => [f, expected.statuses[f] === 'conflict' ? 'ok' : expected.statuses[f]])) as Record<string, Status>;
    const results = await batch(db, TWO, { force: true });
    expectResults(results, { dryRun: false, statuses: forced });
    await expectStored(db, before, okFiles(forced));
    const after = cellsOf(db);
    for (const f of FILES.filter((x) => expected.statuses[x] === 'conflict')) {
      const edit = expected.dbEdits.find((e) => e.commune === expected.units[f])!;
      const mine = expected.files[f].changes.find((c) => c.key === edit.key)!;
      expect(mine.old).toBe(edit.value);
      expect(after[edit.commune][edit.template][edit.key]).toBe(mine.new);
    }
  });
});

describe('200 files through the CLI', () => {
  it('import DIR --dry-run --json: the statuses of expected.json, the database unchanged; then without --dry-run: stored', async () => {
    const db = copyOfPrepared();
    const dump = rawDump(db);
    const before = cellsOf(db);

    const dry = await cli('import', TWO, '--db', db, '--dry-run', '--json');
    const dryJson = JSON.parse(dry.stdout) as { files: ImportFileResult[] };
    expectResults(dryJson.files, { dryRun: true });
    expect(dry.code).toBe(dryJson.files.some((f) => f.findings.some((x) => x.severity === 'error')) ? 1 : 0);
    expect(rawDump(db)).toBe(dump);

    const real = await cli('import', TWO, '--db', db, '--json');
    const realJson = JSON.parse(real.stdout) as { files: ImportFileResult[] };
    expect(real.code).toBe(dry.code);
    expectResults(realJson.files, { dryRun: false });
    await expectStored(db, before, okFiles());
    withDb(db, (d) => expect(d.pragma('integrity_check', { simple: true })).toBe('ok'));

    // The completeness list names the file of each commune that sent one.
    const comp = JSON.parse((await cli('completeness', '--db', db, '--json')).stdout) as { communes: { unit: string; file: string | null }[] };
    const sent = new Map(okFiles().map((f) => [expected.units[f], f]));
    expect(comp.communes).toHaveLength(200);
    for (const c of comp.communes) expect(c.file, c.unit).toBe(sent.get(c.unit) ?? null);
  });
});

describe('the Hà Quảng forms (ha-quang-forms/)', () => {
  it('preview as 21 matched communes with exactly their changes, none for the unchanged ones (LibreOffice or not)', async () => {
    const db = join(tmp(), 'hq.db');
    const store = Store.open(db);
    store.adoptFormSecret(FIXTURE_FORM_SECRET);
    let communes: string[];
    try {
      expect((await importBuffer(store, 'ha-quang.xlsx', readFileSync(SEED))).status).toBe('ok');
      communes = store.children(pickDistrict(store).id).map((c) => c.name);
    } finally {
      store.close();
    }
    const dump = rawDump(db);
    const results = await batch(db, HQ, { dryRun: true });
    expect(rawDump(db)).toBe(dump);
    expect(results).toHaveLength(21);
    expect(results.every((r) => r.status === 'ok')).toBe(true);
    expect(results.map((r) => r.unit).sort()).toEqual([...communes].sort());
    for (const r of results) {
      const x = hqExpected.files[basename(r.file)];
      expect(r.unit).toBe(x.commune);
      expect(addressed(r.changes), basename(r.file)).toEqual(x.changes);
    }
    const lo = Object.values(hqExpected.files).filter((x) => x.libreoffice);
    expect(lo.length).toBeGreaterThanOrEqual(5);
    expect(lo.filter((x) => x.changes.length === 0).length).toBeGreaterThanOrEqual(4);
    expect(lo.some((x) => x.changes.length > 0)).toBe(true);
    expect(Object.values(hqExpected.files).filter((x) => x.changes.length)).toHaveLength(3);

    // Stored, the changes are all there: a second preview finds nothing left to change.
    expect((await batch(db, HQ, {})).map((r) => r.status)).toEqual(results.map(() => 'ok'));
    expect((await batch(db, HQ, { dryRun: true })).flatMap((r) => r.changes)).toEqual([]);
    expect(cellsOf(db)['Cải Viên'].xmc).toMatchObject({ '2026-2030|MĐ1': 'x' });
    expect(cellsOf(db)['Cải Viên'].xmc['2026-2030|MĐ2']).toBeUndefined();
  });

  it('issued from another database (other unit ids), still match their own communes by name', async () => {
    // The app's demo puts the province first, so every id here is one more than in the database
    // the forms were issued from: an origin id names the neighbouring commune in this one.
    const db = join(tmp(), 'hq-shifted.db');
    const store = Store.open(db);
    try {
      const meta = JSON.parse(readFileSync(join(SEED, '..', 'ha-quang.json'), 'utf8')) as { district: string; province: string; communes: string[] };
      const province = store.addUnit({ parentId: null, name: meta.province, kind: 'tinh' });
      const d = store.addUnit({ parentId: province.id, name: meta.district, kind: 'huyen' });
      store.addUnits(d.id, meta.communes, 'xa');
      expect((await importBuffer(store, 'ha-quang.xlsx', readFileSync(SEED))).status).toBe('ok');
    } finally {
      store.close();
    }
    const results = await batch(db, HQ, { dryRun: true });
    expect(results.map((r) => [basename(r.file), r.unit, r.status])).toEqual(
      results.map((r) => [basename(r.file), hqExpected.files[basename(r.file)].commune, 'ok']),
    );
    for (const r of results) expect(addressed(r.changes), basename(r.file)).toEqual(hqExpected.files[basename(r.file)].changes);
  });
});

// ---------------------------------------------------------------------------------------------
// Bugs found while building the fixtures, fixed in electron/ and shared/. Each test says what
// should happen; a "Was:" comment says what the app did before the fix.

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}
const bytesOf = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

describe('bugs found with the fixtures (fixed in electron/ and shared/)', () => {
  it('the app’s own official workbook, imported into an empty database, names its district (shared/sheet/district.ts guessUnit)', async () => {
    const store = Store.open(copyOfPrepared());
    const empty = Store.open(join(tmp(), 'empty.db'));
    try {
      const r = await importBuffer(empty, 'Thu_Nghiem.xlsx', await exportBuffer(store));
      expect(r.status).toBe('ok');
      // Was: "Thử Nghiệm Cộng Hòa Xã Hội Chủ Nghĩa Việt Nam Cộng Hòa Xã Hội …" (the whole merged first row).
      expect(pickDistrict(empty).name).toBe('Thử Nghiệm');
    } finally {
      store.close();
      empty.close();
    }
  });

  it('a Windows copy in Vietnamese, "Xa_Hoa_Binh - Bản sao.xlsx", still matches by file name (import.ts namesFromFile)', async () => {
    const store = Store.open(copyOfPrepared());
    try {
      const buf = readFileSync(join(TWO, 'Xa_Hoa_Binh (1).xlsx'));
      // The English Windows name works: "Xa_Hoa_Binh - Copy.xlsx" → Hòa Bình.
      expect(await importBuffer(store, 'Xa_Hoa_Binh - Copy.xlsx', buf, { dryRun: true })).toMatchObject({ status: 'ok', unit: 'Hòa Bình' });
      expect(await importBuffer(store, 'Xa_Hoa_Binh - Bản sao.xlsx', buf, { dryRun: true })).toMatchObject({ status: 'ok', unit: 'Hòa Bình' });
    } finally {
      store.close();
    }
  });

  it('a form without origin whose name cell was cleared, matched by its file name, stores its values; never "ok" with nothing stored (recognise.ts, import.ts)', async () => {
    const db = copyOfPrepared();
    const store = Store.open(db);
    const f = 'Xa_Hoa_Binh (1).xlsx';
    try {
      const wb = await load(readFileSync(join(TWO, f)));
      for (const ws of wb.worksheets) ws.getCell(ROW, 2).value = null;
      const r = await importBuffer(store, f, await bytesOf(wb));
      // Was: status "ok", unit "Hòa Bình", changes [] and a submission row, with none of the file's marks stored.
      expect(r.status === 'ok' ? plain(r.changes) : 'refused').toEqual(plain(expected.files[f].changes));
    } finally {
      store.close();
    }
  });

  it('the same form under a file name that names no commune is unknown-unit and stores nothing', async () => {
    const db = copyOfPrepared();
    const before = rawDump(db);
    const store = Store.open(db);
    try {
      const wb = await load(readFileSync(join(TWO, 'Xa_Hoa_Binh (1).xlsx')));
      for (const ws of wb.worksheets) ws.getCell(ROW, 2).value = null;
      expect(await importBuffer(store, 'bieu.xlsx', await bytesOf(wb))).toMatchObject({ status: 'unknown-unit', unit: null, changes: [] });
    } finally {
      store.close();
    }
    expect(rawDump(db)).toBe(before);
  });

  it('an unchanged returned form does not undo a change made in the app after the form was issued (import.ts mergeIssued)', async () => {
    const db = copyOfPrepared();
    const store = Store.open(db);
    try {
      const { report, commune, was } = anLuong(store, 'xmc');
      const g = groupsOf(getTemplate('xmc'), report.layout).find((x) => x.id === '2026-2030')!;
      const [from, to] = was[g.marks[0]] === 'x' ? [g.marks[0], g.marks[1]] : [g.marks[1], g.marks[0]];
      store.setValues(report.id, [{ unitId: commune.id, key: from, value: '' }, { unitId: commune.id, key: to, value: 'x' }], { kind: 'typed' });
      const r = await importBuffer(store, 'An_Luong.xlsx', readFileSync(join(TWO, 'An_Luong.xlsx')));
      expect(expected.files['An_Luong.xlsx'].changes).toEqual([]); // the commune changed nothing
      // Was: status "ok" and the officer's move is silently undone (G13/H13 back to the issued mark).
      expect(r.status).toMatch(/^(ok|conflict)$/);
      expect(store.getValues(report.id).get(commune.id)![to]).toBe('x');
    } finally {
      store.close();
    }
  });

  it('a mark moved in the app and in the file, to different levels, is a conflict (import.ts mergeIssued compares per group)', async () => {
    const db = copyOfPrepared();
    const store = Store.open(db);
    try {
      const { report, commune, was } = anLuong(store, 'pcgd-thcs');
      const g = groupsOf(getTemplate('pcgd-thcs'), report.layout).find((x) => x.id === '2026-2030')!;
      const issued = g.marks.find((k) => was[k] === 'x')!;
      const [inApp, inFile] = g.marks.filter((k) => k !== issued);
      store.setValues(report.id, [{ unitId: commune.id, key: issued, value: '' }, { unitId: commune.id, key: inApp, value: 'x' }], { kind: 'typed' });
      const wb = await load(readFileSync(join(TWO, 'An_Luong.xlsx')));
      const ws = wb.getWorksheet('Phụ lục 4')!;
      // The mark columns from C on, in header order: 2020, 2021-2025, 2026-2030 (the test first
      // left 2021-2025 out, and so moved the file's mark in 2021-2025, not in 2026-2030).
      const keys = groupsOf(getTemplate('pcgd-thcs'), report.layout).flatMap((x) => x.marks);
      expect(keys.slice(-3)).toEqual(g.marks);
      ws.getCell(ROW, 3 + keys.indexOf(issued)).value = null;
      ws.getCell(ROW, 3 + keys.indexOf(inFile)).value = 'x';
      const r = await importBuffer(store, 'An_Luong.xlsx', await bytesOf(wb), { dryRun: true });
      // Was: "ok"; stored, the row would end with the file's level and the app's level cleared.
      expect(r.status).toBe('conflict');
      // Forced, the file's level wins, whole: one mark in the group, not the file's and the app's.
      expect(await importBuffer(store, 'An_Luong.xlsx', await bytesOf(wb), { force: true })).toMatchObject({ status: 'ok' });
      const now = store.getValues(report.id).get(commune.id)!;
      expect(g.marks.filter((k) => now[k] === 'x')).toEqual([inFile]);
    } finally {
      store.close();
    }
  });

  it('a mark moved in the app and another group changed in the file: both kept, no conflict', async () => {
    const db = copyOfPrepared();
    const store = Store.open(db);
    try {
      const { report, commune, was } = anLuong(store, 'pcgd-thcs');
      const groups = groupsOf(getTemplate('pcgd-thcs'), report.layout);
      const [early, late] = ['2021-2025', '2026-2030'].map((id) => groups.find((x) => x.id === id)!);
      const inApp = late.marks.find((k) => was[k] !== 'x')!;
      store.setValues(report.id, late.marks.map((k) => ({ unitId: commune.id, key: k, value: k === inApp ? 'x' : '' })), { kind: 'typed' });
      const issued = early.marks.find((k) => was[k] === 'x')!;
      const inFile = early.marks.find((k) => k !== issued)!;
      const wb = await load(readFileSync(join(TWO, 'An_Luong.xlsx')));
      const ws = wb.getWorksheet('Phụ lục 4')!;
      const keys = groups.flatMap((x) => x.marks);
      ws.getCell(ROW, 3 + keys.indexOf(issued)).value = null;
      ws.getCell(ROW, 3 + keys.indexOf(inFile)).value = 'x';
      const r = await importBuffer(store, 'An_Luong.xlsx', await bytesOf(wb));
      expect(r.status).toBe('ok');
      expect(r.changes.map((c) => [c.old, c.new])).toEqual(
        early.marks.filter((k) => k === issued || k === inFile).map((k) => (k === issued ? ['x', ''] : ['', 'x'])),
      );
      const now = store.getValues(report.id).get(commune.id)!;
      expect(early.marks.filter((k) => now[k] === 'x')).toEqual([inFile]);
      expect(late.marks.filter((k) => now[k] === 'x')).toEqual([inApp]);
    } finally {
      store.close();
    }
  });

  it('a commune named "Phương Trung" matches a form that writes "Xã Phương Trung" (shared/text/normalize.ts unitKey)', async () => {
    const store = Store.open(join(tmp(), 'phuong.db'));
    try {
      const district = store.addUnit({ parentId: null, name: 'Thử Nghiệm', kind: 'huyen' });
      const [commune] = store.addUnits(district.id, ['Phương Trung', 'Cao Dương'], 'xa');
      const report = store.ensureReport('xmc', district.id, getTemplate('xmc').defaultLayout);
      store.setValues(report.id, [{ unitId: commune.id, key: '2020|MĐ1', value: 'x' }], { kind: 'typed' });
      const wb = await load(await formForCommune(store, commune.id, new Date('2025-09-15T08:00:00Z')));
      wb.removeWorksheet(wb.getWorksheet('PCGD_NGUON')!.id);
      wb.getWorksheet('Phụ lục 1')!.getCell(ROW, 2).value = 'Xã Phương Trung';
      // Was: unitKey("Phương Trung") = "trung" but unitKey("Xã Phương Trung") = "phuong trung": unknown-unit.
      expect(await importBuffer(store, 'bieu.xlsx', await bytesOf(wb), { dryRun: true })).toMatchObject({ status: 'ok', unit: 'Phương Trung' });
    } finally {
      store.close();
    }
  });
});

describe('runBatch and the thread it runs on', () => {
  it('lets the event loop turn between files: a poll or a cancel is served while the batch stores', async () => {
    const d = mkdtempSync(join(tmpdir(), 'pcgd-batch-turns-'));
    const store = Store.open(join(d, 'x.db'));
    try {
      // Every file already parsed (the workers ahead of the storing): nothing in runBatch waits.
      const pool = { parse: async (name: string) => ({ name, sha256: '', ok: false as const, reason: 'không đọc được' }) };
      let stored = 0;
      const inputs = Array.from({ length: 20 }, (_, i) => ({ name: `f${i}.xlsx`, load: async () => Buffer.alloc(0) }));
      const batch = runBatch(store, inputs, { pool: pool as unknown as ParsePool, onProgress: (p) => (stored = p.done) });
      // Queued now, served at the loop's next turn: after the first file, long before the twentieth.
      const seen = await new Promise<number>((resolve) => setImmediate(() => resolve(stored)));
      const { files } = await batch;
      expect(files).toHaveLength(20);
      expect(seen).toBeGreaterThan(0);
      expect(seen).toBeLessThan(20);
    } finally {
      store.close();
      rmSync(d, { recursive: true, force: true });
    }
  });
});
