// The 2025 units in the app (issue 10, items 3 and 4, the app's part): the first run of a province
// office and of a commune office, whose grids and report take the unit's words ("ỦY BAN NHÂN DÂN
// TỈNH …", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Tổng toàn tỉnh"); a commune added, renamed (the old name kept
// as an alias), merged and retired through the contract, each one step of unit_changes that
// "Hoàn tác" takes back; a change table previewed (nothing stored) and then applied.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnsOf } from '../../shared/grid';
import { getTemplate } from '../../shared/templates';
import { appsClosedAfterEach, refusal, type TestApp } from '../support/handlers';

const ROOT = join(import.meta.dirname, '..', '..');
const TABLE = join(ROOT, 'tests/fixtures/plans/ha-quang-chuyen-doi.xlsx');
const open = appsClosedAfterEach('pcgd-units-app-');

/** Every text cell of every sheet of a workbook sent as base64. */
async function texts(data: string): Promise<Set<string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(data, 'base64') as unknown as ArrayBuffer);
  const out = new Set<string>();
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => {
    if (typeof c.value === 'string') out.add(c.value.trim());
  })));
  return out;
}

async function province(app: TestApp) {
  const { unitId } = await app.api.createOffice({ kind: 'tinh', name: 'Cao Bằng', rows: ['Xã Cần Nông', 'Lương Thông', 'Cần Yên', 'Phường Sông Hiến', 'Đa Thông'] });
  const view = await app.api.unitsView({});
  const byName = (n: string) => view.units.find((u) => u.name === n && u.parentId === unitId)!;
  return { unitId, view, byName };
}

describe('first run of a province office', () => {
  it('makes the province with its communes (kind words kept: phường) and four grids whose report speaks of the province', async () => {
    const app = open();
    const { unitId, view, byName } = await province(app);
    expect(view.units.find((u) => u.id === unitId)).toMatchObject({ kind: 'tinh', name: 'Cao Bằng', parentId: null });
    expect(byName('Cần Nông').kind).toBe('xa');
    expect(byName('Phường Sông Hiến').kind).toBe('phuong');
    expect(app.store.listReports(unitId)).toHaveLength(4);
    const grid = await app.api.openGrid({ template: 'xmc' });
    expect(grid.unit).toMatchObject({ id: unitId, kind: 'tinh' });
    expect(grid.grid.rows.map((r) => r.unit)).toEqual(['Cần Nông', 'Lương Thông', 'Cần Yên', 'Phường Sông Hiến', 'Đa Thông']);
    const cells = await texts((await app.api.exportWorkbook({ unitId })).data);
    expect(cells).toContain('ỦY BAN NHÂN DÂN TỈNH CAO BẰNG');
    expect(cells).toContain('SỞ GIÁO DỤC VÀ ĐÀO TẠO');
    expect(cells).toContain('Tổng toàn tỉnh');
    expect([...cells].some((c) => /HUYỆN|PHÒNG GIÁO DỤC|Tổng toàn huyện/.test(c))).toBe(false);
    expect(await refusal(app.api.createOffice({ kind: 'tinh', name: 'Bắc Kạn', rows: ['Xã A'] }))).toMatch(/đã có đơn vị/);
  });

  it('a commune office: the xã with its thôn as rows, its report "ỦY BAN NHÂN DÂN XÃ …" and "Tổng toàn xã"', async () => {
    const app = open();
    const { unitId } = await app.api.createOffice({ kind: 'xa', name: 'Xã Trường Hà', rows: ['Thôn Nà Mạ', 'Thôn Bản Gủn'] });
    expect(app.store.getUnit(unitId)).toMatchObject({ name: 'Trường Hà', kind: 'xa', parentId: null });
    const cells = await texts((await app.api.exportWorkbook({ unitId })).data);
    expect(cells).toContain('ỦY BAN NHÂN DÂN XÃ TRƯỜNG HÀ');
    expect(cells).toContain('Tổng toàn xã');
    expect(cells).not.toContain('SỞ GIÁO DỤC VÀ ĐÀO TẠO');
  });
});

describe('unit changes made in the app', () => {
  it('merges three communes into one taking one of their names, closes them the day before, and Hoàn tác puts everything back', async () => {
    const app = open();
    const { unitId, byName } = await province(app);
    const olds = ['Cần Nông', 'Lương Thông', 'Cần Yên'].map((n) => byName(n).id);
    const r = await app.api.changeUnits({ op: 'merge', unitIds: olds, parentId: unitId, kind: 'xa', name: 'Xã Cần Yên', code: '01366', date: '2025-07-01' });
    expect(r.summary).toBe('Nhập xã Cần Nông, xã Lương Thông, xã Cần Yên thành Xã Cần Yên từ ngày 01/07/2025.');
    const after = await app.api.unitsView({});
    const made = after.units.find((u) => u.name === 'Cần Yên' && u.validFrom === '2025-07-01')!;
    expect(made).toMatchObject({ kind: 'xa', parentId: unitId, validTo: null, codes: [{ scheme: 'ma-dvhc-2025', code: '01366' }] });
    expect(after.links.filter((l) => l.to === made.id).map((l) => [l.from, l.change, l.link, l.source])).toEqual(
      olds.map((id) => [id, 'Nhập toàn bộ', 'whole', 'nhập trong ứng dụng']),
    );
    for (const id of olds) expect(after.units.find((u) => u.id === id)!.validTo).toBe('2025-06-30');
    expect(after.changes[0]).toMatchObject({ id: r.changeId, summary: r.summary, undone: false, source: 'nhập trong ứng dụng' });
    // A commune merged whole cannot be merged again.
    expect(await refusal(app.api.changeUnits({ op: 'merge', unitIds: [olds[0], byName('Đa Thông').id], parentId: unitId, kind: 'xa', name: 'Khác', date: '2025-07-01' }))).toMatch(
      /đã được nhập vào đơn vị khác/,
    );

    await app.api.undoUnitChange({ changeId: r.changeId });
    const back = await app.api.unitsView({});
    expect(back.units.some((u) => u.id === made.id)).toBe(false);
    expect(back.links).toEqual([]);
    for (const id of olds) expect(back.units.find((u) => u.id === id)!.validTo).toBeNull();
    expect(back.changes[0]).toMatchObject({ id: r.changeId, undone: true });
    expect(await refusal(app.api.undoUnitChange({ changeId: r.changeId }))).toBe('Bước này đã được hoàn tác.');
  });

  it('renames a commune keeping its old name as an alias; undone, the name and aliases are as before', async () => {
    const app = open();
    const { byName } = await province(app);
    const id = byName('Đa Thông').id;
    const r = await app.api.changeUnits({ op: 'rename', unitId: id, name: 'Thông Nông' });
    expect(r.summary).toBe('Đổi tên xã Đa Thông thành Thông Nông (tên cũ vẫn được nhận ra).');
    expect((await app.api.unitsView({})).units.find((u) => u.id === id)).toMatchObject({ name: 'Thông Nông', aliases: ['Đa Thông'] });
    expect(await refusal(app.api.changeUnits({ op: 'rename', unitId: byName('Cần Yên').id, name: 'Thông Nông' }))).toBe('Đã có xã Thông Nông.');
    await app.api.undoUnitChange({ changeId: r.changeId });
    expect((await app.api.unitsView({})).units.find((u) => u.id === id)).toMatchObject({ name: 'Đa Thông', aliases: [] });
  });

  it('adds a commune (a clash refused) and retires one from a date, each its own step', async () => {
    const app = open();
    const { unitId, byName } = await province(app);
    expect(await refusal(app.api.changeUnits({ op: 'add', parentId: unitId, kind: 'xa', name: 'Xã Lương Thông' }))).toBe('Đã có xã Lương Thông.');
    const added = await app.api.changeUnits({ op: 'add', parentId: unitId, kind: 'dac-khu', name: 'Đặc khu Bạch Long Vĩ', date: '2025-07-01' });
    expect(added.summary).toBe('Thêm Đặc khu Bạch Long Vĩ từ ngày 01/07/2025.');
    const view = await app.api.unitsView({});
    expect(view.units.find((u) => u.name === 'Bạch Long Vĩ')).toMatchObject({ kind: 'dac-khu', parentId: unitId, validFrom: '2025-07-01' });
    // The new commune is a row of the province's grids.
    expect((await app.api.openGrid({ template: 'xmc', unitId })).grid.rows.map((r) => r.unit)).toContain('Bạch Long Vĩ');
    const retired = await app.api.changeUnits({ op: 'retire', unitId: byName('Lương Thông').id, date: '2026-01-01' });
    expect(retired.summary).toBe('Xã Lương Thông thôi hiệu lực từ ngày 01/01/2026.');
    expect((await app.api.unitsView({})).units.find((u) => u.name === 'Lương Thông')!.validTo).toBe('2025-12-31');
    expect((await app.api.unitsView({})).changes.map((c) => c.id)).toEqual([retired.changeId, added.changeId]);
    await app.api.undoUnitChange({ changeId: retired.changeId });
    expect((await app.api.unitsView({})).units.find((u) => u.name === 'Lương Thông')!.validTo).toBeNull();
  });

  it('refuses to undo the making of a commune that values were typed for since', async () => {
    const app = open();
    const { unitId } = await province(app);
    const added = await app.api.changeUnits({ op: 'add', parentId: unitId, kind: 'xa', name: 'Mới' });
    const id = (await app.api.unitsView({})).units.find((u) => u.name === 'Mới')!.id;
    const grid = await app.api.openGrid({ template: 'xmc', unitId });
    const key = columnsOf(getTemplate('xmc'), grid.report.layout).find((c) => c.kind === 'mark')!.key;
    await app.api.setCells({ reportId: grid.report.id, writes: [{ unitId: id, key, value: 'x' }] });
    expect(await refusal(app.api.undoUnitChange({ changeId: added.changeId }))).toMatch(/^Không hoàn tác được/);
    expect((await app.api.unitsView({})).units.some((u) => u.id === id)).toBe(true);
  });
});

describe('a change table in the app', () => {
  it('previews the Hà Quảng table (21 rows apply, 2 refused with reasons) storing nothing, then applies it as one undoable step', async () => {
    const app = open();
    await app.api.loadDemo({});
    const file = { name: 'ha-quang-chuyen-doi.xlsx', data: readFileSync(TABLE).toString('base64') };
    const before = await app.api.unitsView({});
    const preview = await app.api.previewChangeTable({ file });
    expect(preview.rows.filter((r) => r.status === 'ok')).toHaveLength(21);
    const refused = preview.rows.filter((r) => r.status === 'refused');
    expect(refused).toHaveLength(2);
    for (const r of refused) expect(r.reason).toMatch(/^[A-ZÀ-Ỹ]/u);
    expect(preview.created).toContain('Xã Tổng Cọt');
    expect(await app.api.unitsView({})).toEqual(before);

    const applied = await app.api.applyChangeTable({ file });
    expect(applied.changeId).not.toBeNull();
    const after = await app.api.unitsView({});
    expect(after.units.filter((u) => u.validFrom === '2025-07-01' && u.kind === 'xa')).toHaveLength(7);
    expect(after.links).toHaveLength(21);
    expect(after.changes[0].summary).toBe('Áp dụng bảng chuyển đổi ha-quang-chuyen-doi.xlsx: 21 dòng, tạo 7 đơn vị.');
    // Applied again it changes nothing: no new step.
    expect((await app.api.applyChangeTable({ file })).changeId).toBeNull();

    await app.api.undoUnitChange({ changeId: applied.changeId! });
    const undone = await app.api.unitsView({});
    expect(undone.units).toEqual(before.units);
    expect(undone.links).toEqual([]);
  });

  it('says in one sentence that a workbook holds no change table', async () => {
    const app = open();
    const data = readFileSync(join(ROOT, 'seeds/ha-quang.xlsx')).toString('base64');
    expect(await refusal(app.api.previewChangeTable({ file: { name: 'ha-quang.xlsx', data } }))).toMatch(/không có bảng chuyển đổi đơn vị/);
  });
});
