// Text as a workbook can hold it. XML 1.0 cannot carry C0 control characters other than tab, line
// feed and carriage return, nor a lone surrogate, nor U+FFFE/U+FFFF: exceljs writes them as they
// are and the file is then not well-formed (Excel "repairs" it, openpyxl refuses it). And Excel
// holds at most 32,767 characters in a cell. Names and values come from files and typing, so
// every text the writers put in a cell passes through here.

/** Excel's limit on the characters of one cell. */
export const EXCEL_CELL_MAX = 32_767;

const NOT_XML = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NOT_XML_ALL = new RegExp(NOT_XML.source, 'g');

/** The text without what XML cannot carry, cut to Excel's cell limit (never inside a pair). */
export function excelText(s: string): string {
  const out = NOT_XML.test(s) ? s.replace(NOT_XML_ALL, '') : s;
  if (out.length <= EXCEL_CELL_MAX) return out;
  const last = out.charCodeAt(EXCEL_CELL_MAX - 1);
  return out.slice(0, last >= 0xd800 && last <= 0xdbff ? EXCEL_CELL_MAX - 1 : EXCEL_CELL_MAX);
}
