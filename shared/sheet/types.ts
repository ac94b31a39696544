/** A sheet as a sparse matrix of cell texts (1-based rows and columns), whatever wrote it. */
export interface SheetText {
  name: string;
  rows: Map<number, Map<number, string>>;
  /**
   * Font name of text cells, by "row:col" (legacy encodings are told by font first). A reader may
   * leave it empty when no font of the workbook is a legacy one (the lean reader does).
   */
  fonts: Map<string, string>;
  colCount: number;
}

export function textAt(s: SheetText, r: number, c: number): string {
  return s.rows.get(r)?.get(c) ?? '';
}

/** "C", "AA" for a 1-based column number. */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
