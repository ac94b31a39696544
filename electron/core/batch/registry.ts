// Batches running for the app: started by one call, polled by another, cancelled by a third,
// so a long import never blocks the window and shows its progress file by file.
import type { BatchStatus } from '../../../shared/api';
import { isUserError } from '../../../shared/errors';
import { faultLogPath, fileFaultLog, type FaultLog } from '../fault-log';
import type { ImportOptions } from '../import';
import { asDbFault } from '../store/db-faults';
import type { Store } from '../store/store';
import type { ParsePool } from './pool';
import { runBatch, type BatchInput } from './run';

interface Entry {
  status: BatchStatus;
  controller: AbortController;
}

export class BatchRegistry {
  private batches = new Map<number, Entry>();
  private nextId = 1;

  constructor(
    private readonly store: Store,
    private readonly pool: ParsePool,
    private readonly log: FaultLog = fileFaultLog(faultLogPath()),
  ) {}

  /** inputs[i].index: the file's position in what the user gave, kept in the results. */
  start(inputs: (BatchInput & { index: number })[], opts: ImportOptions): number {
    const batchId = this.nextId++;
    const controller = new AbortController();
    const status: BatchStatus = { batchId, state: 'running', dryRun: !!opts.dryRun, done: 0, total: inputs.length, files: [] };
    this.batches.set(batchId, { status, controller });
    // Keep a few finished batches for late pollers, not all of them.
    for (const id of [...this.batches.keys()].slice(0, -20)) this.batches.delete(id);
    void runBatch(this.store, inputs, {
      ...opts,
      pool: this.pool,
      signal: controller.signal,
      onProgress: ({ done, last }) => {
        status.done = done;
        status.files.push({ ...last, index: inputs[done - 1].index });
      },
    }).then(
      (r) => {
        status.state = r.cancelled ? 'cancelled' : 'done';
      },
      (err: unknown) => {
        status.state = 'failed';
        // A full disk or a lock says so, naming the file. Each file is stored in its own
        // transaction: what was stored before the failure is whole.
        const e = asDbFault(err, this.store.file);
        status.error = isUserError(e) ? e.message : `Đợt nhập dừng vì một lỗi không mong đợi; các tệp đã lưu vẫn nguyên vẹn. ${this.log.write(e, 'đợt nhập')}`;
      },
    );
    return batchId;
  }

  /** The batch's state, with its results from `since` on (a poll sends only what is new). */
  status(batchId: number, since = 0): BatchStatus | undefined {
    const e = this.batches.get(batchId);
    return e && { ...e.status, files: e.status.files.slice(since) };
  }

  /** Whether a batch is still storing (the database must not be replaced under it). */
  running(): boolean {
    return [...this.batches.values()].some((e) => e.status.state === 'running');
  }

  cancel(batchId: number): boolean {
    const e = this.batches.get(batchId);
    if (!e || e.status.state !== 'running') return false;
    e.controller.abort();
    return true;
  }
}
