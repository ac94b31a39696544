// Loading a workbook file and recognising its grids. Every failure becomes a ReadError with a
// one-line Vietnamese reason: a user never sees a stack trace.
import type ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Finding, TargetSheetCells } from '../../../shared/report';
import { recogniseCountSheet, type RecognisedCountSheet } from '../../../shared/counts/read';
import type { SheetText } from '../../../shared/sheet/types';
import { targetHeaderRow } from '../../../shared/targets/sheet-header';
import { decodeSheet } from '../../../shared/sheet/legacy';
import { recogniseSheet, type RecognisedSheet } from '../../../shared/sheet/recognise';
import { exceljsBook, ORIGIN_SHEET, type BookSource } from './book';
import { checkForExceljs, checkZip, isEncrypted, refuseNonWorkbook } from './guard';
import { leanBook } from './lean/book';
import { ReadError, REFUSED } from './limits';
import { legacyFormat, sheetjsBook } from './sheetjs';

export { ReadError } from './limits';

export interface WorkbookRead {
  file: string;
  sheets: RecognisedSheet[];
  /** Count sheets (DOMAIN.md §9), in sheet order. */
  counts: RecognisedCountSheet[];
  /** Sheets that hold no known grid, with the reason. */
  unrecognized: { sheet: string; reason: string }[];
  /** What the reader did to the text itself (legacy encodings converted). */
  notes: Finding[];
  /** "Mục tiêu" sheets (DOMAIN.md §10.5): the plan's targets, read by shared/report. */
  targetSheets: TargetSheetCells[];
}

function legacyNote(sheet: string, encoding: string, cells: string[]): Finding {
  const shown = cells.length > 8 ? `${cells.slice(0, 8).join(', ')}, …` : cells.join(', ');
  return {
    rule: 'text.legacy-encoding',
    severity: 'info',
    sheet,
    cell: cells[0] ?? null,
    unit: null,
    message: `Trang "${sheet}": đã chuyển ${cells.length} ô từ mã ${encoding} sang Unicode (${shown}).`,
  };
}

const row9 = (s: SheetText, r: number): string[] => Array.from({ length: 9 }, (_, c) => s.rows.get(r)?.get(c + 1) ?? '');

/**
 * A "Mục tiêu" sheet's cells from A1 ('' where empty), columns A–I, down to the first row after
 * its header whose Chương trình and Mức are empty (where the targets reader stops); null when the
 * first 10 rows hold no targets header. Only those rows are built: a sheet may reach row 1 048 576.
 */
function targetCells(s: SheetText): string[][] | null {
  const cells = Array.from({ length: 10 }, (_, i) => row9(s, i + 1));
  const header = targetHeaderRow(cells);
  if (header < 0) return null;
  cells.length = header + 1;
  for (let r = header + 2; ; r++) {
    const row = row9(s, r);
    cells.push(row);
    if (!row[1] && !row[2]) return cells;
  }
}

export async function loadWorkbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  refuseNonWorkbook(buf);
  // JSZip would inflate every part without limit or CRC check, and exceljs expands what the
  // sheets declare: the zip is held to limits.ts first (guard.ts).
  checkForExceljs(buf);
  // Loaded when first needed: a parse worker reading only lean-readable files never pays for it.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new ReadError(REFUSED.broken);
  }
  return wb;
}

/**
 * A workbook's sheets: by the lean reader where it is sure of the file (nearly always), else by
 * exceljs, which reads the rest or says in a ReadError why the file cannot be read; .xls and .ods
 * by SheetJS. The format is told by the bytes, never by the file's name (`_name`: for callers).
 */
export async function openBook(buf: Buffer, _name: string): Promise<BookSource> {
  const legacy = legacyFormat(buf);
  if (legacy === 'xls' && !isEncrypted(buf)) return sheetjsBook(buf, 'xls');
  // An .ods is a zip too: held to the same limits before SheetJS inflates it.
  if (legacy === 'ods') {
    try {
      checkZip(buf, { ods: true });
    } catch (e) {
      // A zip that cannot be walked: worded for what the officer chose, an .ods.
      throw e instanceof ReadError && e.message === REFUSED.broken ? new ReadError(REFUSED.odsBroken) : e;
    }
    return sheetjsBook(buf, 'ods');
  }
  refuseNonWorkbook(buf);
  // The directory is walked and held to the limits once; the lean reader reads from it.
  const entries = checkZip(buf);
  return leanBook(buf, entries) ?? exceljsBook(await loadWorkbook(buf));
}

export async function readWorkbookBuffer(buf: Buffer, file: string): Promise<WorkbookRead> {
  return readBook(await openBook(buf, file), file);
}

export function readBook(book: BookSource, file: string): WorkbookRead {
  const sheets: RecognisedSheet[] = [];
  const counts: RecognisedCountSheet[] = [];
  const unrecognized: WorkbookRead['unrecognized'] = [];
  const notes: Finding[] = [];
  const targetSheets: TargetSheetCells[] = [];
  for (const ws of book.sheets) {
    // The form's origin sheet: veryHidden as written, plain 'hidden' after a LibreOffice save.
    if (ws.state === 'veryHidden' || ws.name === ORIGIN_SHEET) continue;
    // Old office PCs: TCVN3 / VNI text, told by font first, then by content (DOMAIN.md §6).
    const decoded = decodeSheet(ws.text());
    for (const n of decoded.notes) notes.push(legacyNote(ws.name, n.encoding, n.cells));
    // Count sheets are tried before the Phụ lục templates (§9.1).
    const c = recogniseCountSheet(decoded.sheet);
    if (c) {
      if (c.ok) counts.push(c.sheet);
      else unrecognized.push({ sheet: ws.name, reason: c.reason });
      continue;
    }
    const r = recogniseSheet(decoded.sheet);
    if (r.ok) sheets.push(r.sheet);
    else {
      const cells = targetCells(decoded.sheet);
      if (cells) targetSheets.push({ sheet: ws.name, cells });
      else unrecognized.push({ sheet: ws.name, reason: r.reason });
    }
  }
  return { file, sheets, counts, unrecognized, notes, targetSheets };
}

export async function readWorkbookFile(path: string): Promise<WorkbookRead> {
  return readWorkbookBuffer(await readFileBytes(path), path);
}

/** A file's bytes, or a ReadError saying in Vietnamese why not. */
export async function readFileBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ReadError(
      code === 'ENOENT'
        ? `không tìm thấy tệp "${basename(path)}".`
        : code === 'EISDIR'
          ? `"${basename(path)}" là thư mục, không phải tệp.`
          : `không đọc được tệp "${basename(path)}" (${code ?? 'lỗi hệ thống'}).`,
    );
  }
}
