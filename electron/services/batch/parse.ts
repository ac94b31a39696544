// The CPU-heavy half of importing a file: unzip, read, decode legacy text, recognise grids,
// find the form's origin. Pure of the database, so it runs in worker threads on both cores.
import { createHash } from 'node:crypto';
import type { FormOrigin } from '../../../shared/form-origin';
import { readOrigin } from '../excel/forms';
import { loadWorkbook, readLoadedWorkbook, ReadError, type WorkbookRead } from '../excel/read';

export type ParsedFile =
  | { name: string; sha256: string; ok: true; wb: WorkbookRead; origin: FormOrigin | null }
  | { name: string; sha256: string; ok: false; reason: string };

export async function parseFile(name: string, buf: Buffer): Promise<ParsedFile> {
  const sha256 = createHash('sha256').update(buf).digest('hex');
  try {
    const loaded = await loadWorkbook(buf, name);
    return { name, sha256, ok: true, wb: readLoadedWorkbook(loaded, name), origin: readOrigin(loaded) };
  } catch (e) {
    if (e instanceof ReadError) return { name, sha256, ok: false, reason: e.message };
    return { name, sha256, ok: false, reason: 'không đọc được tệp (lỗi không mong đợi khi đọc).' };
  }
}
