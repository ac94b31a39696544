// Turning exceljs cell values into the plain text the reader works on, whatever wrote the file.
import type ExcelJS from 'exceljs';
import type { SheetText } from '../../../shared/sheet/types';
import { cleanText } from '../../../shared/text/normalize';

/** The text a person sees in a cell: rich text joined, formulas by their cached result. */
export function valueText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return cleanText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return cleanText(value.richText.map((p) => p.text).join(''));
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      return result === undefined || result === null ? '' : valueText(result as ExcelJS.CellValue);
    }
    if ('text' in value) return cleanText(String((value as ExcelJS.CellHyperlinkValue).text));
    if ('error' in value) return String((value as ExcelJS.CellErrorValue).error);
  }
  return cleanText(String(value));
}

/**
 * A cell's text. A formula shows its cached result, read from cell.result: exceljs's cell.value
 * drops a falsy one, and a total of 0 would read as blank (a merged cell asks its master).
 */
function cellText(cell: ExcelJS.Cell): string {
  const source = cell.isMerged ? cell.master : cell;
  const v = source.value;
  if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
    const result = source.result as ExcelJS.CellValue;
    return result === undefined || result === null ? '' : valueText(result);
  }
  return valueText(v);
}

/** Text that no legacy font changes: marks, numbers, punctuation. */
const CASE_FREE = /^[xX×\d\s.,:;()\/-]*$/;

/**
 * Whether a cell's font is worth looking up: fonts tell legacy encodings apart (DOMAIN.md §6),
 * and a mark or a number reads the same in any of them (most cells of a large grid).
 */
export const needsFont = (text: string): boolean => !CASE_FREE.test(text);

/** Reads a worksheet into the plain text matrix the recogniser works on. */
export function sheetText(ws: ExcelJS.Worksheet): SheetText {
  const rows = new Map<number, Map<number, string>>();
  const fonts = new Map<string, string>();
  let colCount = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells = new Map<number, string>();
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const t = cellText(cell);
      if (t === '') return;
      cells.set(c, t);
      if (c > colCount) colCount = c;
      if (needsFont(t)) {
        const font = cell.font?.name;
        if (font) fonts.set(`${r}:${c}`, font);
      }
    });
    if (cells.size) rows.set(r, cells);
  });
  return { name: ws.name, rows, fonts, colCount };
}
