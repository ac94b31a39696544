// The total row follows the unit's own kind word (migration 4's kind_word): a phường office's
// grid totals "Tổng toàn phường", a thị trấn's "Tổng toàn thị trấn", an đặc khu's "Tổng toàn đặc
// khu", where the tier alone said "Tổng toàn xã". A xã keeps "xã"; a tỉnh and a huyện are as
// before. Both sides: the Excel writer (electron/core/excel/write.ts) and the screen
// (renderer/src/platform/format.ts), the store's kindOf, the exported workbook and a commune form.
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { SHEET_LAYOUT, totalLabel as writerTotal } from '../../electron/core/excel/write';
import { formForCommune } from '../../electron/core/forms-out';
import { aggregateWord, aggregateWords, totalLabel as screenTotal } from '../../renderer/src/platform/format';
import { wordsKind } from '../../shared/units/words';
import { openTestApp, type TestApp } from '../support/handlers';

const apps: TestApp[] = [];
afterEach(async () => {
  while (apps.length) await apps.pop()!.close();
});

function open(): TestApp {
  const app = openTestApp('pcgd-total-kind-');
  apps.push(app);
  return app;
}

async function workbook(data: Buffer | string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((typeof data === 'string' ? Buffer.from(data, 'base64') : data) as unknown as ArrayBuffer);
  return wb;
}

/** Every text cell of every sheet. */
function texts(wb: ExcelJS.Workbook): Set<string> {
  const out = new Set<string>();
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => {
    if (typeof c.value === 'string') out.add(c.value.trim());
  })));
  return out;
}

/** The label of the total row of a grid sheet: column B of the row after the last unit row. */
function totalRowLabel(wb: ExcelJS.Workbook, sheet: string, units: number): string {
  return String(wb.getWorksheet(sheet)!.getCell(SHEET_LAYOUT.firstCommuneRow + units, 2).value);
}

describe('the total row label from the unit’s kind word', () => {
  for (const [name, total] of [['writer', writerTotal], ['screen', screenTotal]] as const) {
    it(`${name}: a phường, a thị trấn, an đặc khu get their own word; a xã keeps xã`, () => {
      expect(total('xa', 'phuong')).toBe('Tổng toàn phường');
      expect(total('xa', 'thi-tran')).toBe('Tổng toàn thị trấn');
      expect(total('xa', 'dac-khu')).toBe('Tổng toàn đặc khu');
      expect(total('xa', 'xa')).toBe('Tổng toàn xã');
      expect(total('xa', null)).toBe('Tổng toàn xã');
      expect(total('xa')).toBe('Tổng toàn xã');
    });

    it(`${name}: a tỉnh and a huyện unchanged, and a kind word of another tier is not taken`, () => {
      expect(total('tinh', 'tinh')).toBe('Tổng toàn tỉnh');
      expect(total('tinh')).toBe('Tổng toàn tỉnh');
      expect(total('huyen', 'huyen')).toBe('Tổng toàn huyện');
      expect(total('huyen')).toBe('Tổng toàn huyện');
      // A stray kind word of another tier (a commune's on a district) says nothing about the unit.
      expect(total('huyen', 'phuong')).toBe('Tổng toàn huyện');
      expect(total('xa', 'huyen')).toBe('Tổng toàn xã');
    });
  }

  it('wordsKind: the unit’s own kind within its tier, else the tier’s', () => {
    expect(wordsKind('xa', 'phuong')).toBe('phuong');
    expect(wordsKind('xa', undefined)).toBe('xa');
    expect(wordsKind('tinh', 'xa')).toBe('tinh');
  });

  it('the screen’s other words of the unit follow it too: the rollup line and the header', () => {
    expect(aggregateWord('xa', 'phuong')).toBe('phường');
    expect(aggregateWord('xa')).toBe('xã');
    expect(aggregateWords({ kind: 'xa', name: 'Sông Hiến', detailedKind: 'phuong' }).governing).toBe('ỦY BAN NHÂN DÂN PHƯỜNG SÔNG HIẾN');
    expect(aggregateWords({ kind: 'huyen', name: 'Hà Quảng', detailedKind: 'huyen' }).totalRow).toBe('Tổng toàn huyện');
  });
});

describe('a commune-level office in the app', () => {
  it('a phường office: the store knows its kind, its grid’s unit carries it, its workbook totals "Tổng toàn phường" under "ỦY BAN NHÂN DÂN PHƯỜNG …"', async () => {
    const app = open();
    const { unitId } = await app.api.createOffice({ kind: 'phuong', name: 'Phường Sông Hiến', rows: ['Tổ 1', 'Tổ 2', 'Tổ 3'] });
    expect(app.store.getUnit(unitId)).toMatchObject({ kind: 'xa' });
    expect(app.store.reform.kindOf(unitId)).toBe('phuong');
    const view = await app.api.openGrid({ template: 'xmc' });
    expect(view.unit).toMatchObject({ id: unitId, kind: 'xa', detailedKind: 'phuong' });
    const wb = await workbook((await app.api.exportWorkbook({ unitId })).data);
    for (const sheet of ['Phụ lục 1', 'Phụ lục 2']) expect(totalRowLabel(wb, sheet, 3), sheet).toBe('Tổng toàn phường');
    const cells = texts(wb);
    expect(cells).toContain('ỦY BAN NHÂN DÂN PHƯỜNG SÔNG HIẾN');
    expect(cells).not.toContain('Tổng toàn xã');
  });

  it('"Cần theo dõi" names a note on a phường’s own row "Tổng toàn phường", as its grid does', async () => {
    const app = open();
    const { unitId } = await app.api.createOffice({ kind: 'phuong', name: 'Phường Sông Hiến', rows: ['Tổ 1', 'Tổ 2'] });
    const mn = app.store.listReports(unitId).find((r) => r.template === 'pcgd-mn')!;
    await app.api.setNote({ reportId: mn.id, unitId, key: '2020/3 tuổi|Đánh giá', note: 'Đánh giá của phường cần sửa', followUp: true });
    expect((await app.api.followUps({ unitId })).items.map((i) => i.unitName)).toEqual(['Tổng toàn phường']);
  });

  it('a đặc khu office totals "Tổng toàn đặc khu"; a xã office still "Tổng toàn xã"', async () => {
    const dac = open();
    const d = await dac.api.createOffice({ kind: 'dac-khu', name: 'Đặc khu Cô Tô', rows: ['Thôn 1', 'Thôn 2'] });
    const dacBook = await workbook((await dac.api.exportWorkbook({ unitId: d.unitId })).data);
    expect(totalRowLabel(dacBook, 'Phụ lục 1', 2)).toBe('Tổng toàn đặc khu');

    const xa = open();
    const x = await xa.api.createOffice({ kind: 'xa', name: 'Xã Trường Hà', rows: ['Thôn Nà Mạ', 'Thôn Bản Gủn'] });
    expect(xa.store.reform.kindOf(x.unitId)).toBe('xa');
    expect((await xa.api.openGrid({ template: 'xmc' })).unit.detailedKind).toBe('xa');
    const xaBook = await workbook((await xa.api.exportWorkbook({ unitId: x.unitId })).data);
    expect(totalRowLabel(xaBook, 'Phụ lục 1', 2)).toBe('Tổng toàn xã');
    expect(texts(xaBook)).toContain('ỦY BAN NHÂN DÂN XÃ TRƯỜNG HÀ');
  });

  it('a thị trấn by its stored kind word (its name says no kind): "Tổng toàn thị trấn", "ỦY BAN NHÂN DÂN THỊ TRẤN …"', async () => {
    const app = open();
    const { unitId } = await app.api.createOffice({ kind: 'xa', name: 'Thông Nông', rows: ['Tổ 1', 'Tổ 2'] });
    expect((await app.api.openGrid({ template: 'xmc' })).unit.detailedKind).toBe('xa');
    app.store.setKindWord(unitId, 'thi-tran');
    expect(app.store.reform.kindOf(unitId)).toBe('thi-tran');
    expect((await app.api.openGrid({ template: 'xmc' })).unit.detailedKind).toBe('thi-tran');
    const wb = await workbook((await app.api.exportWorkbook({ unitId })).data);
    expect(totalRowLabel(wb, 'Phụ lục 1', 2)).toBe('Tổng toàn thị trấn');
    expect(texts(wb)).toContain('ỦY BAN NHÂN DÂN THỊ TRẤN THÔNG NÔNG');
  });
});

describe('a district, and the forms it sends', () => {
  it('a huyện totals "Tổng toàn huyện" as before; a commune stored as a phường, its name without the word, gets "Biểu dành cho phường …"', async () => {
    const app = open();
    await app.api.createDistrict({ name: 'Hà Quảng', communes: ['Cần Nông', 'Sông Hiến'] });
    const district = app.store.districts()[0];
    expect(app.store.reform.kindOf(district.id)).toBe('huyen');
    const wb = await workbook((await app.api.exportWorkbook({ unitId: district.id })).data);
    expect(totalRowLabel(wb, 'Phụ lục 1', 2)).toBe('Tổng toàn huyện');

    const [plain, ward] = app.store.children(district.id);
    app.store.setKindWord(ward.id, 'phuong');
    const forLine = async (id: number) => String((await workbook(await formForCommune(app.store, id))).getWorksheet('Phụ lục 1')!.getCell(SHEET_LAYOUT.planRefRow, 1).value);
    expect(await forLine(ward.id)).toBe('Biểu dành cho phường Sông Hiến');
    expect(await forLine(plain.id)).toBe('Biểu dành cho xã Cần Nông');
  });

  it('an unknown unit has no kind', () => {
    const app = open();
    expect(app.store.reform.kindOf(987654)).toBeNull();
  });
});
