// Every edit is stored at once. Saves run one after another (an undo never overtakes the edit
// it undoes), and the state shown is that of the last one.
import { useCallback, useRef, useState } from 'react';
import { api, errorText } from './api';
import type { CellWrite } from './gridEdits';

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
}

export function useSaver(onFailure: () => void): Saver {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const queue = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef(0);
  const failure = useRef(onFailure);
  failure.current = onFailure;

  const save = useCallback<SaveFn>((reportId, writes) => {
    if (!writes.length) return;
    pending.current++;
    setStatus({ kind: 'saving' });
    queue.current = queue.current.then(async () => {
      try {
        const r = await api.setCells({ reportId, writes });
        pending.current--;
        if (pending.current === 0) setStatus({ kind: 'saved', at: r.savedAt });
      } catch (e) {
        pending.current--;
        setStatus({ kind: 'error', message: errorText(e) });
        // What the screen shows must be what is stored: reload from the database.
        failure.current();
      }
    });
  }, []);

  const flush = useCallback(() => queue.current, []);
  return { status, save, flush };
}
