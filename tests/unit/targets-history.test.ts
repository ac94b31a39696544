// The plan targets' history (migration 8): every replacement of a unit's targets — the page
// saved, a district workbook's "Mục tiêu" sheet imported, an earlier version put back — keeps
// the list as it was, with when and from where; the same list saved again keeps nothing; any
// kept version can be put back, and that restore is itself kept, so it can be undone too. On a
// real SQLite file, through the handlers, and on a database written at schema 7.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../shared/api';
import { isUserError } from '../../shared/errors';
import { ParsePool } from '../../electron/core/batch/pool';
import { createHandlers } from '../../electron/core/handlers';
import { importBuffer } from '../../electron/core/import';
import { migrate, MIGRATIONS, SCHEMA_VERSION } from '../../electron/core/store/migrations';
import { Store } from '../../electron/core/store/store';
import { proposeTargets } from '../../shared/targets/propose';

const PLAN_001 = readFileSync('tests/fixtures/seed-texts/001_3e8956d77498b072.txt', 'utf8');
// Seed 001's grids with the plan's 17 targets in a "Mục tiêu" sheet (targets-wiring.test.ts).
const WORKBOOK = 'tests/fixtures/plans/ha-quang-muc-tieu.xlsx';

const tmp = mkdtempSync(join(tmpdir(), 'targets-history-'));
let store: Store;
let pool: ParsePool;
let api: Api;
let districtId: number;
/** The plan's 17 targets as the page's rows, one value changed by hand (85% → 80%). */
let typedRows: string[][];

beforeAll(async () => {
  store = Store.open(join(tmp, 'app.db'));
  pool = new ParsePool(1);
  api = createHandlers({ store, pool, seedsDir: 'seeds', saveFile: async () => ({ saved: false }) });
  districtId = (await api.loadDemo({})).unitId;
  const { proposals } = await api.proposeTargets({ unitId: districtId, text: PLAN_001 });
  typedRows = proposals.map((p, i) => (i === 0 ? p.cells.map((c, k) => (k === 4 ? c.replace('85', '80') : c)) : p.cells));
  expect(typedRows[0][4]).not.toBe(proposals[0].cells[4]);
});

afterAll(async () => {
  await pool.close();
  store.close();
  rmSync(tmp, { recursive: true, force: true });
});

const values = () => store.reform.targets(districtId).map((t) => t.value);

async function expectRefused(p: Promise<unknown>, message: RegExp) {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(isUserError(e)).toBe(true);
  expect((e as Error).message).toMatch(message);
}

describe('the page saved', () => {
  it('the first save keeps the empty list before it; saving the same rows again keeps nothing', async () => {
    expect(store.reform.targets(districtId)).toEqual([]);
    expect((await api.targetHistory({ unitId: districtId })).versions).toEqual([]);
    expect((await api.setTargets({ unitId: districtId, rows: typedRows })).saved).toBe(true);
    const first = (await api.targetHistory({ unitId: districtId })).versions;
    expect(first).toEqual([{ id: expect.any(Number), at: expect.any(String), source: 'typed', count: 0 }]);
    expect(values()[0]).toBe(80);

    expect((await api.setTargets({ unitId: districtId, rows: typedRows })).saved).toBe(true);
    expect((await api.targetHistory({ unitId: districtId })).versions).toEqual(first);
  });

  it('a row that cannot be read stores nothing and keeps nothing', async () => {
    const before = (await api.targetHistory({ unitId: districtId })).versions;
    const r = await api.setTargets({ unitId: districtId, rows: [...typedRows, ['2', 'PCGD THCS', 'MĐ4', 'Tỉ lệ xã', '120%', '2021-2025', '', '', '']] });
    expect(r.saved).toBe(false);
    expect((await api.targetHistory({ unitId: districtId })).versions).toEqual(before);
    expect(values()[0]).toBe(80);
  });
});

describe('a district workbook with a "Mục tiêu" sheet imported over the targets typed by hand', () => {
  it('replaces them, and the typed list is kept in the history with the file\'s name; restoring it puts the 80% back, and the restore is itself undoable', async () => {
    const res = await importBuffer(store, 'ha-quang-muc-tieu.xlsx', readFileSync(WORKBOOK));
    expect(res.status).toBe('ok');
    expect(values()[0]).toBe(85);
    const versions = (await api.targetHistory({ unitId: districtId })).versions;
    expect(versions).toHaveLength(2);
    expect(versions[0]).toEqual({ id: expect.any(Number), at: expect.any(String), source: 'file', file: 'ha-quang-muc-tieu.xlsx', count: 17 });
    expect(versions[0].at >= versions[1].at).toBe(true);

    const restored = await api.restoreTargets({ unitId: districtId, historyId: versions[0].id });
    expect(restored.rows).toHaveLength(17);
    expect(restored.rows[0].cells[4]).toBe(typedRows[0][4]);
    expect(values()[0]).toBe(80);
    expect(store.reform.targets(districtId)[0].source).toEqual({ kind: 'typed' });
    const after = (await api.targetHistory({ unitId: districtId })).versions;
    expect(after.map((v) => v.source)).toEqual(['restore', 'file', 'typed']);

    // The restore undone: the file's list (85%) back, and that step kept in turn.
    await api.restoreTargets({ unitId: districtId, historyId: after[0].id });
    expect(values()[0]).toBe(85);
    expect(store.reform.targets(districtId)[0].source).toMatchObject({ kind: 'sheet', sheet: 'Mục tiêu' });
    expect((await api.targetHistory({ unitId: districtId })).versions.map((v) => v.source)).toEqual(['restore', 'restore', 'file', 'typed']);
  });

  it('the same workbook imported again over its own targets keeps nothing', async () => {
    const before = (await api.targetHistory({ unitId: districtId })).versions;
    const again = await importBuffer(store, 'ha-quang-muc-tieu-2.xlsx', readFileSync(WORKBOOK));
    expect(['ok', 'duplicate']).toContain(again.status);
    expect((await api.targetHistory({ unitId: districtId })).versions).toEqual(before);
  });
});

describe('a version of another unit', () => {
  it('is refused with a Vietnamese sentence, and changes nothing', async () => {
    const commune = store.children(districtId)[0].id;
    const own = (await api.targetHistory({ unitId: districtId })).versions[0].id;
    expect((await api.targetHistory({ unitId: commune })).versions).toEqual([]);
    const before = store.reform.targets(districtId);
    await expectRefused(api.restoreTargets({ unitId: commune, historyId: own }), /phiên bản mục tiêu/);
    await expectRefused(api.restoreTargets({ unitId: districtId, historyId: 999_999 }), /phiên bản mục tiêu/);
    expect(store.reform.targets(commune)).toEqual([]);
    expect(store.reform.targets(districtId)).toEqual(before);
  });
});

describe('migration 8', () => {
  it('a database at schema 7 with targets opens at the present schema, its targets kept, and its first change recorded', () => {
    const file = join(tmp, 'v7.db');
    const db = new Database(file);
    migrate(db, MIGRATIONS.filter((m) => m.version <= 7));
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    const unit = Number(db.prepare("INSERT INTO units (parent_id, name, kind) VALUES (NULL, 'Hà Quảng', 'huyen')").run().lastInsertRowid);
    const target = proposeTargets(PLAN_001, { scope: 'Huyện Hà Quảng' }).targets[0];
    expect(target.value).toBe(85);
    db.prepare('INSERT INTO targets (unit_id, sort, data, updated_at) VALUES (?, 1, ?, ?)').run(unit, JSON.stringify(target), '2026-01-01T00:00:00.000Z');
    db.close();

    const s = Store.open(file);
    try {
      const kept = s.reform.targets(unit);
      expect(kept).toHaveLength(1);
      expect(kept[0].value).toBe(85);
      expect(s.reform.targetHistory(unit)).toEqual([]);
      const { id: _id, ...first } = kept[0];
      expect(s.reform.setTargets(unit, [{ ...first, value: 90 }], { kind: 'typed' })).toBe(true);
      expect(s.reform.targetHistory(unit)).toEqual([{ id: expect.any(Number), at: expect.any(String), source: 'typed', count: 1 }]);
      expect(s.reform.targetVersion(s.reform.targetHistory(unit)[0].id)!.targets[0].value).toBe(85);
    } finally {
      s.close();
    }
    const d = new Database(file, { readonly: true });
    expect(d.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(8);
    d.close();
  });
});
