// Files named on the command line; a folder stands for the workbooks inside it.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isWorkbookName } from '../../../shared/workbook-files';

export async function expandInputs(args: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const a of args) {
    const s = await stat(a).catch(() => null);
    if (s?.isDirectory()) {
      const names = (await readdir(a)).filter(isWorkbookName).sort((x, y) => x.localeCompare(y, 'vi'));
      out.push(...names.map((n) => join(a, n)));
    } else out.push(a); // a missing file is reported as rejected, with its reason
  }
  return out;
}
