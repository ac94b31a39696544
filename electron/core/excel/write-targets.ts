// The "Mục tiêu" sheet of an export (DOMAIN.md §10.5): the title, the bold bordered header of
// nine columns and one row per target, Times New Roman, Giá trị always text ("4/7" typed into a
// number cell becomes a date in Excel). What it writes shared/targets/sheet.ts reads back.
import type ExcelJS from 'exceljs';
import type { Target } from '../../../shared/targets/model';
import { targetSheetCells } from '../../../shared/targets/sheet';
import { TARGET_SHEET } from '../../../shared/targets/check';

const TNR = 'Times New Roman';
const thin: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const WIDTHS = [6, 16, 8, 16, 14, 14, 20, 14, 60];
/** Rows of the title, the blank line and the header (targetSheetCells' layout). */
const HEADER_ROW = 3;

export function addTargetSheet(wb: ExcelJS.Workbook, targets: readonly Target[], rowsAreDistricts = false, name = TARGET_SHEET): void {
  const ws = wb.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = WIDTHS.map((width) => ({ width }));
  targetSheetCells(targets, rowsAreDistricts).forEach((cells, i) => {
    const r = i + 1;
    cells.forEach((v, c) => {
      const cell = ws.getCell(r, c + 1);
      cell.value = v;
      cell.font = { name: TNR, size: r === 1 ? 14 : 12, bold: r <= HEADER_ROW };
      if (r >= HEADER_ROW) {
        cell.border = thin;
        cell.alignment = { vertical: 'middle', wrapText: true, horizontal: r === HEADER_ROW || c < 8 ? 'center' : 'left' };
      }
      if (r > HEADER_ROW && c === 4) cell.numFmt = '@';
    });
  });
  ws.mergeCells(1, 1, 1, WIDTHS.length);
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
}
