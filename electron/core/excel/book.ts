// What the reader needs of a workbook, whoever parsed it: its sheets in tab order, each with its
// state and its text. Two parsers give it: the lean one (lean/book.ts, the few XML parts a grid
// lives in) and exceljs (below), which takes every file the lean one is not sure of.
import type ExcelJS from 'exceljs';
import type { SheetText } from '../../../shared/sheet/types';
import { sheetText } from './cells';

/** The hidden sheet that carries a commune form's origin (forms.ts writes it). */
export const ORIGIN_SHEET = 'PCGD_NGUON';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetSource {
  name: string;
  state: SheetState;
  /** The sheet as the recogniser reads it (exceljs's semantics: merged ranges repeat their text). */
  text(): SheetText;
  /** Column A's texts exactly as stored, from row 1 down to the first blank (a form's origin). */
  columnA(): string[];
}

export interface BookSource {
  sheets: SheetSource[];
}

/**
 * The origin text a form carries, unparsed, or null: parsing it (zod, shared/form-origin.ts) is
 * left to the main thread, which keeps the parse workers small and quick to start.
 * The sheet is found by name whatever its state: a program that re-saves the file may turn a
 * veryHidden sheet into a hidden or even a visible one.
 */
export function originText(book: BookSource): string | null {
  return book.sheets.find((s) => s.name === ORIGIN_SHEET)?.columnA().join('') || null;
}

/** A cell's text exactly as stored: no trimming, which could eat a space at a chunk's edge. */
function rawText(v: ExcelJS.CellValue): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'richText' in v) return v.richText.map((p) => p.text).join('');
  return '';
}

export function exceljsBook(wb: ExcelJS.Workbook): BookSource {
  return {
    sheets: wb.worksheets.map((ws) => ({
      name: ws.name,
      state: ws.state as SheetState,
      text: () => sheetText(ws),
      columnA: () => {
        const out: string[] = [];
        for (let r = 1; r <= ws.rowCount; r++) {
          const part = rawText(ws.getCell(r, 1).value);
          if (part === '') break;
          out.push(part);
        }
        return out;
      },
    })),
  };
}
