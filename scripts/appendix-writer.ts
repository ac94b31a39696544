// Writes parsed seed grids (scripts/seed-tables.ts) as workbooks in the appendix layout of the
// samples: title rows, a multi-row merged header, one row per commune, the printed total row,
// a "Ghi chú" line. The options reproduce the layout variations real district files show, so the
// importer can be tested against each one from the same, known data.
//
// Values are written exactly as the seed prints them — including the wrong printed totals —
// because the point of these files is to test that the app finds those faults itself.

import ExcelJS from 'exceljs';
import { centralDirectory, dataStart } from '../electron/core/excel/lean/zip';
import type { SeedTable } from './seed-tables';

export interface LayoutOptions {
  /**
   * Row of the top header row. Default: right under the title rows (titleRows + 1). The title
   * rows go above it, so startRow must leave room for them.
   */
  startRow?: number;
  /** 1-based column of the STT column (4 = D). Default 1. */
  startCol?: number;
  /**
   * 3 = the seed's header (group row, period/age row, leaf row). 2 = the top two folded into one
   * row, see foldedHeader. Default 3.
   */
  headerRows?: 2 | 3;
  /**
   * How a 2-row header names its upper cells. 'label': the middle label alone where there is one
   * ("2021-2025", "Trẻ em 3 tuổi"), the group label where the middle row is blank ("Kết quả XMC
   * đạt được năm 2020") — what an officer gets by deleting the group row. 'combined': group and
   * middle label in one wrapped cell, separated by a line break (Alt+Enter), e.g.
   * "Đề xuất đạt chuẩn XMC mức độ theo giai đoạn\n2021-2025". Default 'label'.
   */
  foldedHeader?: 'label' | 'combined';
  /** true: header spans are merged ranges. false: text in a span's first cell only. Default true. */
  merges?: boolean;
  /**
   * A column-number row under the header: true or 'parens' writes "(1)", "(2)", … as text;
   * 'plain' writes the numbers 1, 2, … (which look like an STT and a name to a naive reader).
   * Default false.
   */
  columnNumbers?: boolean | 'parens' | 'plain';
  /**
   * Where the total row's label goes, named as if the table started at A: 'A' = the STT column
   * (as seed 001 prints it), 'B' = the name column. Default 'A'.
   */
  totalLabelCol?: 'A' | 'B';
  /** Merge the total label over the STT and name columns (only with merges). Default false. */
  mergeTotalLabel?: boolean;
  /**
   * Rows above the header: the lines "Phụ lục N", the title, "(Kèm theo …)" in that order; fewer
   * rows keep the first ones, more rows add blank spacer rows. 0 = header at the very top.
   * Default 3 (as the samples).
   */
  titleRows?: number;
  /** Reproduce the seed's stray blank lines as blank (bordered) rows between commune rows. */
  blankRowsInside?: boolean;
}

/** A header cell and the rectangle it covers, in table coordinates (0-based row and column). */
export interface HeaderSpan {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
}

/**
 * The spans of a header grid where an empty cell continues the label to its left (within the
 * parent's span) and a label with nothing under it extends down. For Phụ lục 1 this gives the
 * sample's merges: STT and name over all rows, "Kết quả … 2020" over two rows and two columns,
 * "Đề xuất …" over four columns, each period over two.
 */
export function headerSpans(rows: string[][]): HeaderSpan[] {
  const spans: HeaderSpan[] = [];
  const width = Math.max(...rows.map((r) => r.length));
  const cell = (r: number, c: number): string => rows[r]?.[c] ?? '';
  const emptyRange = (r: number, a: number, b: number): boolean => {
    for (let c = a; c <= b; c++) if (cell(r, c) !== '') return false;
    return true;
  };
  const walk = (level: number, a: number, b: number): void => {
    const starts: number[] = [];
    for (let c = a; c <= b; c++) if (cell(level, c) !== '') starts.push(c);
    // Blank cells before the first label in a range have no label to continue: they stay
    // single, unlabeled cells, and whatever is under them is walked on its own.
    if (starts.length === 0 || starts[0] > a) {
      const end = starts.length === 0 ? b : starts[0] - 1;
      if (level + 1 < rows.length) walk(level + 1, a, end);
      if (starts.length === 0) return;
    }
    starts.forEach((s, k) => {
      const e = k + 1 < starts.length ? starts[k + 1] - 1 : b;
      let bottom = level;
      while (bottom + 1 < rows.length && emptyRange(bottom + 1, s, e)) bottom++;
      spans.push({ row: level, col: s, rowSpan: bottom - level + 1, colSpan: e - s + 1, text: cell(level, s) });
      if (bottom + 1 < rows.length) walk(bottom + 1, s, e);
    });
  };
  walk(0, 0, width - 1);
  return spans;
}

/** The header grid for the requested depth: the seed's own, or its top two rows folded. */
export function headerGrid(table: SeedTable, headerRows: 2 | 3, folded: 'label' | 'combined'): string[][] {
  const rows = table.headerRows;
  if (rows.length === headerRows) return rows.map((r) => [...r]);
  if (rows.length !== 3 || headerRows !== 2) {
    throw new Error(`${table.appendix}: cannot write a ${headerRows}-row header from a ${rows.length}-row one`);
  }
  const [top, middle, leaves] = rows;
  const topSpans = headerSpans([top, middle]).filter((s) => s.row === 0);
  const upper = top.map(() => '');
  for (const span of topSpans) {
    const cols = Array.from({ length: span.colSpan }, (_, k) => span.col + k);
    const middleLabels = cols.filter((c) => middle[c] !== '');
    if (middleLabels.length === 0) {
      upper[span.col] = span.text;
      continue;
    }
    for (const c of middleLabels) {
      upper[c] = folded === 'combined' ? `${span.text}\n${middle[c]}` : middle[c];
    }
  }
  return [upper, [...leaves]];
}

const FONT = 'Times New Roman';
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** Printed numbers ("18", STT "7") become numbers, as in the samples; anything else stays text. */
function printed(text: string): string | number {
  return /^\d+$/u.test(text) ? Number(text) : text;
}

function columnWidth(leafLabel: string, col: number): number {
  if (col === 0) return 6;
  if (col === 1) return 26;
  return leafLabel === 'Đánh giá' ? 10 : 8;
}

function writeSheet(wb: ExcelJS.Workbook, table: SeedTable, opts: LayoutOptions): void {
  const titleRows = opts.titleRows ?? 3;
  const startRow = opts.startRow ?? titleRows + 1;
  const startCol = opts.startCol ?? 1;
  const merges = opts.merges ?? true;
  const numbers = opts.columnNumbers === true ? 'parens' : opts.columnNumbers || undefined;
  if (startRow - titleRows < 1) {
    throw new Error(`startRow ${startRow} leaves no room for ${titleRows} title rows`);
  }
  if (startCol < 1) throw new Error(`startCol must be 1 or more, got ${startCol}`);

  const ws = wb.addWorksheet(table.appendix, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const width = table.width;
  const grid = headerGrid(table, opts.headerRows ?? 3, opts.foldedHeader ?? 'label');
  const leaves = grid[grid.length - 1];
  for (let c = 0; c < width; c++) ws.getColumn(startCol + c).width = columnWidth(leaves[c], c);

  // Title block, left-aligned in the STT column as in the samples (not merged there either).
  const titleTexts = [table.appendix, ...table.titleLines];
  for (let k = 0; k < Math.min(titleRows, titleTexts.length); k++) {
    const cell = ws.getCell(startRow - titleRows + k, startCol);
    cell.value = titleTexts[k];
    cell.font = { name: FONT, size: 12, bold: k < 2, italic: k === 2 };
  }

  // Header: style every cell of the rectangle first so merged ranges keep their borders.
  for (let r = 0; r < grid.length; r++) {
    for (let c = 0; c < width; c++) {
      const cell = ws.getCell(startRow + r, startCol + c);
      cell.font = { name: FONT, size: 11, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = THIN;
    }
  }
  for (const span of headerSpans(grid)) {
    const top = startRow + span.row;
    const left = startCol + span.col;
    ws.getCell(top, left).value = span.text;
    if (merges && (span.rowSpan > 1 || span.colSpan > 1)) {
      ws.mergeCells(top, left, top + span.rowSpan - 1, left + span.colSpan - 1);
    }
  }
  ws.getRow(startRow).height = 48;

  let row = startRow + grid.length;
  if (numbers) {
    for (let c = 0; c < width; c++) {
      const cell = ws.getCell(row, startCol + c);
      cell.value = numbers === 'plain' ? c + 1 : `(${c + 1})`;
      cell.font = { name: FONT, size: 11, italic: true };
      cell.alignment = { horizontal: 'center' };
      cell.border = THIN;
    }
    row++;
  }

  const bodyRow = (values: (string | number)[], bold: boolean): void => {
    for (let c = 0; c < width; c++) {
      const cell = ws.getCell(row, startCol + c);
      const value = values[c];
      if (value !== undefined && value !== '') cell.value = value;
      cell.font = { name: FONT, size: 11, bold };
      if (c !== 1) cell.alignment = { horizontal: 'center' };
      cell.border = THIN;
    }
    row++;
  };

  for (const commune of table.communes) {
    if (opts.blankRowsInside) {
      for (let k = 0; k < commune.blankLinesBefore; k++) bodyRow([], false);
    }
    bodyRow([printed(commune.stt), commune.name, ...commune.cells], false);
  }

  const labelAt = opts.totalLabelCol === 'B' ? 1 : 0;
  const labelCells: string[] = labelAt === 0 ? [table.total.label, ''] : ['', table.total.label];
  const totalRow = row;
  bodyRow([...labelCells, ...table.total.cells.map(printed)], true);
  ws.getCell(totalRow, startCol + labelAt).alignment = { horizontal: 'left' };
  if (opts.mergeTotalLabel && merges) {
    ws.getCell(totalRow, startCol).value = table.total.label;
    ws.mergeCells(totalRow, startCol, totalRow, startCol + 1);
  }

  // One blank row, then the note, as in the samples.
  const note = ws.getCell(row + 1, startCol);
  note.value = table.note;
  note.font = { name: FONT, size: 11, italic: true };
}

/** Fixed document dates: generated files must be identical on every run. */
export const FIXED_DATE = new Date('2022-01-01T00:00:00Z');

export function writeAppendixWorkbook(tables: SeedTable[], opts: LayoutOptions = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'pcgd-xmc scripts/build-seeds';
  wb.lastModifiedBy = 'pcgd-xmc scripts/build-seeds';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  for (const table of tables) writeSheet(wb, table, opts);
  return wb;
}

/**
 * The workbook as xlsx bytes that do not depend on when they were written: exceljs' zip writer
 * (JSZip) stamps every entry with the current time, so the DOS time/date of each local and
 * central directory header is reset to 1980-01-01 00:00. Committed outputs then only change
 * when their content does.
 */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return normalizeZipTimes(buf);
}

export function normalizeZipTimes(buf: Buffer): Buffer {
  const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;
  for (const { at, local } of centralDirectory(buf)) {
    dataStart(buf, local); // checks the local header is there
    buf.writeUInt16LE(0, at + 12);
    buf.writeUInt16LE(DOS_DATE_1980_01_01, at + 14);
    buf.writeUInt16LE(0, local + 10);
    buf.writeUInt16LE(DOS_DATE_1980_01_01, local + 12);
  }
  return buf;
}
