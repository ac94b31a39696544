// The CPU-heavy half of importing a file: unzip, read, decode legacy text, recognise grids,
// find the form's origin. Pure of the database, so it runs in worker threads on both cores.
import { createHash } from 'node:crypto';
import { originText } from '../excel/book';
import { isUserError } from '../../../shared/errors';
import { openBook, readBook, type WorkbookRead } from '../excel/read';
import { faultLogPath, fileFaultLog } from '../fault-log';

export type ParsedFile =
  | { name: string; sha256: string; ok: true; wb: WorkbookRead; /** Parsed on the main thread (import.ts). */ originText: string | null }
  | { name: string; sha256: string; ok: false; reason: string };

export async function parseFile(name: string, buf: Buffer): Promise<ParsedFile> {
  const sha256 = createHash('sha256').update(buf).digest('hex');
  try {
    const book = await openBook(buf, name);
    return { name, sha256, ok: true, wb: readBook(book, name), originText: originText(book) };
  } catch (e) {
    if (isUserError(e)) return { name, sha256, ok: false, reason: e.message };
    fileFaultLog(faultLogPath()).write(e, `đọc tệp ${name}`);
    return { name, sha256, ok: false, reason: `không đọc được tệp (lỗi không mong đợi khi đọc; chi tiết trong ${faultLogPath()}).` };
  }
}
