// The 2025 units wired to the store and the CLI (issue 10, "done when" 3): `units apply` on the
// Hà Quảng change table (DOMAIN.md §11.6, tests/fixtures/plans/ha-quang-chuyen-doi.xlsx) over a
// database holding seed 001's grids creates the 7 new communes under Tỉnh Cao Bằng and links all
// 21 old ones (the seed's other spellings kept as aliases); `units rebase` gives the lower bounds
// the old marks imply; a row with neither district nor code, and an ambiguous or unmatched one,
// are refused with their reasons and apply nothing.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBuffer } from '../../electron/core/import';
import { applyChangeTableFile } from '../../electron/core/units';
import { Store } from '../../electron/core/store/store';

const ROOT = join(__dirname, '..', '..');
const TABLE = join(ROOT, 'tests/fixtures/plans/ha-quang-chuyen-doi.xlsx');
const run = promisify(execFile);
const tmp = mkdtempSync(join(tmpdir(), 'units-apply-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'scripts', 'cli.mjs'), ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

async function seededDb(name: string): Promise<string> {
  const db = join(tmp, name);
  const store = Store.open(db);
  try {
    expect((await importBuffer(store, 'ha-quang.xlsx', readFileSync(join(ROOT, 'seeds/ha-quang.xlsx')))).status).toBe('ok');
  } finally {
    store.close();
  }
  return db;
}

/** DOMAIN.md §11.6, the old communes as the seed's grids name them. */
const MERGERS: Record<string, string[]> = {
  'Xã Thanh Long': ['Ngọc Động', 'Yên Sơn', 'Thanh Long'],
  'Xã Cần Yên': ['Cần Nông', 'Lương Thông', 'Cần Yên'],
  'Xã Thông Nông': ['Thị trấn Thông Nông', 'Đa Thông', 'Lương Can'],
  'Xã Trường Hà': ['Xuân Hòa', 'Quý Quân', 'Sóc Hà', 'Trường Hà'],
  'Xã Hà Quảng': ['Hồng Sỹ', 'Ngọc Đào', 'Mã Ba'],
  'Xã Lũng Nặm': ['Thượng Thôn', 'Lũng Nặm'],
  'Xã Tổng Cọt': ['Nội Thôn', 'Cải Viên', 'Tổng Cột'],
};

describe('units apply on the Hà Quảng change table', () => {
  let db: string;
  let applied: { code: number; json: { file: string; dryRun: boolean; rows: Record<string, unknown>[]; created: string[] } };
  beforeAll(async () => {
    db = await seededDb('apply.db');
    const dry = await cli('units', 'apply', TABLE, '--db', db, '--dry-run', '--json');
    expect(JSON.parse(dry.stdout).dryRun).toBe(true);
    const store = Store.open(db);
    expect(store.listUnits().some((u) => u.kind === 'tinh')).toBe(false); // the dry run wrote nothing
    store.close();
    const r = await cli('units', 'apply', TABLE, '--db', db, '--json');
    applied = { code: r.code, json: JSON.parse(r.stdout) };
  }, 120_000);

  it('maps all 21 old communes (the seed spellings "Tổng Cột", "Xuân Hòa" reached), refuses the 2 bad rows with reasons, exit 1', () => {
    const { code, json } = applied;
    expect(code).toBe(1);
    expect(json.created).toEqual(['Tỉnh Cao Bằng', ...Object.keys(MERGERS)]);
    const ok = json.rows.filter((r) => r.status === 'ok');
    expect(ok).toHaveLength(21);
    expect(new Set(ok.map((r) => r.unit))).toEqual(new Set(Object.values(MERGERS).flat()));
    expect(json.rows.find((r) => r.old === 'Xã Tổng Cọt')).toMatchObject({ row: 24, district: 'Huyện Hà Quảng', new: 'Xã Tổng Cọt', change: 'Nhập toàn bộ', status: 'ok', unit: 'Tổng Cột', reason: null });
    expect(json.rows.find((r) => r.old === 'Thị trấn Xuân Hoà')).toMatchObject({ status: 'ok', unit: 'Xuân Hòa' });
    const refused = json.rows.filter((r) => r.status === 'refused');
    expect(refused.map((r) => [r.row, r.unit])).toEqual([[25, null], [26, null]]);
    expect(refused[0].reason).toBe('Dòng không ghi huyện cũ hay mã xã cũ: không đối chiếu xã Đức Hạnh theo tên một mình (huyện khác có thể có xã cùng tên).');
    expect(refused[1].reason).toBe('Không tìm thấy huyện Châu Thành trong cơ sở dữ liệu.');
  });

  it('the database: 7 communes under the province from 01/7/2025, every old one linked and closed, aliases kept, old grids untouched', () => {
    const store = Store.open(db);
    try {
      const snap = store.reform.snapshot();
      const province = snap.units.find((u) => u.kind === 'tinh')!;
      expect(province.name).toBe('Cao Bằng');
      const communes = snap.units.filter((u) => u.parentId === province.id);
      expect(communes.map((u) => `Xã ${u.name}`)).toEqual(Object.keys(MERGERS));
      expect(communes.every((u) => u.kind === 'xa' && u.validFrom === '2025-07-01' && u.validTo === null)).toBe(true);
      expect(communes.find((u) => u.name === 'Trường Hà')!.codes).toEqual([{ scheme: 'ma-dvhc-2025', code: '01392' }]);
      for (const [to, olds] of Object.entries(MERGERS)) {
        const unit = communes.find((u) => `Xã ${u.name}` === to)!;
        const from = snap.links.filter((l) => l.to === unit.id).map((l) => snap.units.find((u) => u.id === l.from)!.name);
        expect(from).toEqual(olds);
      }
      const district = snap.units.find((u) => u.kind === 'huyen')!;
      expect(district.validTo).toBe('2025-06-30');
      const olds = snap.units.filter((u) => u.parentId === district.id);
      expect(olds).toHaveLength(21);
      expect(olds.every((u) => u.validTo === '2025-06-30')).toBe(true);
      expect(olds.find((u) => u.name === 'Tổng Cột')!.aliases).toContain('Tổng Cọt');
      expect(olds.find((u) => u.name === 'Xuân Hòa')!.aliases).toContain('Xuân Hoà');
      // The old grids still list the 21 old communes with their marks.
      const xmc = store.listReports().find((r) => r.template === 'xmc')!;
      expect(store.loadGrid(xmc.id).rows).toHaveLength(21);
    } finally {
      store.close();
    }
  });

  it('applying the same table again changes nothing; the step can be undone', async () => {
    const store = Store.open(db);
    try {
      const before = JSON.stringify(store.reform.snapshot());
      const again = await applyChangeTableFile(store, TABLE);
      expect(again.created).toEqual([]);
      expect(JSON.stringify(store.reform.snapshot())).toBe(before);
      const [step] = store.reform.changes();
      expect(step.summary).toContain('ha-quang-chuyen-doi.xlsx');
      expect(store.reform.undoChange(step.id)).toBe(true);
      const after = store.reform.snapshot();
      expect(after.units.some((u) => u.kind === 'tinh')).toBe(false);
      expect(after.links).toEqual([]);
      expect(after.units.every((u) => u.validTo === null)).toBe(true);
      expect(after.units.find((u) => u.name === 'Tổng Cột')!.aliases).not.toContain('Tổng Cọt');
      expect(store.reform.undoChange(step.id)).toBe(false);
    } finally {
      store.close();
    }
  });
});

describe('units rebase after the table', () => {
  it('prints the lower bound each new commune has from its old communes\' marks, as the issue shows', async () => {
    const db = await seededDb('rebase.db');
    await cli('units', 'apply', TABLE, '--db', db);
    const r = await cli('units', 'rebase', '--db', db, '--as-of', '2025-07-01', '--json');
    expect(r.code).toBe(0);
    const view = JSON.parse(r.stdout) as { asOf: string; units: { unit: string; from: string[]; groups: { template: string; group: string; level: string | null; bound: string }[] }[] };
    expect(Object.keys(view)).toEqual(['asOf', 'units']);
    expect(view.asOf).toBe('2025-07-01');
    expect(view.units.map((u) => u.unit)).toEqual(Object.keys(MERGERS));
    const canYen = view.units.find((u) => u.unit === 'Xã Cần Yên')!;
    expect(canYen.from).toEqual(['Cần Nông', 'Lương Thông', 'Cần Yên']);
    expect(canYen.groups[0]).toEqual({ template: 'xmc', group: '2020', level: 'MĐ1', bound: 'lower' });

    // Every XMC bound is the lowest of the old communes' single marks, read here from the grid.
    const store = Store.open(db);
    try {
      const xmc = store.listReports().find((r) => r.template === 'xmc')!;
      const rows = store.loadGrid(xmc.id).rows;
      for (const u of view.units) {
        for (const g of u.groups.filter((x) => x.template === 'xmc')) {
          const levels = MERGERS[u.unit].map((name) => {
            const marked = ['MĐ1', 'MĐ2'].filter((k) => rows.find((row) => row.unit === name)!.values[`${g.group}|${k}`]);
            expect(marked).toHaveLength(1);
            return marked[0];
          });
          expect(g, `${u.unit} ${g.group}`).toEqual({ template: 'xmc', group: g.group, level: levels.sort()[0], bound: 'lower' });
        }
      }
    } finally {
      store.close();
    }
  }, 120_000);
});

describe('an ambiguous row', () => {
  it('two districts named Châu Thành, each with an An Hiệp: the row is refused ("ghi mã xã cũ"), the others apply', async () => {
    const db = await seededDb('ambiguous.db');
    const store = Store.open(db);
    try {
      for (const p of ['Tiền Giang', 'Bến Tre']) {
        const province = store.addUnit({ parentId: null, name: p, kind: 'tinh' });
        const d = store.addUnit({ parentId: province.id, name: 'Châu Thành', kind: 'huyen' });
        store.addUnit({ parentId: d.id, name: 'An Hiệp', kind: 'xa' });
      }
      const r = await applyChangeTableFile(store, TABLE);
      const row = r.rows.find((x) => x.row === 26)!;
      expect(row).toMatchObject({ status: 'refused', unit: null });
      expect(row.reason).toBe('Có 2 huyện Châu Thành trong cơ sở dữ liệu: ghi mã xã cũ để biết là xã nào.');
      expect(r.rows.filter((x) => x.status === 'ok')).toHaveLength(21);
      expect(store.reform.snapshot().links.some((l) => store.getUnit(l.from)?.name === 'An Hiệp')).toBe(false);
    } finally {
      store.close();
    }
  });
});
