// The seed parser and the committed files built from it: seeds/ha-quang.xlsx must hold the real
// Hà Quảng grids exactly as seed 001 prints them (faults included), since the app's validation
// is tested against them.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseSeedAppendices, type SeedTable } from '../../scripts/seed-tables';
import { headerGrid, headerSpans, workbookBytes, writeAppendixWorkbook } from '../../scripts/appendix-writer';
import { REPO, loadSeedTables } from '../../scripts/build-seeds';

const tables = loadSeedTables();
const byAppendix = (n: number): SeedTable => tables.find((t) => t.appendix === `Phụ lục ${n}`)!;
const commune = (t: SeedTable, name: string) => t.communes.find((c) => c.name === name)!;

async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

describe('parseSeedAppendices (seed 001)', () => {
  it('finds the four grids, in order, and not the unnumbered "Phụ lục" list', () => {
    expect(tables.map((t) => t.appendix)).toEqual(['Phụ lục 1', 'Phụ lục 2', 'Phụ lục 3', 'Phụ lục 4']);
  });

  it('reads 21 communes per grid, STT 1–21, same names in the same order', () => {
    const names = tables[0].communes.map((c) => c.name);
    expect(names).toHaveLength(21);
    expect(names[0]).toBe('Cải Viên');
    expect(names[20]).toBe('Đa Thông');
    for (const t of tables) {
      expect(t.communes.map((c) => c.stt)).toEqual(Array.from({ length: 21 }, (_, k) => String(k + 1)));
      expect(t.communes.map((c) => c.name)).toEqual(names);
    }
  });

  it('keeps Tổng Cột as commune 17 and takes the row without STT as the total', () => {
    for (const t of tables) {
      expect(t.communes[16]).toMatchObject({ stt: '17', name: 'Tổng Cột' });
      expect(t.total.label).toBe('Tổng toàn huyện');
    }
  });

  it('keeps the printed Phụ lục 2 totals for 3-year-olds: Đạt 18, KĐ 3, Đánh giá KĐ', () => {
    const t = byAppendix(2);
    expect(t.headerRows[1][2]).toBe('Trẻ em 3 tuổi');
    expect(t.headerRows[2].slice(2, 5)).toEqual(['Đạt', 'KĐ', 'Đánh giá']);
    expect(t.total.cells.slice(0, 3)).toEqual(['18', '3', 'KĐ']);
  });

  it('keeps both marks of Lương Thông for 3-year-olds (the seed\'s inconsistency)', () => {
    const row = commune(byAppendix(2), 'Lương Thông');
    expect(row.stt).toBe('7');
    expect(row.cells.slice(0, 3)).toEqual(['x', 'x', 'KĐ']);
    // The printed 18 disagrees with the 19 Đạt marks of the column.
    expect(byAppendix(2).communes.filter((c) => c.cells[0] === 'x')).toHaveLength(19);
  });

  it('keeps marks as printed: X and x', () => {
    expect(commune(byAppendix(1), 'Cải Viên').cells).toEqual(['', 'X', '', 'X', '', 'X']);
    expect(commune(byAppendix(1), 'Tổng Cột').cells).toEqual(['', 'x', '', 'x', '', 'x']);
    expect(byAppendix(1).total.cells).toEqual(['6', '15', '3', '18', '', '21']);
    expect(byAppendix(4).total.cells).toEqual(['5', '6', '10', '1', '7', '13', '1', '5', '15']);
  });

  it('skips stray blank lines inside tables and remembers where they were', () => {
    const blanks = tables.map((t) => t.communes.filter((c) => c.blankLinesBefore > 0).map((c) => [c.stt, c.blankLinesBefore]));
    expect(blanks).toEqual([[['17', 1]], [['16', 1]], [['20', 3]], [['19', 1]]]);
  });

  it('aligns header rows, commune cells and total cells to one width', () => {
    expect(tables.map((t) => t.width)).toEqual([8, 15, 8, 11]);
    for (const t of tables) {
      expect(t.headerRows).toHaveLength(3);
      for (const r of t.headerRows) expect(r).toHaveLength(t.width);
      for (const c of t.communes) expect(c.cells).toHaveLength(t.width - 2);
      expect(t.total.cells).toHaveLength(t.width - 2);
    }
    expect(byAppendix(1).headerRows[0]).toEqual([
      'STT', 'Tên đơn vị (xã/thị trấn)', 'Kết quả XMC đạt được năm 2020', '', 'Đề xuất đạt chuẩn XMC mức độ theo giai đoạn', '', '', '',
    ]);
  });

  it('strips markdown and <b> tags from titles, totals and notes', () => {
    const t = byAppendix(1);
    expect(t.titleLines[0]).toBe(
      'BIỂU KẾT QUẢ VÀ ĐỀ XUẤT MỤC TIÊU VỀ XÓA MÙ CHỮ THỰC HIỆN ĐỀ ÁN “XÂY DỰNG XÃ HỘI HỌC TẬP GIAI ĐOẠN 2021 - 2030” TRÊN ĐỊA BÀN HUYỆN HÀ QUẢNG',
    );
    expect(byAppendix(2).titleLines[1]).toBe('(Kèm theo Kế hoạch số: KH-UBND, ngày /01/2022 của Ủy ban nhân dân huyện Hà Quảng)');
    expect(t.note).toBe('Ghi chú: MĐ - Mức độ; XMC - Xóa mù chữ.');
    const all = JSON.stringify(tables);
    expect(all).not.toMatch(/<\/?b>|\*/u);
  });

  it('normalizes to NFC and accepts CRLF line ends', () => {
    const text = [
      '## Phụ lục 9', '', '**BIỂU THỬ**', '*(Kèm theo Kế hoạch số: X)*', '',
      'STT\tTên đơn vị\tMĐ1', '1\tCa\u0309i Viên\tx', '', '<b>Tổng toàn huyện</b>\t\t<b>1</b>', '', '**Ghi chú:** thử',
    ].join('\r\n');
    const [t] = parseSeedAppendices(text.normalize('NFD'));
    expect(t.appendix).toBe('Phụ lục 9');
    expect(t.communes[0].name).toBe('Cải Viên');
    expect(t.communes[0].name).toBe(t.communes[0].name.normalize('NFC'));
    expect(t.total).toEqual({ label: 'Tổng toàn huyện', cells: ['1'] });
  });
});

describe('appendix header layout', () => {
  it('merges Phụ lục 1 as the samples do', () => {
    const spans = headerSpans(byAppendix(1).headerRows).map((s) => [s.row, s.col, s.rowSpan, s.colSpan]);
    expect(spans).toEqual(expect.arrayContaining([[0, 0, 3, 1], [0, 1, 3, 1], [0, 2, 2, 2], [0, 4, 1, 4], [1, 4, 1, 2], [1, 6, 1, 2]]));
  });

  it('folds a three-row header into two', () => {
    expect(headerGrid(byAppendix(1), 2, 'label')[0]).toEqual([
      'STT', 'Tên đơn vị (xã/thị trấn)', 'Kết quả XMC đạt được năm 2020', '', '2021-2025', '', '2026-2030', '',
    ]);
    expect(headerGrid(byAppendix(2), 2, 'combined')[0][2]).toBe('Kết quả PCGDMN cho trẻ em mẫu giáo đạt được năm 2020\nTrẻ em 3 tuổi');
  });
});

describe('seeds/ha-quang.xlsx and .json (committed)', () => {
  const xlsxPath = join(REPO, 'seeds/ha-quang.xlsx');

  it('is up to date: rebuilding from the seed gives the same bytes', async () => {
    const fresh = await workbookBytes(writeAppendixWorkbook(tables, {}));
    expect(fresh.equals(readFileSync(xlsxPath))).toBe(true);
  });

  it('has the four grids with the printed values in place', async () => {
    const wb = await readWorkbook(xlsxPath);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Phụ lục 1', 'Phụ lục 2', 'Phụ lục 3', 'Phụ lục 4']);

    for (const ws of wb.worksheets) {
      expect(ws.getCell('A1').value).toBe(ws.name);
      expect(ws.getCell('A4').value).toBe('STT');
      expect(ws.getCell('B4').value).toBe('Tên đơn vị (xã/thị trấn)');
      // Header rows 4–6, commune k at row 6 + k, total at row 28.
      expect(ws.getCell('A7').value).toBe(1);
      expect(ws.getCell('B23').value).toBe('Tổng Cột');
      expect(ws.getCell('A23').value).toBe(17);
      expect(ws.getCell('A28').value).toBe('Tổng toàn huyện');
      expect(ws.getCell('B28').value).toBeNull();
      expect(String(ws.getCell('A30').value)).toMatch(/^Ghi chú: /u);
    }

    const pl1 = wb.getWorksheet('Phụ lục 1')!;
    expect(pl1.model.merges).toEqual(expect.arrayContaining(['A4:A6', 'B4:B6', 'C4:D5', 'E4:H4', 'E5:F5', 'G5:H5']));
    expect(pl1.getCell('D7').value).toBe('X');
    expect(pl1.getCell('D23').value).toBe('x');
    expect(pl1.getCell('F28').value).toBe(18);

    const pl2 = wb.getWorksheet('Phụ lục 2')!;
    expect(pl2.getCell('C5').value).toBe('Trẻ em 3 tuổi');
    expect(pl2.getCell('C6').value).toBe('Đạt');
    expect(pl2.getCell('B13').value).toBe('Lương Thông');
    expect([pl2.getCell('C13').value, pl2.getCell('D13').value, pl2.getCell('E13').value]).toEqual(['x', 'x', 'KĐ']);
    expect([pl2.getCell('C28').value, pl2.getCell('D28').value, pl2.getCell('E28').value]).toEqual([18, 3, 'KĐ']);
    expect(pl2.getCell('C28').font?.bold).toBe(true);

    const pl4 = wb.getWorksheet('Phụ lục 4')!;
    const totals = ['C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K'].map((col) => pl4.getCell(`${col}28`).value);
    expect(totals).toEqual([5, 6, 10, 1, 7, 13, 1, 5, 15]);
  });

  it('lists the district and its communes', () => {
    const json = JSON.parse(readFileSync(join(REPO, 'seeds/ha-quang.json'), 'utf8')) as {
      district: string;
      province: string;
      communes: string[];
      source: string;
    };
    expect(json.district).toBe('Hà Quảng');
    expect(json.province).toBe('Cao Bằng');
    expect(json.communes).toEqual(tables[0].communes.map((c) => c.name));
    expect(json.source).toMatch(/001/u);
  });

  it('keeps a copy of the seed text for checkouts without ../shared', () => {
    const copy = join(REPO, 'seeds/source/001-ha-quang.txt');
    expect(existsSync(copy)).toBe(true);
    expect(parseSeedAppendices(readFileSync(copy, 'utf8'))).toEqual(tables);
  });
});

describe('layout fixtures (committed)', () => {
  const layout = (file: string) => join(REPO, 'tests/fixtures/layouts', file);

  it('are readable and hold the same four grids', async () => {
    for (const file of ['shifted.xlsx', 'two-row-header.xlsx', 'no-merges.xlsx', 'column-numbers.xlsx', 'total-in-a.xlsx',
      'total-in-b.xlsx', 'no-title.xlsx', 'blank-rows.xlsx', 'libreoffice-default.xlsx']) {
      const wb = await readWorkbook(layout(file));
      expect(wb.worksheets.map((ws) => ws.name), file).toEqual(['Phụ lục 1', 'Phụ lục 2', 'Phụ lục 3', 'Phụ lục 4']);
    }
  });

  it('place the table as their names say', async () => {
    const shifted = (await readWorkbook(layout('shifted.xlsx'))).getWorksheet('Phụ lục 1')!;
    expect(shifted.getCell('D8').value).toBe('STT');
    expect(shifted.getCell('E11').value).toBe('Cải Viên');

    const noMerges = (await readWorkbook(layout('no-merges.xlsx'))).getWorksheet('Phụ lục 1')!;
    expect(noMerges.model.merges).toEqual([]);
    expect(noMerges.getCell('D4').value).toBeNull();

    const totalB = (await readWorkbook(layout('total-in-b.xlsx'))).getWorksheet('Phụ lục 2')!;
    expect([totalB.getCell('A28').value, totalB.getCell('B28').value, totalB.getCell('C28').value]).toEqual([null, 'Tổng toàn huyện', 18]);

    const noTitle = (await readWorkbook(layout('no-title.xlsx'))).getWorksheet('Phụ lục 1')!;
    expect(noTitle.getCell('A1').value).toBe('STT');

    const blank = (await readWorkbook(layout('blank-rows.xlsx'))).getWorksheet('Phụ lục 3')!;
    expect(blank.getCell('B25').value).toBe('Xuân Hòa');
    expect([26, 27, 28].map((r) => blank.getCell(`B${r}`).value)).toEqual([null, null, null]);
    expect(blank.getCell('B29').value).toBe('Yên Sơn');

    const numbers = (await readWorkbook(layout('column-numbers.xlsx'))).getWorksheet('Phụ lục 1')!;
    expect([numbers.getCell('A7').value, numbers.getCell('B7').value]).toEqual(['(1)', '(2)']);
  });

  it('include bad files exceljs cannot read as grids', async () => {
    const bad = (file: string) => join(REPO, 'tests/fixtures/bad', file);
    await expect(readWorkbook(bad('truncated.xlsx'))).rejects.toThrow();
    await expect(readWorkbook(bad('not-a-workbook.xlsx'))).rejects.toThrow();
    expect((await readWorkbook(bad('empty.xlsx'))).worksheets.map((ws) => ws.rowCount)).toEqual([0]);
    expect(readFileSync(join(REPO, 'tests/fixtures/formats/ha-quang.xls')).subarray(0, 4).toString('hex')).toBe('d0cf11e0');
  });
});
