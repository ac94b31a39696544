// Every edit is stored at once. Saves run one after another (an undo never overtakes the edit
// it undoes), and the state shown is that of the last one. When the page is about to go
// (reload, closed tab: useKeepOnLeave), the saves still waiting their turn go out together at
// once, in a request that outlives the page (api.ts: keepalive).
import { useCallback, useRef, useState } from 'react';
import { api, errorText } from './api';
import { commitEdits } from './editCommit';
import type { CellWrite } from './cells';

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; message: string };

export type SaveFn = (reportId: number, writes: CellWrite[]) => void;

export interface Saver {
  status: SaveStatus;
  save: SaveFn;
  /** Resolves when every save asked for so far has finished. */
  flush(): Promise<void>;
  /**
   * Commits the cell being typed into, then resolves when every save asked for, that one
   * included, has finished: before an export, the forms, a put-back, closing the window.
   */
  flushAll(): Promise<void>;
  /** Sends every save still waiting its turn now, in one request per report (the page is going). */
  sendNow(): void;
}

interface Batch {
  reportId: number;
  writes: CellWrite[];
}

/** The batches as one per report, each report's writes in the order asked (the last write of a cell wins). */
export function mergeBatches(batches: readonly Batch[]): Batch[] {
  const byReport = new Map<number, CellWrite[]>();
  for (const b of batches) {
    const writes = byReport.get(b.reportId);
    if (writes) writes.push(...b.writes);
    else byReport.set(b.reportId, [...b.writes]);
  }
  return [...byReport].map(([reportId, writes]) => ({ reportId, writes }));
}

/** The next task: AG Grid hands an edit stopped a moment ago (Enter) over in a task of its own. */
const nextTask = () => new Promise<void>((ok) => setTimeout(ok, 0));

export function useSaver(onFailure: () => void): Saver {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  /** Asked for, not yet sent; how many requests are on their way; who waits for all to finish. */
  const queue = useRef({ waiting: [] as Batch[], sending: 0, idle: [] as (() => void)[] });
  const failure = useRef(onFailure);
  failure.current = onFailure;

  const pumpRef = useRef<() => void>(() => {});
  const send = useCallback((batch: Batch) => {
    const q = queue.current;
    q.sending++;
    api.setCells(batch).then(
      (r) => {
        q.sending--;
        if (!q.sending && !q.waiting.length) setStatus({ kind: 'saved', at: r.savedAt });
        pumpRef.current();
      },
      (e: unknown) => {
        q.sending--;
        setStatus({ kind: 'error', message: errorText(e) });
        // What the screen shows must be what is stored: reload from the database.
        failure.current();
        pumpRef.current();
      },
    );
  }, []);

  const pump = useCallback(() => {
    const q = queue.current;
    if (q.sending) return;
    const next = q.waiting.shift();
    if (next) {
      send(next);
      return;
    }
    const idle = q.idle;
    q.idle = [];
    for (const done of idle) done();
  }, [send]);
  pumpRef.current = pump;

  const save = useCallback<SaveFn>(
    (reportId, writes) => {
      if (!writes.length) return;
      queue.current.waiting.push({ reportId, writes });
      setStatus({ kind: 'saving' });
      // Sent in a microtask: after the render the edit asked for (React's, queued first), before
      // any other task (a reload's pagehide finds it sent). Sent here, the request's setting-up
      // came before the cell, the total and the findings on screen.
      queueMicrotask(pump);
    },
    [pump],
  );

  const flush = useCallback(
    () =>
      new Promise<void>((done) => {
        queue.current.idle.push(done);
        pump();
      }),
    [pump],
  );

  const flushAll = useCallback(async () => {
    commitEdits();
    await nextTask();
    await flush();
  }, [flush]);

  const sendNow = useCallback(() => {
    const q = queue.current;
    const batches = mergeBatches(q.waiting);
    q.waiting = [];
    for (const b of batches) send(b);
  }, [send]);

  return { status, save, flush, flushAll, sendNow };
}
