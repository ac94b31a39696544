// The shares behind each level printed under the table of the exported report (issue 11, item 5):
// one line per group right under the total row, in the words the screen shows under its levels
// line ("MĐ2 trở lên: 20/21 xã (95,24%), cần từ 95%"), inside the print area, above the notes.
// Read back with exceljs from the bytes the app hands the officer.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SHEET_LAYOUT } from '../../electron/core/excel/write';
import { appsClosedAfterEach } from '../support/handlers';

const open = appsClosedAfterEach('pcgd-shares-');

async function exported(): Promise<ExcelJS.Workbook> {
  const app = open();
  await app.api.loadDemo({});
  const file = await app.api.exportWorkbook({});
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.data, 'base64') as unknown as ExcelJS.Buffer);
  return wb;
}

/** The rows' texts in column A from `from` on, until the first empty one. */
function linesFrom(ws: ExcelJS.Worksheet, from: number): string[] {
  const out: string[] = [];
  for (let r = from; ws.getCell(r, 1).text; r++) out.push(ws.getCell(r, 1).text);
  return out;
}

function rowOf(ws: ExcelJS.Worksheet, col: number, pattern: RegExp): number {
  for (let r = 1; r <= ws.rowCount; r++) if (pattern.test(ws.getCell(r, col).text)) return r;
  throw new Error(`no row matching ${pattern}`);
}

describe('shares under the exported table', () => {
  it('Phụ lục 4 (Hà Quảng demo): one line per group under the total row, as on screen, printed, above the notes', async () => {
    const ws = (await exported()).getWorksheet('Phụ lục 4')!;
    const total = rowOf(ws, 2, /^Tổng toàn huyện$/);
    expect(total).toBe(SHEET_LAYOUT.firstCommuneRow + 21);
    expect(linesFrom(ws, total + 1)).toEqual([
      'năm 2020 – MĐ1 trở lên: 21/21 xã (100,00%), cần từ 90%; MĐ2 trở lên: 16/21 xã (76,19%), cần từ 95%; MĐ3 trở lên: 10/21 xã (47,62%), cần từ 100%',
      '2021-2025 – MĐ1 trở lên: 21/21 xã (100,00%), cần từ 90%; MĐ2 trở lên: 20/21 xã (95,24%), cần từ 95%; MĐ3 trở lên: 13/21 xã (61,90%), cần từ 100%',
      '2026-2030 – MĐ1 trở lên: 21/21 xã (100,00%), cần từ 90%; MĐ2 trở lên: 20/21 xã (95,24%), cần từ 95%; MĐ3 trở lên: 15/21 xã (71,43%), cần từ 100%',
    ]);
    // Each line spans the table's width, wraps, and lies in the print area, before "Ghi chú".
    const lastCol = ws.getRow(total).cellCount;
    expect(ws.model.merges).toContain(`A${total + 1}:${ws.getColumn(lastCol).letter}${total + 1}`);
    expect(ws.getCell(total + 1, 1).alignment.wrapText).toBe(true);
    const notes = rowOf(ws, 1, /^Ghi chú/);
    expect(notes).toBe(total + 3 + 1 + SHEET_LAYOUT.gapAfterTotal);
    const printed = Number(/:[A-Z]+(\d+)$/.exec(ws.pageSetup.printArea!)![1]);
    expect(printed).toBeGreaterThan(notes);
  });

  it('Phụ lục 2 counts "Đạt" per age and year, as the levels line does', async () => {
    const ws = (await exported()).getWorksheet('Phụ lục 2')!;
    const total = rowOf(ws, 2, /^Tổng toàn huyện$/);
    expect(linesFrom(ws, total + 1)).toEqual([
      'Trẻ 3 tuổi 2020 – Đạt: 18/21 xã (85,71%), cần từ 90%',
      'Trẻ 4 tuổi 2020 – Đạt: 21/21 xã (100,00%), cần từ 90%',
      'Trẻ 5 tuổi 2020 – Đạt: 21/21 xã (100,00%), cần từ 90%',
      '2021-2025 – Đạt: 21/21 xã (100,00%), cần từ 90%',
      '2026-2030 – Đạt: 21/21 xã (100,00%), cần từ 90%',
    ]);
  });
});
