// The "Mục tiêu" sheet's header, apart from the reader of its rows: the workbook reader runs in
// the parse workers and only asks whether a sheet is this one; the row reader validates with zod,
// whose loading (≈ 70 ms) a worker must not pay at each start (tests/unit/worker-bundle.test.ts).
import { cleanText } from '../text/normalize';
import type { Cell } from '../units/change-table';

export const TARGET_HEADINGS = ['STT', 'Chương trình', 'Mức', 'Loại chỉ tiêu', 'Giá trị', 'Năm/Giai đoạn', 'Đơn vị', 'Duy trì/Phấn đấu', 'Nội dung'] as const;
export const TARGET_TITLE = 'MỤC TIÊU KẾ HOẠCH VỀ PHỔ CẬP GIÁO DỤC, XÓA MÙ CHỮ';

export const COLUMNS = 'ABCDEFGHI';
const headingKey = (s: string) => cleanText(s).toLowerCase().replace(/\s*\/\s*/g, '/');

export function text(c: Cell): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return cleanText(String(c));
}

/** Whether a sheet's cells hold the targets header within its first 10 rows (row index or -1). */
export function targetHeaderRow(cells: readonly (readonly Cell[])[]): number {
  const want = TARGET_HEADINGS.map(headingKey);
  return cells.slice(0, 10).findIndex((r) => want.every((h, i) => headingKey(text(r[i])) === h));
}

