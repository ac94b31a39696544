// The official workbook: one sheet per grid, in the look a report is printed, signed and sent
// upward in (DOMAIN.md §7, Nghị định 30/2020): Times New Roman, the two-column header block,
// title, the merged multi-row header of the seed's grids, one row per commune, the total row
// with live COUNTIF formulas, the notes line and the signature block.
//
// The header is derived from the template and the grid's layout (groupsOf/columnsOf), never
// from a per-template branch, so a new template or another set of years prints by itself.
//
// Speed: a district export can hold thousands of rows, so the commune rows are written with a
// handful of shared style objects (exceljs caches a style id per style object, so a shared
// object is serialised once, not once per cell) and the marks are counted in the same pass.
import ExcelJS from 'exceljs';
import { columnsOf, type Grid } from '../../../shared/grid';
import { DISTRICT_HEADER, headerTree, rowSpan, type HeaderNode, type HeaderWords } from '../../../shared/header';
import { getTemplate, TEMPLATES, type Layout, type TemplateDef } from '../../../shared/templates';
import { shareLines, shareMember } from '../../../shared/rules/shares';
import { MARK, markState } from '../../../shared/text/marks';
import { cleanText } from '../../../shared/text/normalize';
import type { UnitKind as DetailedKind } from '../../../shared/units/kinds';
import { officeWords, unitPhrase as phraseOf, wordsKind } from '../../../shared/units/words';
import { excelText } from './excel-text';
import { addCountSheet } from './write-counts';
import { addTargetSheet } from './write-targets';
import type { Target } from '../../../shared/targets/model';
import type { CountSheet, LevelResult } from '../../../shared/counts';
import type { UnitKind } from '../store/types';

export interface ReportUnit {
  name: string;
  kind: UnitKind;
  /** Its own kind word (phường, thị trấn, đặc khu…; store.reform.kindOf): the words follow it. */
  detailedKind?: DetailedKind | null;
}

export interface OfficialReport {
  /** The aggregating unit, e.g. {name: 'Hà Quảng', kind: 'huyen'}. */
  unit: ReportUnit;
  /** Its parent ({name: 'Cao Bằng', kind: 'tinh'}) or null; not printed on the sheet today. */
  parent: ReportUnit | null;
  /** The date of the "…, ngày … tháng … năm …" line. */
  date: Date;
  /** The "(Kèm theo Kế hoạch số …)" line; a blank form of it when absent. */
  planRef?: string;
  /** One sheet per grid, named by template.appendix, in template order. */
  grids: Grid[];
  /** Count tables (DOMAIN.md §9.2), written after the grids with their rows' computed levels. */
  counts?: { sheet: CountSheet; levels: LevelResult[] }[];
  /** The plan's targets (DOMAIN.md §10.5): a "Mục tiêu" sheet after the others when there are any. */
  targets?: readonly Target[];
  /** A sentence after each sheet's "Ghi chú" (the re-based view says its marks are lower bounds). */
  noteAddendum?: string;
}

/**
 * A commune's fill-in form (forms.ts) drawn in this same look, so a form and the report it feeds
 * never drift apart: only the commune's row and no total row (with one row a total says nothing,
 * and without it the reader takes the returned file for a commune file), the input cells
 * unlocked for a protected sheet, a list check on each mark cell, a line naming the commune
 * where the report has its plan reference, and instructions under the notes.
 */
export interface FormLook {
  /** "Biểu dành cho xã Cần Nông". */
  forLine: string;
  /** Printed under the notes line, one merged row each. */
  instructions: string[];
  /** Set on every mark cell of the commune rows. */
  markValidation: ExcelJS.DataValidation;
}

export interface BuildOptions {
  form?: FormLook;
}

/** Where each part of a sheet sits. Rows are 1-based; the commune rows follow the header. */
export const SHEET_LAYOUT = {
  /** Governing body | Quốc hiệu. */
  blockTop: 1,
  /** Issuing body | Tiêu ngữ. */
  blockSecond: 2,
  /** Place and date, right. */
  dateRow: 3,
  appendixRow: 5,
  titleRow: 6,
  planRefRow: 7,
  /** First of the three header rows. */
  headerTop: 9,
  headerDepth: 3,
  /** "(1)", "(2)" … under the header. */
  columnNumberRow: 12,
  firstCommuneRow: 13,
  /**
   * Rows between the total row (and the shares lines right under it) and the notes line, and
   * between the notes and the signatures.
   */
  gapAfterTotal: 1,
  gapAfterNotes: 1,
  /** Column widths, in Excel character units; mark and Đánh giá widths are minimums. */
  widths: { stt: 5, name: 26, mark: 7, text: 10 },
  /**
   * A narrow table (Phụ lục 1 and 3: six mark columns) is widened to this, its mark and text
   * columns evenly, so the printed page is not half empty and the header block fits on one line.
   */
  minTableWidth: 100,
} as const;

/** The label of the total row: "Tổng toàn huyện", "Tổng toàn tỉnh", "Tổng toàn xã", "Tổng toàn phường" (shared/units). */
export function totalLabel(kind: UnitKind, detailed?: DetailedKind | null): string {
  return officeWords(wordsKind(kind, detailed), '').totalRow;
}

/** "huyện Hà Quảng"; a name that carries its kind is kept as written (shared/units). */
export function unitPhrase(unit: ReportUnit): string {
  return phraseOf(wordsKind(unit.kind, unit.detailedKind), unit.name);
}

/**
 * "Hà Quảng, ngày 05 tháng 01 năm 2022". Nghị định 30/2020 (Phụ lục I): a day below 10 and the
 * months 1 and 2 take a leading zero, other months do not ("tháng 3"), so no date is misread.
 */
export function dateLine(place: string, date: Date): string {
  const d = date.getDate();
  const m = date.getMonth() + 1;
  const dd = d < 10 ? `0${d}` : String(d);
  const mm = m < 3 ? `0${m}` : String(m);
  return `${cleanText(place)}, ngày ${dd} tháng ${mm} năm ${date.getFullYear()}`;
}

function defaultPlanRef(report: OfficialReport): string {
  // Blanks left for the number and date, filled by hand when the plan is signed (seed 001).
  return `(Kèm theo Kế hoạch số:      /KH-UBND, ngày    /    /${report.date.getFullYear()} của Ủy ban nhân dân ${unitPhrase(report.unit)})`;
}

// ---------------------------------------------------------------------------------------------
// Styles. One object per look, shared by every cell of a workbook that has it (see the note at
// the top). They are made afresh for each workbook: a caller that later sets cell.font on a
// built workbook mutates the shared object, and must not reach into the next export.

const FONT_NAME = 'Times New Roman';
const BODY_SIZE = 12;

type Style = Partial<ExcelJS.Style>;

function font(size: number, extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> {
  // family 1 = roman (serif), what Excel itself records for Times New Roman.
  return { name: FONT_NAME, size, family: 1, ...extra };
}

function makeStyles() {
  const THIN: Partial<ExcelJS.Border> = { style: 'thin' };
  const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

  const CENTER: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle' };
  const CENTER_WRAP: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };
  // One indent step keeps a name off the cell border.
  const LEFT_INDENT: Partial<ExcelJS.Alignment> = { horizontal: 'left', vertical: 'middle', indent: 1 };
  const LEFT_WRAP: Partial<ExcelJS.Alignment> = { horizontal: 'left', vertical: 'middle', wrapText: true };

  const F_BODY = font(BODY_SIZE);
  const F_BOLD = font(BODY_SIZE, { bold: true });
  const F_ITALIC = font(BODY_SIZE, { italic: true });

  return {
    fonts: { body: F_BODY, bold: F_BOLD },
    // Page parts outside the table: no borders.
    govBody: { font: F_BODY, alignment: CENTER_WRAP } as Style,
    office: { font: F_BOLD, alignment: CENTER_WRAP } as Style,
    // Nghị định 30/2020: Quốc hiệu 12–13 bold caps; Tiêu ngữ 13–14 bold; the date 13–14 italic.
    nation: { font: font(12, { bold: true }), alignment: CENTER_WRAP } as Style,
    motto: { font: font(13, { bold: true }), alignment: CENTER_WRAP } as Style,
    date: { font: font(13, { italic: true }), alignment: CENTER_WRAP } as Style,
    appendix: { font: font(13, { bold: true }), alignment: CENTER } as Style,
    title: { font: font(13, { bold: true }), alignment: CENTER_WRAP } as Style,
    planRef: { font: font(BODY_SIZE, { italic: true }), alignment: CENTER_WRAP } as Style,
    forLine: { font: font(13, { bold: true }), alignment: CENTER_WRAP } as Style,
    instructions: { font: F_ITALIC, alignment: LEFT_WRAP } as Style,
    notes: { font: F_BODY, alignment: LEFT_WRAP } as Style,
    shares: { font: F_BODY, alignment: LEFT_WRAP } as Style,
    signTitle: { font: F_BOLD, alignment: CENTER } as Style,
    signHint: { font: F_ITALIC, alignment: CENTER } as Style,
    // The table.
    head: { font: F_BOLD, alignment: CENTER_WRAP, border: BOX } as Style,
    columnNumber: { font: F_ITALIC, alignment: CENTER, border: BOX } as Style,
    stt: { font: F_BODY, alignment: CENTER, border: BOX } as Style,
    name: { font: F_BODY, alignment: LEFT_INDENT, border: BOX } as Style,
    mark: { font: F_BODY, alignment: CENTER, border: BOX } as Style,
    // A Đánh giá may run long: it wraps inside its column (the row is made tall enough below)
    // instead of spilling over the next columns and being clipped when printed.
    text: { font: F_BODY, alignment: CENTER_WRAP, border: BOX } as Style,
    // A form's input cells: everything else stays locked when the sheet is protected.
    markInput: { font: F_BODY, alignment: CENTER, border: BOX, protection: { locked: false } } as Style,
    textInput: { font: F_BODY, alignment: CENTER_WRAP, border: BOX, protection: { locked: false } } as Style,
    totalBlank: { font: F_BOLD, alignment: CENTER, border: BOX } as Style,
    totalLabel: { font: F_BOLD, alignment: CENTER, border: BOX } as Style,
    // '#,##0' shows "10.000" under a Vietnamese locale (DOMAIN.md §7) and "10,000" elsewhere.
    totalCount: { font: F_BOLD, alignment: CENTER, border: BOX, numFmt: '#,##0' } as Style,
    totalText: { font: F_BOLD, alignment: CENTER_WRAP, border: BOX } as Style,
  };
}

type Styles = ReturnType<typeof makeStyles>;

// ---------------------------------------------------------------------------------------------
// The header, as data: every header cell with its span, relative to the header's first row.

export interface HeaderCell {
  /** Rows 0..headerDepth-1 within the header. */
  top: number;
  bottom: number;
  /** Sheet columns, 1-based. */
  left: number;
  right: number;
  text: string;
}

const FIRST_DATA_COL = 3;

/**
 * The header cells of a template under a layout: the shared header tree (shared/header.ts, the
 * same the screen shows) laid out on the sheet's fixed rows, each node a (merged) cell.
 */
export function headerCells(t: TemplateDef, layout: Layout, words: HeaderWords = DISTRICT_HEADER): HeaderCell[] {
  const cells: HeaderCell[] = [];
  let col = 1;
  const place = (node: HeaderNode, top: number): void => {
    const { bottom } = rowSpan(node, top, SHEET_LAYOUT.headerDepth);
    const cell: HeaderCell = { top, bottom, left: col, right: col, text: node.text };
    cells.push(cell);
    if (node.children.length) for (const child of node.children) place(child, bottom + 1);
    else col++;
    cell.right = col - 1;
  };
  for (const node of headerTree(t, layout, words)) place(node, 0);
  return cells;
}

// ---------------------------------------------------------------------------------------------
// Row heights. LibreOffice and Excel do not grow a row for wrapped text in merged cells, so the
// writer estimates how many lines a text needs in its span and sets the height itself.

/**
 * Rough width of a text in Excel column units (one unit ≈ one digit of Calibri 11, 7 px).
 * Tuned on the side of too wide: Excel on Windows sets Times New Roman a little wider than
 * LibreOffice does, and an extra line of white costs less than a clipped header.
 */
function textUnits(text: string, size: number, bold: boolean): number {
  let u = 0;
  for (const ch of text) {
    if (ch === ' ') u += 0.5;
    else if (ch !== ch.toLowerCase()) u += 1.3;
    else u += 0.9;
  }
  return u * (size / 11) * (bold ? 1.1 : 1);
}

function linesFor(text: string, width: number, size: number, bold: boolean): number {
  // One unit of padding for the cell margins.
  return Math.max(1, Math.ceil(textUnits(text, size, bold) / Math.max(1, width - 1)));
}

function lineHeight(size: number): number {
  return Math.ceil(size * 1.35);
}

/** Lines a body cell's text needs in its column, each line break starting a new one. */
function cellLines(text: string, width: number, bold: boolean): number {
  return text.split('\n').reduce((n, part) => n + linesFor(part, width, BODY_SIZE, bold), 0);
}

// ---------------------------------------------------------------------------------------------

function sum(xs: number[], from: number, to: number): number {
  let s = 0;
  for (let i = from; i <= to; i++) s += xs[i];
  return s;
}

function colName(n: number): string {
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Put a text in a (possibly merged) block of one row and give every cell of it the style. */
function block(ws: ExcelJS.Worksheet, row: number, left: number, right: number, value: ExcelJS.CellValue, style: Style): void {
  const r = ws.getRow(row);
  // The first cell's style; merging gives it to the others (exceljs: Cell.merge copies the
  // master's style, the same object), so they are not styled one by one first.
  r.getCell(left).style = style;
  if (right > left) ws.mergeCells(row, left, row, right);
  // Titles and lines are built around unit names: cleaned and cut as a whole (excel-text.ts).
  r.getCell(left).value = typeof value === 'string' ? excelText(value) : value;
}

function notesValue(notes: string, S: Styles): ExcelJS.CellValue {
  // Seed 001 prints "Ghi chú:" in bold and the abbreviations in regular type.
  const m = /^(Ghi chú\s*:)(.*)$/su.exec(notes);
  if (!m) return notes;
  return { richText: [{ text: m[1], font: S.fonts.bold }, { text: m[2], font: S.fonts.body }] };
}

function addGridSheet(wb: ExcelJS.Workbook, name: string, report: OfficialReport, grid: Grid, S: Styles, form?: FormLook): void {
  const t = getTemplate(grid.template);
  const cols = columnsOf(t, grid.layout);
  const L = SHEET_LAYOUT;
  const lastCol = Math.max(2, FIRST_DATA_COL + cols.length - 1);
  const n = grid.rows.length;
  const firstRow = L.firstCommuneRow;
  const lastRow = firstRow + n - 1;
  const totalRow = firstRow + n;
  // Right under the total row, the shares behind each level, one line per group, in the words
  // the screen shows under its levels line (shared/rules/shares.ts). A form has neither: its
  // notes follow the commune row with the same gap.
  const shareTexts = form || n === 0 ? [] : shareLines(t, grid, shareMember(report.unit.kind)).map((l) => l.text);
  const notesRow = (form ? lastRow : totalRow) + shareTexts.length + 1 + L.gapAfterTotal;
  const instructions = form?.instructions ?? [];
  const signRow = notesRow + 1 + instructions.length + L.gapAfterNotes;

  const ws = wb.addWorksheet(name, {
    properties: { defaultRowHeight: lineHeight(BODY_SIZE) },
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      // Inches; Nghị định 30/2020 asks about 2 cm top/bottom, 3–3.5 cm binding side, 1.5–2 cm right.
      margins: { left: 0.8, right: 0.6, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${L.headerTop}:${L.columnNumberRow}`,
    },
    headerFooter: { oddFooter: '&C&"Times New Roman"&10Trang &P/&N' },
    views: [
      {
        state: 'frozen',
        xSplit: 2,
        ySplit: L.columnNumberRow,
        topLeftCell: `C${firstRow}`,
        activeCell: `C${firstRow}`,
      },
    ],
  });

  // Column widths.
  const widths: number[] = [L.widths.stt, L.widths.name, ...cols.map((c) => (c.kind === 'mark' ? L.widths.mark : L.widths.text))];
  while (widths.length < lastCol) widths.push(L.widths.mark);
  const dataWidth = sum(widths, 2, lastCol - 1);
  const fixedWidth = L.widths.stt + L.widths.name;
  if (dataWidth > 0 && fixedWidth + dataWidth < L.minTableWidth) {
    const k = (L.minTableWidth - fixedWidth) / dataWidth;
    for (let i = 2; i < lastCol; i++) widths[i] = Math.round(widths[i] * k * 10) / 10;
  }
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const total = sum(widths, 0, lastCol - 1);

  // Header block: the left part takes about two fifths of the table width, at least STT + name.
  let leftEnd = 2;
  while (leftEnd < lastCol - 1 && sum(widths, 0, leftEnd - 1) < 0.4 * total) leftEnd++;
  if (leftEnd >= lastCol) leftEnd = lastCol - 1; // a table of STT and name only
  const leftW = sum(widths, 0, leftEnd - 1);
  const rightW = total - leftW;
  const rightStart = leftEnd + 1;

  // The unit's words (DOMAIN.md §11.2) come from shared/units, as the screen's do.
  const words = officeWords(wordsKind(report.unit.kind, report.unit.detailedKind), report.unit.name);
  const gov = words.governing ?? '';
  const office = words.issuing;
  const nation = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  const motto = 'Độc lập - Tự do - Hạnh phúc';
  const date = dateLine(report.unit.name, report.date);
  block(ws, L.blockTop, 1, leftEnd, gov, S.govBody);
  block(ws, L.blockTop, rightStart, lastCol, nation, S.nation);
  block(ws, L.blockSecond, 1, leftEnd, office, S.office);
  block(ws, L.blockSecond, rightStart, lastCol, motto, S.motto);
  block(ws, L.dateRow, rightStart, lastCol, date, S.date);
  ws.getRow(L.blockTop).height =
    Math.max(linesFor(gov, leftW, 12, false), linesFor(nation, rightW, 12, true)) * lineHeight(12);
  ws.getRow(L.blockSecond).height =
    Math.max(linesFor(office, leftW, 12, true) * lineHeight(12), linesFor(motto, rightW, 13, true) * lineHeight(13));
  ws.getRow(L.dateRow).height = linesFor(date, rightW, 13, false) * lineHeight(13);

  // Appendix number, title, plan reference.
  const title = `${t.title} ${words.titleEnd}`;
  const planRef = form ? form.forLine : (report.planRef ?? defaultPlanRef(report));
  block(ws, L.appendixRow, 1, lastCol, t.appendix, S.appendix);
  block(ws, L.titleRow, 1, lastCol, title, S.title);
  block(ws, L.planRefRow, 1, lastCol, planRef, form ? S.forLine : S.planRef);
  ws.getRow(L.appendixRow).height = lineHeight(13);
  ws.getRow(L.titleRow).height = linesFor(title, total, 13, true) * lineHeight(13);
  ws.getRow(L.planRefRow).height = form
    ? linesFor(planRef, total, 13, true) * lineHeight(13)
    : linesFor(planRef, total, 12, false) * lineHeight(12);

  // The table header: style every cell of a span (borders are drawn per cell), then merge.
  const head = headerCells(t, grid.layout, { nameColumn: words.nameColumn });
  const headLines = [1, 1, 1];
  for (const h of head) {
    for (let r = h.top; r <= h.bottom; r++) {
      const row = ws.getRow(L.headerTop + r);
      for (let c = h.left; c <= h.right; c++) row.getCell(c).style = S.head;
    }
    if (h.bottom > h.top || h.right > h.left) ws.mergeCells(L.headerTop + h.top, h.left, L.headerTop + h.bottom, h.right);
    ws.getCell(L.headerTop + h.top, h.left).value = h.text;
    if (h.top === h.bottom) {
      const lines = linesFor(h.text, sum(widths, h.left - 1, h.right - 1), BODY_SIZE, true);
      headLines[h.top] = Math.max(headLines[h.top], lines);
    }
  }
  // A text spanning several rows (the 2020 header of a level grid, STT) gets the rows' sum.
  for (const h of head) {
    if (h.top === h.bottom) continue;
    const need = linesFor(h.text, sum(widths, h.left - 1, h.right - 1), BODY_SIZE, true);
    let have = 0;
    for (let r = h.top; r <= h.bottom; r++) have += headLines[r];
    if (need > have) headLines[h.top] += need - have;
  }
  headLines.forEach((lines, r) => {
    ws.getRow(L.headerTop + r).height = lines * lineHeight(BODY_SIZE) + 4;
  });

  // Column numbers "(1)", "(2)", … under the header.
  {
    const row = ws.getRow(L.columnNumberRow);
    for (let c = 1; c <= lastCol; c++) {
      const cell = row.getCell(c);
      cell.value = `(${c})`;
      cell.style = S.columnNumber;
    }
  }

  // Commune rows: one pass, shared styles, marks counted as they are written.
  const keys = cols.map((c) => c.key);
  const isMark = cols.map((c) => c.kind === 'mark');
  const styles = cols.map((c) => (c.kind === 'mark' ? (form ? S.markInput : S.mark) : (form ? S.textInput : S.text)));
  const counts = new Array<number>(cols.length).fill(0);
  const nCols = cols.length;
  for (let i = 0; i < n; i++) {
    const src = grid.rows[i];
    const values = src.values;
    const row = ws.getRow(firstRow + i);
    const stt = row.getCell(1);
    stt.value = i + 1;
    stt.style = S.stt;
    const nameCell = row.getCell(2);
    nameCell.value = excelText(src.unit);
    nameCell.style = S.name;
    let tallest = 1;
    for (let j = 0; j < nCols; j++) {
      const cell = row.getCell(FIRST_DATA_COL + j);
      cell.style = styles[j];
      if (form && isMark[j]) cell.dataValidation = form.markValidation;
      const raw = values[keys[j]];
      if (raw === undefined || raw === '') continue;
      if (!isMark[j]) {
        // Excel and LibreOffice do not grow a row for wrapped text on their own (see linesFor).
        tallest = Math.max(tallest, cellLines(raw, widths[FIRST_DATA_COL - 1 + j], false));
      }
      if (isMark[j]) {
        const state = markState(raw);
        if (state === 'mark') {
          // Written as the one stored form "x", so COUNTIF(…,"x") counts what markState counts.
          cell.value = MARK;
          counts[j]++;
        } else if (state === 'invalid') {
          // Storing and writing never depend on validity: the value goes out as it is (as XML can hold it).
          cell.value = excelText(raw);
        }
      } else {
        cell.value = excelText(raw);
      }
    }
    if (tallest > 1) row.height = tallest * lineHeight(BODY_SIZE) + 4;
  }

  // Total row: label in B, a live COUNTIF per mark column with its value, the unit's own texts.
  if (!form) {
    const row = ws.getRow(totalRow);
    row.getCell(1).style = S.totalBlank;
    const label = row.getCell(2);
    label.value = words.totalRow;
    label.style = S.totalLabel;
    let tallest = 1;
    for (let j = 0; j < nCols; j++) {
      const c = FIRST_DATA_COL + j;
      const cell = row.getCell(c);
      if (isMark[j]) {
        cell.style = S.totalCount;
        if (n === 0) {
          // COUNTIF over no rows would need a backwards range: the count is simply 0.
          cell.value = 0;
        } else {
          const col = colName(c);
          cell.value = { formula: `COUNTIF(${col}${firstRow}:${col}${lastRow},"${MARK}")`, result: counts[j] };
        }
      } else {
        cell.style = S.totalText;
        const text = grid.totalTexts[keys[j]];
        if (text !== undefined && text !== '') {
          cell.value = excelText(text);
          tallest = Math.max(tallest, cellLines(text, widths[FIRST_DATA_COL - 1 + j], true));
        }
      }
    }
    if (tallest > 1) row.height = tallest * lineHeight(BODY_SIZE) + 4;
  }

  shareTexts.forEach((line, i) => {
    block(ws, totalRow + 1 + i, 1, lastCol, line, S.shares);
    ws.getRow(totalRow + 1 + i).height = linesFor(line, total, BODY_SIZE, false) * lineHeight(BODY_SIZE);
  });

  // Notes line and signature block.
  const notes = report.noteAddendum ? `${t.notes} ${report.noteAddendum}` : t.notes;
  block(ws, notesRow, 1, lastCol, notesValue(notes, S), S.notes);
  ws.getRow(notesRow).height = linesFor(notes, total, BODY_SIZE, false) * lineHeight(BODY_SIZE);
  // Under the notes, not between the table and them: the reader stops at "Ghi chú", so no
  // instruction line can ever be taken for a commune row.
  instructions.forEach((line, i) => {
    block(ws, notesRow + 1 + i, 1, lastCol, line, S.instructions);
    ws.getRow(notesRow + 1 + i).height = linesFor(line, total, BODY_SIZE, false) * lineHeight(BODY_SIZE);
  });
  block(ws, signRow, 1, leftEnd, 'NGƯỜI LẬP BIỂU', S.signTitle);
  block(ws, signRow, rightStart, lastCol, 'THỦ TRƯỞNG ĐƠN VỊ', S.signTitle);
  block(ws, signRow + 1, 1, leftEnd, '(Ký, ghi rõ họ tên)', S.signHint);
  block(ws, signRow + 1, rightStart, lastCol, '(Ký, ghi rõ họ tên)', S.signHint);
  ws.pageSetup.printArea = `A1:${colName(lastCol)}${signRow + 1}`;
}

function sheetNames(grids: Grid[]): string[] {
  const used = new Map<string, number>();
  return grids.map((g) => {
    const base = getTemplate(g.template).appendix;
    const k = (used.get(base) ?? 0) + 1;
    used.set(base, k);
    // Excel refuses two sheets of one name; a second grid of a template gets "(2)".
    return k === 1 ? base : `${base} (${k})`;
  });
}

/** Under a count table of a commune's form. */
const COUNT_INSTRUCTION = 'Hướng dẫn: ghi số nguyên (số người, số trẻ) vào các ô trắng, để trống ô chưa có số liệu (không ghi 0 thay cho ô trống); đánh dấu x ở cột ĐBKK nếu xã thuộc diện đặc biệt khó khăn. Tỉ lệ tự tính.';

/** The workbook of a report, one sheet per grid, in template order; a commune's form with `form`. */
export function buildWorkbook(report: OfficialReport, opts: BuildOptions = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PCGD-XMC';
  // The report's date, not the clock: the same report gives the same file.
  wb.created = report.date;
  wb.modified = report.date;
  const order = (g: Grid) => TEMPLATES.findIndex((t) => t.id === g.template);
  const grids = report.grids
    .map((g, i) => ({ g, i }))
    .sort((a, b) => order(a.g) - order(b.g) || a.i - b.i)
    .map((x) => x.g);
  const names = sheetNames(grids);
  const styles = makeStyles();
  grids.forEach((g, i) => addGridSheet(wb, names[i], report, g, styles, opts.form));
  const form = opts.form && { forLine: opts.form.forLine, instructions: [COUNT_INSTRUCTION] };
  const look = { governing: `Ủy ban nhân dân ${unitPhrase(report.unit)}`, place: report.unit.name, date: report.date, form };
  const used = new Set(names);
  for (const c of report.counts ?? []) {
    let name = c.sheet.template.sheet;
    for (let k = 2; used.has(name); k++) name = `${c.sheet.template.sheet} (${k})`;
    used.add(name);
    addCountSheet(wb, name, c.sheet, c.levels, look);
  }
  if (report.targets?.length) addTargetSheet(wb, report.targets);
  return wb;
}

/** The .xlsx bytes of a report. */
export async function writeWorkbook(report: OfficialReport): Promise<Buffer> {
  const wb = buildWorkbook(report);
  // Deflate is most of the write time (pako, in JS). Level 1 takes about a third of the time of
  // the default 6 on these repetitive sheets for a file about 1.4× the size (10,000 communes:
  // 0.7 MB instead of 0.5 MB), which keeps a large export as quick as a plain unstyled write.
  const data: unknown = await wb.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } });
  // Under Node exceljs already hands back a Buffer; the typings say ArrayBuffer.
  return Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer);
}
