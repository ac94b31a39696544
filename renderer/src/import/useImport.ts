// The import flow, off the UI thread: read the chosen files, check them in a dry-run batch
// (startImport + importStatus polling, nothing stored), let the user tick the files to keep,
// then store those in a second batch and sum up what was stored and what was skipped and why.
// Both batches show their progress file by file and stop cleanly between files on "Hủy".
import { useCallback, useRef, useState } from 'react';
import type { BatchStatus } from '../../../shared/api';
import { api, errorText } from '../platform/api';
import { fileToBase64, isWorkbookName } from '../platform/bytes';
import { summarise, type FileRow, type ImportSummaryData } from './importSummary';
import { chosenByDefault } from './importWords';

export interface FilePayload {
  name: string;
  data: string;
}

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'reading'; done: number; total: number }
  | { phase: 'checking'; files: FilePayload[]; done: number; results: FileRow[]; stopping: boolean }
  | { phase: 'stopped'; files: FilePayload[]; done: number; results: FileRow[]; error?: string }
  | { phase: 'preview'; files: FilePayload[]; results: FileRow[]; chosen: ReadonlySet<number> }
  | {
      phase: 'storing';
      files: FilePayload[];
      preview: FileRow[];
      chosen: ReadonlySet<number>;
      done: number;
      total: number;
      results: FileRow[];
      stopping: boolean;
    }
  | { phase: 'summary'; summary: ImportSummaryData };

export interface ImportCallbacks {
  /** Something was stored (the database changed under the page). */
  onStored(summary: ImportSummaryData): void;
  onMessage(kind: 'error' | 'info', text: string): void;
}

/** How often a running batch is asked how far it got. */
export const POLL_MS = 200;
/** The contract's limit on one batch. */
const MAX_FILES = 2000;

class Abandoned extends Error {}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** Folder order, as the CLI imports a folder: by name, the Vietnamese way. */
function sortFiles(files: File[]): File[] {
  const path = (f: File) => f.webkitRelativePath || f.name;
  return [...files].sort((a, b) => path(a).localeCompare(path(b), 'vi'));
}

export function useImport({ onStored, onMessage }: ImportCallbacks) {
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const current = useRef<ImportState>(state);
  /** Bumped when the dialog closes: a poll loop of an older run stops quietly. */
  const run = useRef(0);
  const batch = useRef<number | null>(null);

  const set = useCallback((s: ImportState) => {
    current.current = s;
    setState(s);
  }, []);

  /** Polls a batch until it ends, reporting each status. */
  const follow = useCallback(async (token: number, batchId: number, update: (s: BatchStatus) => void): Promise<BatchStatus> => {
    // Only the results not yet here travel: a batch holds up to 2,000, each with its findings.
    let files: BatchStatus['files'] = [];
    for (;;) {
      const s = await api.importStatus({ batchId, since: files.length });
      if (token !== run.current) throw new Abandoned();
      if (s.files.length) files = [...files, ...s.files];
      const whole = { ...s, files };
      update(whole);
      if (whole.state !== 'running') return whole;
      await sleep(POLL_MS);
      if (token !== run.current) throw new Abandoned();
    }
  }, []);

  const start = useCallback(
    async (given: File[]) => {
      const phase = current.current.phase;
      if (phase === 'reading' || phase === 'checking' || phase === 'storing') {
        onMessage('error', 'Đang nhập một đợt tệp: hãy chờ xong hoặc bấm Hủy trước khi chọn tệp khác.');
        return;
      }
      const files = sortFiles(given.filter((f) => isWorkbookName(f.name)));
      const ignored = given.length - files.length;
      if (!files.length) {
        onMessage('error', 'Không có tệp Excel (.xlsx, .xls) hay bảng tính .ods nào trong những gì đã chọn.');
        return;
      }
      if (files.length > MAX_FILES) {
        onMessage('error', `Mỗi lần chỉ nhập được tối đa ${MAX_FILES} tệp; đã chọn ${files.length} tệp.`);
        return;
      }
      if (ignored) onMessage('info', `Đã bỏ qua ${ignored} tệp không phải Excel.`);
      const token = ++run.current;
      try {
        const payload: FilePayload[] = [];
        set({ phase: 'reading', done: 0, total: files.length });
        for (const f of files) {
          payload.push({ name: f.name, data: await fileToBase64(f) });
          if (token !== run.current) return;
          set({ phase: 'reading', done: payload.length, total: files.length });
        }
        const { batchId } = await api.startImport({ files: payload, dryRun: true });
        batch.current = batchId;
        if (token !== run.current) {
          void api.cancelImport({ batchId });
          return;
        }
        set({ phase: 'checking', files: payload, done: 0, results: [], stopping: false });
        const end = await follow(token, batchId, (s) => {
          const was = current.current;
          set({ phase: 'checking', files: payload, done: s.done, results: s.files, stopping: was.phase === 'checking' && was.stopping });
        });
        batch.current = null;
        if (end.state === 'done') {
          const chosen = new Set(end.files.filter(chosenByDefault).map((f) => f.index));
          set({ phase: 'preview', files: payload, results: end.files, chosen });
        } else set({ phase: 'stopped', files: payload, done: end.done, results: end.files, error: end.error });
      } catch (e) {
        batch.current = null;
        if (e instanceof Abandoned || token !== run.current) return;
        set({ phase: 'idle' });
        onMessage('error', `Không đọc được tệp: ${errorText(e)}`);
      }
    },
    [follow, onMessage, set],
  );

  const toggle = useCallback(
    (index: number, on: boolean) => {
      const s = current.current;
      if (s.phase !== 'preview') return;
      const chosen = new Set(s.chosen);
      if (on) chosen.add(index);
      else chosen.delete(index);
      set({ ...s, chosen });
    },
    [set],
  );

  /** Ticks every file ready to store and free of errors (or none): conflicts, duplicates and files with errors are ticked one by one, knowingly. */
  const chooseAll = useCallback(
    (on: boolean) => {
      const s = current.current;
      if (s.phase !== 'preview') return;
      set({ ...s, chosen: new Set(on ? s.results.filter(chosenByDefault).map((f) => f.index) : []) });
    },
    [set],
  );

  const apply = useCallback(async () => {
    const s = current.current;
    if (s.phase !== 'preview' || s.chosen.size === 0) return;
    const { files, results: preview, chosen } = s;
    const accept = [...chosen].sort((a, b) => a - b);
    const forceFiles = accept.filter((i) => preview.find((f) => f.index === i)?.status === 'conflict');
    const token = ++run.current;
    set({ phase: 'storing', files, preview, chosen, done: 0, total: accept.length, results: [], stopping: false });
    let batchId: number;
    try {
      batchId = (await api.startImport({ files, dryRun: false, accept, forceFiles })).batchId;
    } catch (e) {
      if (token !== run.current) return;
      set({ phase: 'preview', files, results: preview, chosen });
      onMessage('error', `Không nhập được: ${errorText(e)}`);
      return;
    }
    batch.current = batchId;
    let end: BatchStatus;
    try {
      end = await follow(token, batchId, (b) => {
        const was = current.current;
        set({ phase: 'storing', files, preview, chosen, done: b.done, total: b.total, results: b.files, stopping: was.phase === 'storing' && was.stopping });
      });
    } catch (e) {
      if (e instanceof Abandoned || token !== run.current) return;
      // The batch may still be running: what is stored is shown once the page reloads.
      end = { batchId, state: 'failed', dryRun: false, done: 0, total: accept.length, files: [], error: errorText(e) };
    } finally {
      batch.current = null;
    }
    const summary = summarise(preview, chosen, end, files.length);
    set({ phase: 'summary', summary });
    onStored(summary);
  }, [follow, onMessage, onStored, set]);

  /** "Hủy" while a batch runs: it stops between two files; while reading: drop the files. */
  const stop = useCallback(() => {
    const s = current.current;
    if (s.phase === 'reading') {
      run.current++;
      set({ phase: 'idle' });
    } else if ((s.phase === 'checking' || s.phase === 'storing') && !s.stopping) {
      set({ ...s, stopping: true });
      if (batch.current !== null) {
        api.cancelImport({ batchId: batch.current }).catch((e: unknown) => onMessage('error', `Không dừng được: ${errorText(e)}`));
      }
    }
  }, [onMessage, set]);

  /** Closes the dialog once nothing runs. */
  const close = useCallback(() => {
    const phase = current.current.phase;
    if (phase === 'reading' || phase === 'checking' || phase === 'storing') return;
    run.current++;
    set({ phase: 'idle' });
  }, [set]);

  return { state, start, toggle, chooseAll, apply, stop, close };
}
