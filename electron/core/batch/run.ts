// A batch of files: parsed on worker threads ahead of time, stored one by one in input order
// on this thread (so "the second file for a commune" is decided the same way every time),
// with progress after each file and a cancel that stops cleanly between files.
import type { ImportFileResult } from '../../../shared/api';
import { isUserError } from '../../../shared/errors';
import { newBatchMemory, storeParsed, type ImportOptions } from '../import';
import type { Store } from '../store/store';
import type { ParsedFile } from './parse';
import type { ParsePool } from './pool';

export interface BatchInput {
  name: string;
  load(): Promise<Buffer>;
  /** Store this file even if it conflicts (the user's choice for this file only). */
  force?: boolean;
}

export interface BatchProgress {
  done: number;
  total: number;
  last: ImportFileResult;
}

export interface BatchRun extends ImportOptions {
  pool: ParsePool;
  signal?: AbortSignal;
  onProgress?(p: BatchProgress): void;
}

/** How many files are parsed ahead of the one being stored (bounded memory on large batches). */
const AHEAD = 8;

export async function runBatch(store: Store, inputs: BatchInput[], run: BatchRun): Promise<{ files: ImportFileResult[]; cancelled: boolean }> {
  const parsed: Promise<ParsedFile>[] = [];
  const schedule = (i: number) => {
    if (i < inputs.length && !parsed[i]) {
      parsed[i] = inputs[i].load().then(
        (buf) => run.pool.parse(inputs[i].name, buf),
        (e: unknown) => ({
          name: inputs[i].name,
          sha256: '',
          ok: false as const,
          reason: isUserError(e) ? e.message : `không đọc được tệp "${inputs[i].name}" từ ổ đĩa.`,
        }),
      );
    }
  };
  const memory = newBatchMemory();
  const files: ImportFileResult[] = [];
  for (let i = 0; i < inputs.length; i++) {
    if (run.signal?.aborted) return { files, cancelled: true };
    for (let k = i; k < i + AHEAD; k++) schedule(k);
    const p = await parsed[i];
    if (run.signal?.aborted) return { files, cancelled: true };
    const r = storeParsed(store, p, memory, inputs[i].force ? { ...run, force: true } : run);
    files.push(r);
    run.onProgress?.({ done: i + 1, total: inputs.length, last: r });
    // A turn of the event loop between files: when the workers are ahead, every parsed file is
    // already there and the loop would otherwise store them all in one go, while the page's
    // progress polls, its cancel and any other call wait for the whole batch to end.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return { files, cancelled: false };
}
