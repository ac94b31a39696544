// A count table in the ministry's look (DOMAIN.md §9.2): the title block, the two header rows
// (group merged over its leaves, single headings merged down), the column-number row, one row
// per commune with counts (#,##0) and rates recomputed (0.00, never Excel's %), the "Cộng" row
// (summed counts, rates from the sums), the footer lines from the computed levels, the date line
// and the signatures. Times New Roman, A4 landscape fitted to the width. What it writes the
// reader (shared/counts/read.ts) reads back unchanged.
import type ExcelJS from 'exceljs';
import { footerLines, headerTree, rowRate, totalRow, type CountSheet, type LevelResult } from '../../../shared/counts';
import { DBKK_UNKNOWN } from '../../../shared/counts/table';
import { cleanText } from '../../../shared/text/normalize';

const TNR = 'Times New Roman';
const font = (size: number, extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({ name: TNR, size, ...extra });
const thin: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const center: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };

/** Where the parts of a count sheet sit (1-based rows). */
export const COUNT_LAYOUT = { title: 3, yearLine: 4, groupRow: 6, leafRow: 7, numberRow: 8, firstRow: 9 } as const;

export interface CountSheetLook {
  /** "ỦY BAN NHÂN DÂN HUYỆN MẪU". */
  governing: string;
  /** The place of the date line ("Mẫu"). */
  place: string;
  date: Date;
  /**
   * A commune's form (forms.ts): its one row with the count and ĐBKK cells unlocked and checked
   * by Excel, rates as formulas (so they follow what the commune types and never print a stale
   * rate, which the import would call rate.mismatch), no "Cộng" row (one row sums to itself, and
   * without it the reader takes the returned file for a commune's) and no footer counts.
   */
  form?: { forLine: string; instructions: string[] };
}

/** Excel's own check on a count cell of a form: a whole number ≥ 0 or blank. */
const COUNT_VALIDATION: ExcelJS.DataValidation = {
  type: 'whole',
  operator: 'greaterThanOrEqual',
  allowBlank: true,
  formulae: [0],
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: 'Giá trị không hợp lệ',
  error: 'Chỉ được ghi số nguyên không âm, hoặc để trống nếu chưa có số liệu.',
};

const FLAG_VALIDATION: ExcelJS.DataValidation = {
  type: 'list',
  allowBlank: true,
  formulae: ['"x"'],
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: 'Giá trị không hợp lệ',
  error: 'Gõ x nếu xã thuộc diện đặc biệt khó khăn (ĐBKK); để trống nếu không.',
};

const letter = (c: number): string => (c > 26 ? letter(Math.floor((c - 1) / 26)) : '') + String.fromCharCode(65 + ((c - 1) % 26));

/** Adds one count sheet; `levels` are its rows' computed levels (the footer counts, §9.9 point 12). */
export function addCountSheet(wb: ExcelJS.Workbook, name: string, sheet: CountSheet, levels: readonly LevelResult[], look: CountSheetLook): void {
  const t = sheet.template;
  const cols = t.columns;
  const width = cols.length;
  const ws = wb.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } },
  });
  // 12 holds "Số phải phổ cập" in two lines and "1.250.000" in one.
  ws.columns = cols.map((c) => ({ width: c.key === 'unit' ? 24 : c.key === 'stt' ? 5 : c.kind === 'flag' ? 7 : 12 }));
  const put = (r: number, c: number, value: ExcelJS.CellValue, f: Partial<ExcelJS.Font>, align: Partial<ExcelJS.Alignment> = {}) => {
    const cell = ws.getCell(r, c);
    cell.value = value;
    cell.font = f;
    cell.alignment = align;
    return cell;
  };
  // The issuing bodies centred one over the other in a block on the left, as the ministry prints them.
  ws.mergeCells(1, 1, 1, 4);
  ws.mergeCells(2, 1, 2, 4);
  put(1, 1, look.governing.toLocaleUpperCase('vi-VN'), font(12, { bold: true }), { horizontal: 'center' });
  put(1, width, t.formCode, font(12, { italic: true }), { horizontal: 'right' });
  put(2, 1, 'BAN CHỈ ĐẠO PHỔ CẬP GIÁO DỤC, XÓA MÙ CHỮ', font(12, { bold: true }), { horizontal: 'center' });
  ws.mergeCells(COUNT_LAYOUT.title, 1, COUNT_LAYOUT.title, width);
  put(COUNT_LAYOUT.title, 1, t.title, font(14, { bold: true }), { horizontal: 'center' });
  // Each title line as tall as its font: LibreOffice otherwise lets the 14-pt title overlap the line above.
  ws.getRow(1).height = 17;
  ws.getRow(2).height = 17;
  ws.getRow(COUNT_LAYOUT.title).height = 24;
  ws.getRow(COUNT_LAYOUT.yearLine).height = 17;
  ws.mergeCells(COUNT_LAYOUT.yearLine, 1, COUNT_LAYOUT.yearLine, width);
  put(COUNT_LAYOUT.yearLine, 1, t.yearLine.replace('{year}', sheet.year), font(12, { italic: true }), { horizontal: 'center' });
  const form = look.form;
  if (form) {
    ws.mergeCells(COUNT_LAYOUT.yearLine + 1, 1, COUNT_LAYOUT.yearLine + 1, width);
    put(COUNT_LAYOUT.yearLine + 1, 1, form.forLine, font(12, { bold: true }), { horizontal: 'center' });
  }

  // The header: a group merged over its leaves, a single heading merged down both rows.
  const head = font(11, { bold: true });
  let c = 1;
  for (const g of headerTree(cols)) {
    const from = c;
    if (g.columns.length === 1 && g.columns[0].leaf === null) {
      ws.mergeCells(COUNT_LAYOUT.groupRow, c, COUNT_LAYOUT.leafRow, c);
      put(COUNT_LAYOUT.groupRow, c, g.label, head, center).border = thin;
      c++;
      continue;
    }
    for (const col of g.columns) put(COUNT_LAYOUT.leafRow, c++, col.leaf, head, center).border = thin;
    if (c - 1 > from) ws.mergeCells(COUNT_LAYOUT.groupRow, from, COUNT_LAYOUT.groupRow, c - 1);
    put(COUNT_LAYOUT.groupRow, from, g.label, head, center).border = thin;
  }
  // Tall enough for the longest leaf wrapped in its column (a bold 11-pt line is about 15 points,
  // and a column of width w holds about w − 3 of its characters a line, words kept whole).
  const lines = Math.max(3, ...cols.map((col, i) => (col.leaf ? Math.ceil(col.leaf.length / Math.max(4, (ws.getColumn(i + 1).width ?? 12) - 3)) : 1)));
  ws.getRow(COUNT_LAYOUT.leafRow).height = lines * 15 + 6;
  cols.forEach((_, i) => (put(COUNT_LAYOUT.numberRow, i + 1, i + 1, font(10, { italic: true }), center).border = thin));

  const body = font(12);
  const writeRow = (r: number, values: (col: (typeof cols)[number], i: number) => ExcelJS.CellValue, bold: boolean) => {
    cols.forEach((col, i) => {
      const cell = put(r, i + 1, values(col, i), bold ? font(12, { bold: true }) : body, col.key === 'unit' ? { vertical: 'middle' } : { horizontal: 'center', vertical: 'middle' });
      cell.border = thin;
      if (col.kind === 'count') cell.numFmt = '#,##0';
      if (col.kind === 'rate') cell.numFmt = '0.00';
    });
  };
  const at = (key: string) => letter(cols.findIndex((c) => c.key === key) + 1);
  sheet.rows.forEach((row, i) => {
    const r = COUNT_LAYOUT.firstRow + i;
    writeRow(
      r,
      (col) => {
        if (col.key === 'stt') return i + 1;
        if (col.key === 'unit') return cleanText(row.unit);
        if (col.kind === 'count') return row.counts[col.key] ?? null;
        if (col.kind === 'rate') {
          const rate = rowRate(row, col.num, col.den);
          if (!form) return rate;
          const [n, d] = [`${at(col.num)}${r}`, `${at(col.den)}${r}`];
          return { formula: `IF(AND(ISNUMBER(${n}),ISNUMBER(${d}),N(${d})>0),100*${n}/${d},"")`, result: rate ?? '' };
        }
        // Unknown is written "?", never blank: blank reads back as "not ĐBKK" (§9.1), which would
        // turn an unsettled flag into a settled one on the next import.
        if (col.kind === 'flag') return row.dbkk === null ? DBKK_UNKNOWN : row.dbkk ? 'x' : null;
        return null;
      },
      false,
    );
    if (form) {
      cols.forEach((col, c) => {
        if (col.kind !== 'count' && col.kind !== 'flag') return;
        const cell = ws.getCell(r, c + 1);
        cell.protection = { locked: false };
        cell.dataValidation = col.kind === 'count' ? COUNT_VALIDATION : FLAG_VALIDATION;
      });
    }
  });
  if (form) {
    let r = COUNT_LAYOUT.firstRow + sheet.rows.length + 1;
    // Wrapped within the table's width: a longer line would widen the printed page and shrink the table.
    for (const line of [...form.instructions, ...unknownFlagLine(sheet, true)]) {
      ws.mergeCells(r, 2, r, width);
      put(r, 2, line, font(11, { italic: true }), { wrapText: true, vertical: 'top' });
      ws.getRow(r++).height = 30;
    }
    r++;
    signatures(ws, r, width, look);
    ws.pageSetup.printTitlesRow = `${COUNT_LAYOUT.groupRow}:${COUNT_LAYOUT.numberRow}`;
    return;
  }
  const totalAt = COUNT_LAYOUT.firstRow + sheet.rows.length;
  const total = totalRow(t, sheet.rows);
  writeRow(
    totalAt,
    (col) => {
      if (col.key === 'unit') return 'Cộng';
      if (col.kind === 'count') return total.counts[col.key];
      if (col.kind === 'rate') return total.rates[col.key];
      return null;
    },
    true,
  );
  let r = totalAt + 2;
  for (const line of [...footerLines(t, levels), ...unknownFlagLine(sheet, false)]) put(r++, 2, line, font(12));
  r++;
  signatures(ws, r, width, look);
  ws.pageSetup.printTitlesRow = `${COUNT_LAYOUT.groupRow}:${COUNT_LAYOUT.numberRow}`;
}

/** What a "?" in the ĐBKK column means, under a table that has one (none otherwise). */
function unknownFlagLine(sheet: CountSheet, form: boolean): string[] {
  if (!sheet.rows.some((row) => row.dbkk === null)) return [];
  return [
    form
      ? 'Ô ĐBKK ghi "?": chưa rõ xã có thuộc diện đặc biệt khó khăn hay không. Hãy ghi x nếu có, để trống nếu không.'
      : 'ĐBKK ghi "?": chưa rõ xã có thuộc diện đặc biệt khó khăn hay không; mức đạt được tính theo cả hai cách.',
  ];
}

/** The date line and the signatures from row r: each block centred over its columns, a hint under each title. */
function signatures(ws: ExcelJS.Worksheet, r: number, width: number, look: CountSheetLook): void {
  const right = Math.max(5, width - 6);
  const block = (row: number, from: number, to: number, value: string, f: Partial<ExcelJS.Font>) => {
    ws.mergeCells(row, from, row, to);
    const cell = ws.getCell(row, from);
    cell.value = value;
    cell.font = f;
    cell.alignment = { horizontal: 'center' };
  };
  const d = look.date;
  block(r++, right, width, `${cleanText(look.place)}, ngày ${d.getDate()} tháng ${d.getMonth() + 1} năm ${d.getFullYear()}`, font(12, { italic: true }));
  block(r, 1, 4, 'NGƯỜI LẬP BIỂU', font(12, { bold: true }));
  block(r++, right, width, 'TM. BAN CHỈ ĐẠO PHỔ CẬP GIÁO DỤC, XÓA MÙ CHỮ', font(12, { bold: true }));
  block(r, 1, 4, '(Ký, ghi rõ họ tên)', font(12, { italic: true }));
  block(r++, right, width, 'TRƯỞNG BAN', font(12, { bold: true }));
  block(r, right, width, '(Ký tên, đóng dấu)', font(12, { italic: true }));
}
