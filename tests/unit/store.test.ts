import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { migrate, MIGRATIONS, SCHEMA_VERSION } from '../../electron/core/store/migrations';
import { Store } from '../../electron/core/store/store';
import type { UnitRecord } from '../../electron/core/store/types';
import type { Layout } from '../../shared/templates';

const LAYOUT: Layout = { results: ['2020'], periods: ['2021-2025', '2026-2030'] };

let dir: string;
let file: string;
let store: Store | undefined;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-test-'));
  file = path.join(dir, 'data', 'pcgd.db');
});

afterEach(() => {
  vi.useRealTimers();
  store?.close();
  store = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

function open(): Store {
  store = Store.open(file);
  return store;
}

/** Reads the file behind the store's back, as another program would. */
function raw<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(file);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** Tỉnh › Huyện › three communes, added out of display order to exercise `sort`. */
function district(s: Store) {
  const tinh = s.addUnit({ parentId: null, name: 'Tỉnh Cao Bằng', kind: 'tinh' });
  const huyen = s.addUnit({ parentId: tinh.id, name: 'Huyện Hà Quảng', kind: 'huyen' });
  const b = s.addUnit({ parentId: huyen.id, name: 'Xã Lương Thông', kind: 'xa', sort: 2 });
  const c = s.addUnit({ parentId: huyen.id, name: 'Xã Tổng Cột', kind: 'xa', sort: 3 });
  const a = s.addUnit({ parentId: huyen.id, name: 'Thị trấn Thông Nông', kind: 'xa', sort: 1 });
  const report = s.createReport('xmc', huyen.id, LAYOUT);
  return { tinh, huyen, a, b, c, report };
}

describe('opening and migrations', () => {
  it('creates the folder and the schema, and records the version', () => {
    open().close();
    store = undefined;
    const { version, objects, mode, cellSql } = raw((db) => ({
      version: db.pragma('user_version', { simple: true }),
      objects: db.prepare("SELECT name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all(),
      mode: db.pragma('journal_mode', { simple: true }),
      cellSql: db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'cell_values'").pluck().get() as string,
    }));
    expect(version).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
    expect(objects).toEqual(expect.arrayContaining(['units', 'unit_aliases', 'reports', 'cell_values', 'audit', 'audit_cell']));
    expect(mode).toBe('wal');
    expect(cellSql).toMatch(/WITHOUT ROWID/);
  });

  it('reopens an existing database without changing it', () => {
    const s = open();
    const { huyen, a, report } = district(s);
    s.setValues(report.id, [{ unitId: a.id, key: '2020|MĐ1', value: 'x' }], { kind: 'typed' });
    s.close();
    const again = open();
    expect(again.districts().map((u) => u.id)).toEqual([huyen.id]);
    expect(again.getValues(report.id).get(a.id)).toEqual({ '2020|MĐ1': 'x' });
    expect(again.audit(report.id)).toHaveLength(1);
    again.close();
    store = undefined;
    expect(raw((db) => db.pragma('user_version', { simple: true }))).toBe(SCHEMA_VERSION);
  });

  it('applies only pending steps, and a failing step leaves the file as it was', () => {
    open().close();
    store = undefined;
    const next = { version: SCHEMA_VERSION + 1, sql: 'CREATE TABLE extra (x)' };
    const broken = { version: SCHEMA_VERSION + 2, sql: 'CREATE TABLE more (x); SELECT * FROM nowhere' };
    raw((db) => {
      expect(() => migrate(db, [...MIGRATIONS, next, broken])).toThrow();
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.prepare("SELECT name FROM sqlite_schema WHERE name IN ('extra', 'more')").all()).toEqual([]);
      expect(migrate(db, [...MIGRATIONS, next])).toEqual([next.version]);
      expect(migrate(db, [...MIGRATIONS, next])).toEqual([]);
      expect(db.pragma('user_version', { simple: true })).toBe(next.version);
      expect(() => migrate(db, [...MIGRATIONS, next, { version: next.version + 2, sql: '' }])).toThrow(/out of order/);
    });
  });

  it('refuses a database written by a newer version of the app, in Vietnamese', () => {
    open().close();
    store = undefined;
    raw((db) => db.pragma(`user_version = ${SCHEMA_VERSION + 1}`));
    expect(() => Store.open(file)).toThrow(/^Cơ sở dữ liệu ".*" được tạo bởi phiên bản mới hơn của ứng dụng/);
    expect(raw((db) => db.pragma('user_version', { simple: true }))).toBe(SCHEMA_VERSION + 1);
  });

  it.each([
    ['a text file', 'Đây không phải cơ sở dữ liệu, chỉ là một tệp văn bản.\n'.repeat(50)],
    ['a file shorter than one page', 'x'],
  ])('refuses %s with a Vietnamese message and leaves it untouched', (_, content) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    let error: unknown;
    try {
      Store.open(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(Database.SqliteError);
    expect((error as Error).message).toMatch(/không phải là cơ sở dữ liệu của ứng dụng/);
    expect(fs.readFileSync(file, 'utf8')).toBe(content);
  });

  it('reports a folder it cannot create in Vietnamese', () => {
    fs.writeFileSync(path.join(dir, 'data'), 'a file where the folder should be');
    expect(() => Store.open(file)).toThrow(/^Không tạo được thư mục cho cơ sở dữ liệu ".*": trên đường dẫn có một tệp/);
  });

  it("refuses another program's SQLite database", () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    raw((db) => db.exec('CREATE TABLE contacts (name TEXT)'));
    expect(() => Store.open(file)).toThrow(/chương trình khác/);
    expect(raw((db) => db.pragma('user_version', { simple: true }))).toBe(0);
  });

  it('passes PRAGMA integrity_check and enforces foreign keys', () => {
    const s = open();
    const { a, report } = district(s);
    s.setValues(report.id, [{ unitId: a.id, key: '2020|MĐ1', value: 'x' }], { kind: 'typed' });
    expect(s.integrityCheck()).toBe('ok');
    expect(() => s.setValues(report.id, [{ unitId: 9999, key: '2020|MĐ1', value: 'x' }], { kind: 'typed' })).toThrow(/Không có đơn vị #9999/);
    expect(() => s.createReport('xmc', 9999, LAYOUT)).toThrow(/Không có đơn vị #9999/);
    expect(() => s.addUnit({ parentId: 9999, name: 'Xã Mồ Côi', kind: 'xa' })).toThrow(/cấp trên/);
    expect(s.audit(report.id)).toHaveLength(1);
  });
});

describe('units', () => {
  const names = (units: UnitRecord[]) => units.map((u) => u.name);

  it('holds a tree of depth 3 (tỉnh › huyện › xã), children in sort order', () => {
    const s = open();
    const { tinh, huyen, a } = district(s);
    expect(s.getUnit(huyen.id)).toEqual({ id: huyen.id, parentId: tinh.id, name: 'Huyện Hà Quảng', kind: 'huyen', sort: 1 });
    expect(names(s.children(tinh.id))).toEqual(['Huyện Hà Quảng']);
    expect(names(s.children(huyen.id))).toEqual(['Thị trấn Thông Nông', 'Xã Lương Thông', 'Xã Tổng Cột']);
    expect(s.children(a.id)).toEqual([]);
    expect(names(s.districts())).toEqual(['Huyện Hà Quảng']);
    expect(s.listUnits()).toHaveLength(5);
    expect(s.getUnit(12345)).toBeUndefined();
  });

  it('holds a tree of depth 2 (tỉnh › xã), with sort defaulting to the next place', () => {
    const s = open();
    const tinh = s.addUnit({ parentId: null, name: 'Tỉnh Cao Bằng', kind: 'tinh' });
    const x1 = s.addUnit({ parentId: tinh.id, name: 'Xã Hà Quảng', kind: 'xa', sort: 10 });
    const x2 = s.addUnit({ parentId: tinh.id, name: 'Xã Trường Hà', kind: 'xa' });
    const x0 = s.addUnit({ parentId: tinh.id, name: 'Phường Thục Phán', kind: 'xa', sort: 0 });
    expect([x0.sort, x1.sort, x2.sort]).toEqual([0, 10, 11]);
    expect(names(s.children(tinh.id))).toEqual(['Phường Thục Phán', 'Xã Hà Quảng', 'Xã Trường Hà']);
    expect(s.districts()).toEqual([]);

    const report = s.createReport('pcgd-th', tinh.id, { results: [], periods: ['2021-2025'] });
    s.setValues(report.id, [{ unitId: x2.id, key: '2021-2025|MĐ1', value: 'x' }], { kind: 'typed' });
    expect(s.loadGrid(report.id).rows.map((r) => [r.unit, r.values])).toEqual([
      ['Phường Thục Phán', {}],
      ['Xã Hà Quảng', {}],
      ['Xã Trường Hà', { '2021-2025|MĐ1': 'x' }],
    ]);
  });

  it('cleans names (NFC, spaces) and refuses a duplicate among siblings', () => {
    const s = open();
    const { huyen } = district(s);
    const u = s.addUnit({ parentId: huyen.id, name: '  Xã   Cần Yên '.normalize('NFD'), kind: 'xa' });
    expect(u.name).toBe('Xã Cần Yên');
    expect(() => s.addUnit({ parentId: huyen.id, name: 'Xã Cần Yên', kind: 'xa' })).toThrow(/Đã có đơn vị "Xã Cần Yên"/);
    expect(() => s.addUnit({ parentId: null, name: 'Tỉnh Cao Bằng', kind: 'tinh' })).toThrow(/Đã có đơn vị/);
    expect(() => s.addUnit({ parentId: huyen.id, name: '   ', kind: 'xa' })).toThrow(/không được để trống/);
  });

  it('keeps aliases, and a rename keeps the old name as one', () => {
    const s = open();
    const { a, b } = district(s);
    s.addAlias(a.id, 'TT Thông Nông');
    s.addAlias(a.id, 'TT Thông Nông');
    expect(s.aliases(a.id)).toEqual(['TT Thông Nông']);
    s.renameUnit(a.id, 'Xã Thông Nông');
    expect(s.getUnit(a.id)?.name).toBe('Xã Thông Nông');
    expect(s.aliases(a.id)).toEqual(['TT Thông Nông', 'Thị trấn Thông Nông']);
    expect(() => s.renameUnit(a.id, b.name)).toThrow(/Đã có đơn vị/);
    expect(s.getUnit(a.id)?.name).toBe('Xã Thông Nông');
    expect(() => s.renameUnit(777, 'X')).toThrow(/Không có đơn vị #777/);
  });
});

describe('reports', () => {
  it('finds a report by template, unit and layout, and ensureReport does not duplicate', () => {
    const s = open();
    const { huyen, tinh, report } = district(s);
    expect(report).toMatchObject({ template: 'xmc', unitId: huyen.id, layout: LAYOUT });
    // Same content in another key order must be the same report.
    const reordered = { periods: [...LAYOUT.periods], results: [...LAYOUT.results] } as Layout;
    expect(s.findReport('xmc', huyen.id, reordered)?.id).toBe(report.id);
    expect(s.ensureReport('xmc', huyen.id, reordered).id).toBe(report.id);
    expect(s.findReport('xmc', huyen.id, { results: ['2024'], periods: [] })).toBeUndefined();
    const annual = s.ensureReport('xmc', huyen.id, { results: ['2024'], periods: [] });
    expect(annual.id).not.toBe(report.id);
    const other = s.createReport('pcgd-thcs', tinh.id, LAYOUT);
    expect(() => s.createReport('xmc', huyen.id, LAYOUT)).toThrow(/đã có/);
    expect(s.listReports().map((r) => r.id)).toEqual([report.id, annual.id, other.id]);
    expect(s.listReports(huyen.id).map((r) => r.id)).toEqual([report.id, annual.id]);
    expect(s.getReport(other.id)?.template).toBe('pcgd-thcs');
  });
});

describe('values and history', () => {
  it('records every real change with its source, skips no-ops and deletes blanks', () => {
    const s = open();
    const { a, b, report } = district(s);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-10-03T08:00:00Z'));

    const first = s.setValues(
      report.id,
      [
        { unitId: a.id, key: '2020|MĐ1', value: 'x' },
        { unitId: b.id, key: '2020|MĐ2', value: 'x' },
        { unitId: b.id, key: '2021-2025|MĐ1', value: '' },
      ],
      { kind: 'file', file: 'Luong_Thong.xlsx' },
    );
    expect(first).toEqual([
      { unitId: a.id, key: '2020|MĐ1', old: '', new: 'x' },
      { unitId: b.id, key: '2020|MĐ2', old: '', new: 'x' },
    ]);
    expect(s.getReport(report.id)!.updatedAt).toBe('2030-10-03T08:00:00.000Z');
    vi.setSystemTime(new Date('2030-10-04T08:00:00Z'));

    const second = s.setValues(
      report.id,
      [
        { unitId: a.id, key: '2020|MĐ1', value: 'x' },
        { unitId: a.id, key: '2020|MĐ1'.normalize('NFD'), value: 'x' },
        { unitId: b.id, key: '2020|MĐ2', value: '' },
        { unitId: b.id, key: '2020|MĐ1', value: 'x' },
      ],
      { kind: 'typed' },
    );
    expect(second).toEqual([
      { unitId: b.id, key: '2020|MĐ2', old: 'x', new: '' },
      { unitId: b.id, key: '2020|MĐ1', old: '', new: 'x' },
    ]);
    vi.setSystemTime(new Date('2030-10-05T08:00:00Z'));
    expect(s.setValues(report.id, [{ unitId: a.id, key: '2020|MĐ1', value: 'x' }], { kind: 'typed' })).toEqual([]);
    // A call that changes nothing does not count as an edit of the report.
    expect(s.getReport(report.id)!.updatedAt).toBe('2030-10-04T08:00:00.000Z');

    expect(Object.fromEntries(s.getValues(report.id))).toEqual({
      [a.id]: { '2020|MĐ1': 'x' },
      [b.id]: { '2020|MĐ1': 'x' },
    });
    // The blank is gone from the table, not stored as ''.
    expect(raw((db) => db.prepare("SELECT count(*) FROM cell_values WHERE value = '' OR key = '2020|MĐ2'").pluck().get())).toBe(0);

    const log = s.audit(report.id);
    expect(log.map((e) => [e.unitName, e.key, e.old, e.new, e.source, e.file])).toEqual([
      ['Xã Lương Thông', '2020|MĐ1', '', 'x', 'typed', null],
      ['Xã Lương Thông', '2020|MĐ2', 'x', '', 'typed', null],
      ['Xã Lương Thông', '2020|MĐ2', '', 'x', 'file', 'Luong_Thong.xlsx'],
      ['Thị trấn Thông Nông', '2020|MĐ1', '', 'x', 'file', 'Luong_Thong.xlsx'],
    ]);
    expect(log[0].reportId).toBe(report.id);
    expect(log.map((e) => e.at)).toEqual([...Array(2).fill('2030-10-04T08:00:00.000Z'), ...Array(2).fill('2030-10-03T08:00:00.000Z')]);
    expect(s.audit(report.id, { unitId: b.id, key: '2020|MĐ2' }).map((e) => e.new)).toEqual(['', 'x']);
    expect(s.audit(report.id, { limit: 1 })).toHaveLength(1);
    expect(() => s.setValues(4242, [], { kind: 'typed' })).toThrow(/Không có báo cáo #4242/);
  });

  it('rolls back everything when a transaction throws', () => {
    const s = open();
    const { a, b, report } = district(s);
    s.setValues(report.id, [{ unitId: a.id, key: '2020|MĐ1', value: 'x' }], { kind: 'seed' });
    const stamp = s.getReport(report.id)!.updatedAt;

    expect(() =>
      s.transaction(() => {
        s.setValues(report.id, [{ unitId: a.id, key: '2020|MĐ1', value: '' }], { kind: 'typed' });
        s.addUnit({ parentId: a.id, name: 'Thôn Mới', kind: 'xa' });
        s.setValues(report.id, [{ unitId: b.id, key: '2020|MĐ2', value: 'x' }], { kind: 'typed' });
        throw new Error('thất bại giữa chừng');
      }),
    ).toThrow('thất bại giữa chừng');
    // A failing write inside setValues undoes the writes before it in the same call.
    expect(() =>
      s.setValues(
        report.id,
        [
          { unitId: b.id, key: '2020|MĐ2', value: 'x' },
          { unitId: 31337, key: '2020|MĐ2', value: 'x' },
        ],
        { kind: 'typed' },
      ),
    ).toThrow();

    expect(Object.fromEntries(s.getValues(report.id))).toEqual({ [a.id]: { '2020|MĐ1': 'x' } });
    expect(s.audit(report.id)).toHaveLength(1);
    expect(s.children(a.id)).toEqual([]);
    expect(s.getReport(report.id)!.updatedAt).toBe(stamp);

    // A nested transaction that fails can be caught without losing the outer one's work.
    s.transaction(() => {
      s.setValues(report.id, [{ unitId: b.id, key: '2020|MĐ1', value: 'x' }], { kind: 'typed' });
      expect(() =>
        s.transaction(() => {
          s.setValues(report.id, [{ unitId: b.id, key: '2020|MĐ2', value: 'x' }], { kind: 'typed' });
          throw new Error('inner');
        }),
      ).toThrow('inner');
    });
    expect(s.getValues(report.id).get(b.id)).toEqual({ '2020|MĐ1': 'x' });
  });

  it('loads a grid: commune rows in sort order with their values, and the district texts', () => {
    const s = open();
    const { huyen, a, b, c } = district(s);
    const report = s.createReport('pcgd-mn', huyen.id, { results: ['2020'], periods: ['2021-2025'] });
    s.setValues(
      report.id,
      [
        { unitId: c.id, key: '2020/3 tuổi|KĐ', value: 'x' },
        { unitId: a.id, key: '2020/3 tuổi|Đạt', value: 'x' },
        { unitId: a.id, key: '2020/3 tuổi|Đánh giá', value: 'Đạt' },
        { unitId: huyen.id, key: '2020/3 tuổi|Đánh giá', value: 'KĐ' },
      ],
      { kind: 'typed' },
    );
    const grid = s.loadGrid(report.id);
    expect(grid.template).toBe('pcgd-mn');
    expect(grid.layout).toEqual({ results: ['2020'], periods: ['2021-2025'] });
    expect(grid.rows).toEqual([
      { unit: 'Thị trấn Thông Nông', unitId: a.id, values: { '2020/3 tuổi|Đạt': 'x', '2020/3 tuổi|Đánh giá': 'Đạt' } },
      { unit: 'Xã Lương Thông', unitId: b.id, values: {} },
      { unit: 'Xã Tổng Cột', unitId: c.id, values: { '2020/3 tuổi|KĐ': 'x' } },
    ]);
    expect(grid.totalTexts).toEqual({ '2020/3 tuổi|Đánh giá': 'KĐ' });
    expect(() => s.loadGrid(999)).toThrow(/Không có báo cáo #999/);
  });

  it('reads the values of some units only, a few row by row or many from one read of the report', () => {
    const s = open();
    const { huyen, a, b, c, report } = district(s);
    // addUnits answers every child of the district: the 60 new ones are the rest.
    const many = s.addUnits(huyen.id, Array.from({ length: 60 }, (_, i) => `Xã Số ${i + 1}`), 'xa').filter((u) => ![a.id, b.id, c.id].includes(u.id));
    s.setValues(report.id, [a, b, ...many].map((u, i) => ({ unitId: u.id, key: '2020|MĐ1', value: i % 2 ? '' : 'x' })), { kind: 'typed' });
    const few = s.getValuesOf(report.id, [a.id, c.id, a.id]);
    expect([...few.keys()]).toEqual([a.id, c.id]);
    expect(few.get(a.id)).toEqual({ '2020|MĐ1': 'x' });
    expect(few.get(c.id)).toEqual({});
    const ids = many.map((u) => u.id);
    const lots = s.getValuesOf(report.id, ids);
    expect(lots.size).toBe(60);
    expect(lots.has(b.id)).toBe(false);
    expect(ids.map((id) => lots.get(id)!['2020|MĐ1'] ?? '')).toEqual(ids.map((_, j) => (j % 2 ? '' : 'x')));
  });

  it('restores an old value and audits the restore', () => {
    const s = open();
    const { a, report } = district(s);
    s.setValues(report.id, [{ unitId: a.id, key: '2020|MĐ1', value: 'x' }], { kind: 'file', file: 'a.xlsx' });
    s.setValues(report.id, [{ unitId: a.id, key: '2020|MĐ1', value: 'X' }], { kind: 'typed' });
    s.setValues(report.id, [{ unitId: a.id, key: '2020|MĐ1', value: '' }], { kind: 'typed' });
    const [cleared, typed, fromFile] = s.audit(report.id);
    expect([cleared.new, typed.new, fromFile.new]).toEqual(['', 'X', 'x']);

    expect(s.restore(cleared.id)).toEqual([{ unitId: a.id, key: '2020|MĐ1', old: '', new: 'X' }]);
    expect(s.getValues(report.id).get(a.id)).toEqual({ '2020|MĐ1': 'X' });
    expect(s.restore(fromFile.id)).toEqual([{ unitId: a.id, key: '2020|MĐ1', old: 'X', new: '' }]);
    expect(s.getValues(report.id).has(a.id)).toBe(false);

    const log = s.audit(report.id);
    expect(log).toHaveLength(5);
    expect(log.slice(0, 2).map((e) => [e.source, e.old, e.new, e.file])).toEqual([
      ['restore', 'X', '', null],
      ['restore', '', 'X', null],
    ]);
    // Restoring to the value already there changes nothing and adds no history.
    expect(s.restore(fromFile.id)).toEqual([]);
    expect(s.audit(report.id)).toHaveLength(5);
    expect(() => s.restore(99999)).toThrow(/Không có mục lịch sử/);
  });

  it('stores and audits writes of every size the batched statements split (1 to 150 rows, over many units), old values read right', () => {
    const s = open();
    const { huyen, report } = district(s);
    const units = s.addUnits(huyen.id, Array.from({ length: 30 }, (_, i) => `Xã Số ${i + 1}`), 'xa').map((u) => u.id);
    // What the table must hold: a plain model of the cells, written by the same rounds.
    const model = new Map<string, string>();
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    let audited = s.audit(report.id).length;
    for (const n of [1, 2, 3, 4, 5, 15, 16, 17, 20, 21, 63, 64, 65, 69, 84, 85, 100, 150]) {
      const writes = Array.from({ length: n }, () => ({ unitId: units[rand(units.length)], key: `2020|k${rand(12)}`, value: ['', 'x', 'y'][rand(3)] }));
      const expected: { unitId: number; key: string; old: string; new: string }[] = [];
      for (const w of writes) {
        const old = model.get(`${w.unitId}|${w.key}`) ?? '';
        if (old === w.value) continue;
        expected.push({ unitId: w.unitId, key: w.key, old, new: w.value });
        if (w.value) model.set(`${w.unitId}|${w.key}`, w.value);
        else model.delete(`${w.unitId}|${w.key}`);
      }
      expect(s.setValues(report.id, writes, { kind: 'typed' }), `${n} rows`).toEqual(expected);
      const stored = [...s.getValues(report.id)].flatMap(([unitId, values]) => Object.entries(values).map(([key, value]) => [`${unitId}|${key}`, value] as const));
      expect(new Map(stored), `${n} rows`).toEqual(model);
      audited += expected.length;
      expect(s.audit(report.id)).toHaveLength(audited);
    }
    // A unit that does not exist, among others: nothing of the call is stored.
    const before = s.getValues(report.id);
    expect(() =>
      s.setValues(report.id, [{ unitId: units[0], key: '2020|new', value: 'x' }, { unitId: 999_999, key: '2020|new', value: 'x' }, { unitId: units[1], key: '2020|new', value: 'x' }], { kind: 'typed' }),
    ).toThrow('Không có đơn vị #999999.');
    expect(s.getValues(report.id)).toEqual(before);
    expect(s.audit(report.id)).toHaveLength(audited);
  });

  it('writes 100,000 cells in one call, every one stored and audited', () => {
    const s = open();
    const { huyen, report } = district(s);
    const units = Array.from({ length: 1000 }, (_, i) => s.addUnit({ parentId: huyen.id, name: `Xã Số ${i}`, kind: 'xa' }).id);
    const writes = units.flatMap((unitId) => Array.from({ length: 100 }, (_, k) => ({ unitId, key: `2021-2025|k${k}`, value: 'x' })));
    // Its speed is measured in `npm run bench`, not here.
    expect(s.setValues(report.id, writes, { kind: 'seed' })).toHaveLength(100_000);
    expect(s.getValues(report.id).size).toBe(1000);
    expect(s.audit(report.id)).toHaveLength(100_000);
  });
});

describe('the form secret (settings, migration 3)', () => {
  it('is 32 random bytes made on first need, kept across reopening, and differs between databases', () => {
    const s = open();
    expect(raw((db) => db.prepare('SELECT count(*) FROM settings').pluck().get())).toBe(0);
    const secret = s.formSecret();
    expect(secret).toHaveLength(32);
    expect(s.formSecret().equals(secret)).toBe(true);
    s.close();
    store = undefined;
    expect(open().formSecret().equals(secret)).toBe(true);
    const other = Store.open(path.join(dir, 'other.db'));
    try {
      expect(other.formSecret().equals(secret)).toBe(false);
    } finally {
      other.close();
    }
  });

  it('a secret first made inside a transaction that rolls back (a dry run) is not the one kept', () => {
    const s = open();
    let inside: Buffer | undefined;
    expect(() =>
      s.transaction(() => {
        inside = s.formSecret();
        throw new Error('rollback');
      }),
    ).toThrow('rollback');
    expect(raw((db) => db.prepare('SELECT count(*) FROM settings').pluck().get())).toBe(0);
    const kept = s.formSecret();
    expect(kept.equals(inside!)).toBe(false);
    expect(raw((db) => db.prepare("SELECT value FROM settings WHERE key = 'form_secret'").pluck().get()) as Buffer).toEqual(kept);
  });

  it('adoptFormSecret gives a database without one a known secret, and never replaces one in use', () => {
    const s = open();
    const known = Buffer.alloc(32, 7);
    s.adoptFormSecret(known);
    expect(s.formSecret().equals(known)).toBe(true);
    s.adoptFormSecret(known); // the same one again: nothing to do
    expect(() => s.adoptFormSecret(Buffer.alloc(32, 8))).toThrow('Cơ sở dữ liệu đã có khóa ký biểu khác.');
    expect(() => s.adoptFormSecret(Buffer.alloc(16))).toThrow(/32 byte/);
    expect(s.formSecret().equals(known)).toBe(true);
  });
});
