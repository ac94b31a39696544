// Forms out: one fill-in file per commune, from a real store seeded with the Hà Quảng grids.
// Each form is read back the way a person and the app will meet it: exceljs for what Excel
// shows (the one row, unlocked inputs, protection, validation, the hidden origin), the app's
// own reader and rules for what an import will make of it, and a copy LibreOffice re-saved for
// what survives a commune without Microsoft Office.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildForm, MARK_VALIDATION, ORIGIN_SHEET, readOrigin, SHEET_SPIN_COUNT, type FormArgs } from '../../electron/core/excel/forms';
import { readWorkbookBuffer } from '../../electron/core/excel/read';
import { SHEET_LAYOUT } from '../../electron/core/excel/write';
import { ExportError, gridsOf, pickDistrict } from '../../electron/core/export';
import { formFileNames, formForCommune, formsZip, writeForms, type FormFile } from '../../electron/core/forms-out';
import { importBuffer } from '../../electron/core/import';
import { Store } from '../../electron/core/store/store';
import type { UnitRecord } from '../../electron/core/store/types';
import { parseOrigin, serializeOrigin, type FormOrigin } from '../../shared/form-origin';
import { columnsOf, emptyGrid, type Grid } from '../../shared/grid';
import { validateWorkbook } from '../../shared/report';
import { getTemplate, TEMPLATES, type TemplateDef } from '../../shared/templates';
import { unitKey } from '../../shared/text/normalize';
import { FIXTURE_FORM_SECRET } from '../support/fixture-secret';
import { sealOf, storeSeal } from '../../electron/core/form-seal';

const REPO = join(import.meta.dirname, '..', '..');
const SEED = join(REPO, 'seeds', 'ha-quang.xlsx');
const LO_FORM = join(REPO, 'tests', 'fixtures', 'forms', 'libreoffice-Can_Nong.xlsx');
const ISSUED = new Date('2025-09-15T08:00:00Z');
const SEAL = sealOf(FIXTURE_FORM_SECRET);
const ROW = SHEET_LAYOUT.firstCommuneRow; // the one commune row
const FIRST_DATA_COL = 3; // after STT and the name

const EXPECTED_FILES = [
  'Cai_Vien.xlsx', 'Can_Nong.xlsx', 'Can_Yen.xlsx', 'Hong_Sy.xlsx', 'Lung_Nam.xlsx', 'Luong_Can.xlsx', 'Luong_Thong.xlsx',
  'Ma_Ba.xlsx', 'Ngoc_Dao.xlsx', 'Ngoc_Dong.xlsx', 'Noi_Thon.xlsx', 'Quy_Quan.xlsx', 'Soc_Ha.xlsx', 'Thanh_Long.xlsx',
  'Thi_Tran_Thong_Nong.xlsx', 'Thuong_Thon.xlsx', 'Tong_Cot.xlsx', 'Truong_Ha.xlsx', 'Xuan_Hoa.xlsx', 'Yen_Son.xlsx', 'Da_Thong.xlsx',
];

let dir: string;
let store: Store;
let district: UnitRecord;
let files: FormFile[];
const progress: [number, number][] = [];

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs types its Buffer as an ArrayBuffer; under Node it takes a Node Buffer.
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

function fileOf(name: string): string {
  const f = files.find((x) => basename(x.file) === name);
  if (!f) throw new Error(`no form ${name}`);
  return f.file;
}

function communeNamed(name: string): UnitRecord {
  const u = store.children(district.id).find((c) => unitKey(c.name) === unitKey(name));
  if (!u) throw new Error(`no commune ${name}`);
  return u;
}

function text(ws: ExcelJS.Worksheet, r: number, c: number): string {
  const v = ws.getCell(r, c).value;
  if (v && typeof v === 'object' && 'richText' in v) return v.richText.map((p) => p.text).join('');
  return v === null || v === undefined ? '' : String(v);
}

function templateOf(ws: ExcelJS.Worksheet): TemplateDef {
  const t = TEMPLATES.find((x) => x.appendix === ws.name);
  if (!t) throw new Error(`no template for ${ws.name}`);
  return t;
}

/** The grid sheets of a form: every sheet but the origin. */
function gridSheets(wb: ExcelJS.Workbook): ExcelJS.Worksheet[] {
  return wb.worksheets.filter((ws) => ws.name !== ORIGIN_SHEET);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pcgd-forms-'));
  store = Store.open(join(dir, 'pcgd.db'));
  store.adoptFormSecret(FIXTURE_FORM_SECRET); // the database the LibreOffice fixture was signed by
  const imported = await importBuffer(store, 'ha-quang.xlsx', readFileSync(SEED));
  expect(imported.status).toBe('ok');
  district = pickDistrict(store);
  // A folder two levels down that does not exist yet: writeForms creates it.
  ({ files } = await writeForms(store, join(dir, 'gui-xa', 'dot-1'), {
    issuedAt: ISSUED,
    onProgress: (done, total) => progress.push([done, total]),
  }));
});

afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('writeForms', () => {
  it('writes one file per commune of the district, named by the ASCII name, into a folder it creates', () => {
    expect(files).toHaveLength(21);
    expect(files.map((f) => basename(f.file))).toEqual(EXPECTED_FILES);
    expect(files.map((f) => f.commune)).toEqual(store.children(district.id).map((c) => c.name));
    for (const f of files) expect(existsSync(f.file)).toBe(true);
    expect(progress).toEqual(files.map((_, i) => [i + 1, 21]));
  });

  it('leaves no temporary file behind', () => {
    expect(readdirSync(join(dir, 'gui-xa', 'dot-1')).sort()).toEqual([...EXPECTED_FILES].sort());
  });

  it('names a clash of ASCII names with _2, _3, without regard to case, and avoids names Windows refuses', () => {
    const names = formFileNames([
      { id: 1, name: 'Cần Nông' },
      { id: 2, name: 'Căn Nông' },
      { id: 3, name: 'CẦN NÔNG' },
      { id: 4, name: 'Côn' },
      { id: 5, name: '…' },
    ]);
    expect(names).toEqual(['Can_Nong.xlsx', 'Can_Nong_2.xlsx', 'Can_Nong_3.xlsx', 'Xa_Con.xlsx', 'Don_Vi_5.xlsx']);
  });

  it('says in Vietnamese when there is nothing to send', async () => {
    const empty = Store.open(join(dir, 'empty.db'));
    try {
      await expect(writeForms(empty, join(dir, 'none'))).rejects.toThrow(ExportError);
      const d = empty.addUnit({ parentId: null, name: 'Hà Quảng', kind: 'huyen' });
      await expect(writeForms(empty, join(dir, 'none'))).rejects.toThrow(/chưa có xã nào/);
      empty.addUnits(d.id, ['Cần Nông'], 'xa');
      await expect(writeForms(empty, join(dir, 'none'))).rejects.toThrow(/chưa có biểu nào/);
      await expect(formForCommune(empty, d.id, ISSUED)).rejects.toThrow(/không thuộc huyện nào/);
      await expect(formForCommune(empty, 9999, ISSUED)).rejects.toThrow(/không có xã #9999/);
    } finally {
      empty.close();
    }
  });
});

describe('a form as Excel shows it', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await load(readFileSync(fileOf('Can_Nong.xlsx')));
  });

  it('has the four appendix sheets and the origin sheet, veryHidden, last', () => {
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Phụ lục 1', 'Phụ lục 2', 'Phụ lục 3', 'Phụ lục 4', ORIGIN_SHEET]);
    expect(gridSheets(wb).every((ws) => ws.state === 'visible')).toBe(true);
    expect(wb.getWorksheet(ORIGIN_SHEET)!.state).toBe('veryHidden');
  });

  it('holds only the commune row: no total row, the commune named under the title, instructions under the notes', () => {
    for (const ws of gridSheets(wb)) {
      expect(text(ws, SHEET_LAYOUT.titleRow, 1)).toMatch(/TRÊN ĐỊA BÀN HUYỆN HÀ QUẢNG$/);
      expect(text(ws, SHEET_LAYOUT.planRefRow, 1)).toBe('Biểu dành cho xã Cần Nông');
      // A merged block: exceljs shows the master's text in every cell of it.
      const dateRow = new Set([...Array(ws.columnCount).keys()].map((c) => text(ws, SHEET_LAYOUT.dateRow, c + 1)).filter(Boolean));
      expect([...dateRow]).toEqual(['Hà Quảng, ngày 15 tháng 9 năm 2025']);
      expect(ws.getCell(ROW, 1).value).toBe(1);
      expect(text(ws, ROW, 2)).toBe('Cần Nông');
      // The row after the commune is blank: no "Tổng toàn huyện", no COUNTIF.
      for (let c = 1; c <= ws.columnCount; c++) expect(text(ws, ROW + 1, c)).toBe('');
      expect(text(ws, ROW + 2, 1)).toMatch(/^Ghi chú:/);
      expect(text(ws, ROW + 3, 1)).toBe(
        'Hướng dẫn: đánh dấu x vào đúng một mức của mỗi nhóm; để trống nếu chưa đạt. Không đổi tên trang, không thêm dòng. Lưu tệp dạng .xlsx và gửi lại Phòng GD&ĐT.',
      );
      const signatures = [...Array(ws.rowCount).keys()].map((i) => text(ws, i + 1, 1)).filter((t) => t === 'NGƯỜI LẬP BIỂU');
      expect(signatures).toHaveLength(1);
    }
  });

  it('prints the stored values of the commune', () => {
    const ws = wb.getWorksheet('Phụ lục 2')!;
    const keys = columnsOf(getTemplate('pcgd-mn'), { results: ['2020'], periods: ['2021-2025', '2026-2030'] }).map((c) => c.key);
    const stored = gridsOf(store, district).find((g) => g.template === 'pcgd-mn')!.rows.find((r) => r.unit === 'Cần Nông')!.values;
    keys.forEach((k, j) => expect(text(ws, ROW, FIRST_DATA_COL + j)).toBe(stored[k] ?? ''));
    expect(stored['2020/3 tuổi|Đánh giá']).toBe('KĐ');
  });

  it('unlocks the mark and Đánh giá cells of the row and nothing else', () => {
    for (const ws of gridSheets(wb)) {
      const t = templateOf(ws);
      const cols = columnsOf(t, t.defaultLayout);
      cols.forEach((_, j) => expect(ws.getCell(ROW, FIRST_DATA_COL + j).protection?.locked).toBe(false));
      let unlocked = 0;
      ws.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (cell) => {
          if (cell.protection?.locked === false) unlocked++;
        }),
      );
      expect(unlocked).toBe(cols.length);
      for (const address of ['A1', 'A6', 'A13', 'B13', 'C9', 'C12']) expect(ws.getCell(address).protection?.locked).not.toBe(false);
    }
  });

  it('protects every grid sheet with the password of this database, cells selectable, columns and rows resizable', () => {
    for (const ws of gridSheets(wb)) {
      // exceljs keeps the parsed <sheetProtection> here; it is not in its typings.
      const p = (ws as unknown as { sheetProtection: Record<string, unknown> | null }).sheetProtection;
      expect(p).toMatchObject({ sheet: true, formatColumns: true, formatRows: true, algorithmName: 'SHA-512', spinCount: SHEET_SPIN_COUNT });
      // Excel's own check of a password: SHA-512 over salt and password, then spinCount rounds.
      const excelHash = (password: string) => {
        let h = createHash('sha512').update(Buffer.from(String(p!.saltValue), 'base64')).update(Buffer.from(password, 'utf16le')).digest();
        for (let i = 0; i < Number(p!.spinCount); i++) {
          const n = Buffer.alloc(4);
          n.writeUInt32LE(i);
          h = createHash('sha512').update(h).update(n).digest();
        }
        return h.toString('base64');
      };
      expect(excelHash(storeSeal(store).sheetPassword)).toBe(p!.hashValue);
      expect(excelHash('')).not.toBe(p!.hashValue);
      // Derived from the database's secret: another database's password does not open it.
      expect(excelHash(sealOf(randomBytes(32)).sheetPassword)).not.toBe(p!.hashValue);
      // Absent means allowed: selecting either kind of cell is not forbidden.
      expect(p!.selectLockedCells).not.toBe(false);
      expect(p!.selectUnlockedCells).not.toBe(false);
      expect(p!.insertRows).toBeUndefined();
    }
  });

  it('puts a list check ("x" or blank, message in Vietnamese) on every mark cell and none on Đánh giá', () => {
    for (const ws of gridSheets(wb)) {
      const t = templateOf(ws);
      columnsOf(t, t.defaultLayout).forEach((c, j) => {
        const dv = ws.getCell(ROW, FIRST_DATA_COL + j).dataValidation;
        if (c.kind === 'mark') {
          expect(dv).toMatchObject({ type: 'list', formulae: ['"x"'], allowBlank: true, showErrorMessage: true, showInputMessage: true });
          expect(dv.error).toBe('Chỉ được để trống hoặc gõ x.');
          expect(dv.prompt).toBe(MARK_VALIDATION.prompt);
        } else {
          expect(dv).toBeUndefined();
        }
      });
      expect(ws.getCell(ROW, 2).dataValidation).toBeUndefined();
    }
  });

  it('carries its origin: district, commune, issue date and the values as stored', () => {
    const o = readOrigin(wb)!;
    const commune = communeNamed('Cần Nông');
    expect(o).toMatchObject({ v: 1, district: 'Hà Quảng', districtId: district.id, commune: 'Cần Nông', communeId: commune.id, issuedAt: ISSUED.toISOString() });
    const stored = gridsOf(store, district);
    expect(o.grids.map((g) => g.template)).toEqual(stored.map((g) => g.template));
    stored.forEach((g, i) => {
      expect(o.grids[i].layout).toEqual(g.layout);
      expect(o.grids[i].values).toEqual(g.rows.find((r) => r.unitId === commune.id)!.values);
    });
  });
});

describe('a form as the app reads it back', () => {
  it('every form: four sheets of one commune row each, no total row, nothing unrecognised, no error but the seed’s own', async () => {
    for (const f of files) {
      const buf = readFileSync(f.file);
      const read = await readWorkbookBuffer(buf, f.file);
      const origin = readOrigin(await load(buf))!;
      expect(read.sheets.map((s) => s.sheet)).toEqual(['Phụ lục 1', 'Phụ lục 2', 'Phụ lục 3', 'Phụ lục 4']);
      read.sheets.forEach((s, i) => {
        expect(s.grid.rows.map((r) => r.unit)).toEqual([f.commune]);
        expect(s.totalRow).toBeUndefined();
        expect(s.printedTotals).toBeUndefined();
        // An untouched form reads as exactly what it was issued with: no change to import.
        expect(s.grid.rows[0].values).toEqual(origin.grids[i].values);
      });
      expect(read.unrecognized).toEqual([]);
      const errors = validateWorkbook(f.file, read).findings.filter((x) => x.severity === 'error');
      // Seed 001's one real inconsistency: Lương Thông has both Đạt and KĐ for 3-year-olds in 2020.
      // A form carries the stored values as they are, so its form shows the double mark too.
      if (f.commune === 'Lương Thông') expect(errors.map((e) => [e.rule, e.sheet, e.cell])).toEqual([['mark.exclusive', 'Phụ lục 2', `C${ROW}`]]);
      else expect(errors).toEqual([]);
    }
  });

  it('formForCommune gives the same form as the one written to the folder', async () => {
    const commune = communeNamed('Tổng Cột');
    const wb = await load(await formForCommune(store, commune.id, ISSUED));
    const written = await load(readFileSync(fileOf('Tong_Cot.xlsx')));
    expect(readOrigin(wb)).toEqual(readOrigin(written));
    // A commune named "Tổng …" is still a commune row, never taken for a total.
    const read = await readWorkbookBuffer(await formForCommune(store, commune.id, ISSUED), 'Tong_Cot.xlsx');
    expect(read.sheets.every((s) => s.grid.rows.length === 1 && s.totalRow === undefined)).toBe(true);
  });

  it('formsZip packs every form, each entry a readable form', async () => {
    const { data, count } = await formsZip(store, district, ISSUED);
    expect(count).toBe(21);
    // Walk the local headers of the stored (uncompressed) entries.
    const names: string[] = [];
    let first: Buffer | undefined;
    for (let at = 0; data.readUInt32LE(at) === 0x04034b50; ) {
      expect(data.readUInt16LE(at + 8)).toBe(0);
      const size = data.readUInt32LE(at + 18);
      const nameLen = data.readUInt16LE(at + 26);
      names.push(data.subarray(at + 30, at + 30 + nameLen).toString('utf8'));
      first ??= data.subarray(at + 30 + nameLen, at + 30 + nameLen + size);
      at += 30 + nameLen + size;
    }
    expect(names).toEqual(EXPECTED_FILES);
    expect(data.readUInt16LE(data.length - 22 + 10)).toBe(21);
    expect(readOrigin(await load(first!))?.commune).toBe('Cải Viên');
  });
});

describe('readOrigin and parseOrigin', () => {
  async function formWorkbook(): Promise<ExcelJS.Workbook> {
    return load(readFileSync(fileOf('Can_Nong.xlsx')));
  }

  it('answers null for a workbook without the origin sheet (the official export, a commune’s own file)', async () => {
    const read = await load(readFileSync(SEED));
    expect(readOrigin(read)).toBeNull();
  });

  it('answers null when the origin was tampered with', async () => {
    const wb = await formWorkbook();
    const cell = wb.getWorksheet(ORIGIN_SHEET)!.getCell('A1');
    const good = String(cell.value);
    for (const bad of [
      good.slice(0, -5), // cut short
      good.replace(/"communeId":\d+/, '"communeId":"7"'),
      good.replace(/"communeId":\d+/, '"communeId":-7'),
      good.replace('"v":1', '"v":2'),
      good.replace('"xmc"', '"khac"'),
      good.replace('"2020|MĐ1"', '"2020|MĐ9"'),
      good.replace(/"issuedAt":"[^"]*"/, '"issuedAt":"hôm qua"'),
      good.replace(/"grids":\[.*\]/, '"grids":{}'),
      '',
      'null',
      '[]',
    ]) {
      expect(bad).not.toBe(good);
      cell.value = bad;
      expect(readOrigin(wb)).toBeNull();
    }
    cell.value = good;
    expect(readOrigin(wb)?.commune).toBe('Cần Nông');
  });

  it('finds the origin sheet whatever its state', async () => {
    const wb = await formWorkbook();
    for (const state of ['hidden', 'visible'] as const) {
      wb.getWorksheet(ORIGIN_SHEET)!.state = state;
      expect(readOrigin(wb)?.commune).toBe('Cần Nông');
    }
  });

  it('serializeOrigin and parseOrigin round-trip', () => {
    const o: FormOrigin = {
      v: 1,
      district: 'Hà Quảng',
      districtId: 1,
      commune: 'Cần Nông',
      communeId: 3,
      issuedAt: ISSUED.toISOString(),
      grids: [{ template: 'pcgd-mn', layout: { results: ['2020'], periods: ['2021-2025'] }, values: { '2020/3 tuổi|Đánh giá': 'Chưa đạt  "90%"' } }],
    };
    expect(parseOrigin(serializeOrigin(o))).toEqual(o);
  });

  it('splits an origin longer than a cell may hold over A1, A2, … and joins it back', async () => {
    // 25 result years of Phụ lục 2, each with three Đánh giá of 450 characters: about 34,000.
    const t = getTemplate('pcgd-mn');
    const layout = { results: Array.from({ length: 25 }, (_, i) => String(1996 + i)), periods: ['2021-2025'] };
    const grid: Grid = emptyGrid(t, ['Cần Nông'], layout);
    const long = ('Đánh giá dài của xã, có dấu cách ở mọi chỗ. ').repeat(10).slice(0, 450);
    for (const c of columnsOf(t, layout)) grid.rows[0].values[c.key] = c.kind === 'text' ? long : 'x';
    const args: FormArgs = {
      district: { name: 'Hà Quảng', kind: 'huyen' },
      parent: null,
      commune: { id: 3, name: 'Cần Nông' },
      districtId: 1,
      grids: [grid],
      issuedAt: ISSUED,
      seal: SEAL,
    };
    const built = buildForm(args);
    const origin = built.getWorksheet(ORIGIN_SHEET)!;
    expect(String(origin.getCell('A1').value).length).toBeLessThanOrEqual(30_000);
    expect(String(origin.getCell('A2').value).length).toBeGreaterThan(0);
    const back = readOrigin(await load(Buffer.from(await built.xlsx.writeBuffer())))!;
    expect(back.grids[0].values).toEqual(grid.rows[0].values);
  });

  it('words the form for the unit it goes to and the office it goes back to', () => {
    const t = getTemplate('xmc');
    const wb = buildForm({
      district: { name: 'Cao Bằng', kind: 'tinh' },
      parent: null,
      commune: { id: 3, name: 'Thị trấn Thông Nông' },
      districtId: 1,
      grids: [emptyGrid(t, ['Thị trấn Thông Nông'])],
      issuedAt: ISSUED,
      seal: SEAL,
    });
    const ws = wb.getWorksheet('Phụ lục 1')!;
    // A name that carries its kind gets no second "xã".
    expect(text(ws, SHEET_LAYOUT.planRefRow, 1)).toBe('Biểu dành cho Thị trấn Thông Nông');
    expect(text(ws, ROW + 3, 1)).toMatch(/gửi lại Sở GD&ĐT\.$/);
    expect(text(ws, SHEET_LAYOUT.titleRow, 1)).toMatch(/TRÊN ĐỊA BÀN TỈNH CAO BẰNG$/);
  });

  it('refuses to build a form of more than one row', () => {
    const t = getTemplate('xmc');
    expect(() =>
      buildForm({
        district: { name: 'Hà Quảng', kind: 'huyen' },
        parent: null,
        commune: { id: 3, name: 'Cần Nông' },
        districtId: 1,
        grids: [emptyGrid(t, ['Cần Nông', 'Cải Viên'])],
        issuedAt: ISSUED,
        seal: SEAL,
      }),
    ).toThrow(/đúng một dòng/);
  });
});

describe('a form re-saved by LibreOffice (tests/fixtures/forms, scripts/build-form-fixtures.ts)', () => {
  it('keeps the origin sheet, as hidden rather than veryHidden, and readOrigin still reads it', async () => {
    const wb = await load(readFileSync(LO_FORM));
    // LibreOffice Calc has no "very hidden": it saves the sheet as state="hidden".
    expect(wb.getWorksheet(ORIGIN_SHEET)!.state).toBe('hidden');
    const o = readOrigin(wb)!;
    expect(o).toMatchObject({ v: 1, district: 'Hà Quảng', commune: 'Cần Nông', issuedAt: ISSUED.toISOString() });
    const commune = communeNamed('Cần Nông');
    gridsOf(store, district).forEach((g, i) => expect(o.grids[i].values).toEqual(g.rows.find((r) => r.unitId === commune.id)!.values));
  });

  it('still reads as one commune row per sheet with no total row', async () => {
    const read = await readWorkbookBuffer(readFileSync(LO_FORM), LO_FORM);
    expect(read.sheets).toHaveLength(4);
    for (const s of read.sheets) {
      expect(s.grid.rows.map((r) => r.unit)).toEqual(['Cần Nông']);
      expect(s.totalRow).toBeUndefined();
    }
    // The now merely hidden origin sheet is the only other sheet the reader may meet.
    expect(read.unrecognized.every((u) => u.sheet === ORIGIN_SHEET)).toBe(true);
    expect(validateWorkbook(LO_FORM, read).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
