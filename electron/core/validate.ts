// validate: read a workbook file and check it, with no database involved.
import { validateWorkbook, type ValidationReport } from '../../shared/report';
import { readWorkbookFile, ReadError } from './excel/read';

export class NoGridError extends ReadError {}

export async function validateFile(path: string): Promise<ValidationReport> {
  const wb = await readWorkbookFile(path);
  if (!wb.sheets.length && !wb.counts.length) {
    const why = wb.unrecognized.length
      ? `không có trang nào là biểu phụ lục (${wb.unrecognized.map((u) => `"${u.sheet}": ${u.reason}`).join('; ')}).`
      : 'sổ làm việc không có trang nào.';
    throw new NoGridError(why);
  }
  return validateWorkbook(path, wb);
}
