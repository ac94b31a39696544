// Files named on the command line; a folder stands for the workbooks inside it.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export async function expandInputs(args: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const a of args) {
    const s = await stat(a).catch(() => null);
    if (s?.isDirectory()) {
      const names = (await readdir(a)).filter((n) => /\.xlsx?$/i.test(n) && !n.startsWith('~$')).sort((x, y) => x.localeCompare(y, 'vi'));
      out.push(...names.map((n) => join(a, n)));
    } else out.push(a); // a missing file is reported as rejected, with its reason
  }
  return out;
}
