// What an import did, counted the way DHIS2's import summary counts: files stored (with and
// without changes), cells changed, and every file skipped with its reason.
import type { BatchStatus, ImportFileResult } from '../../../shared/api';
import { SKIPPED_BECAUSE, STATUS_WORD } from './importWords';

export type FileRow = ImportFileResult & { index: number };

export interface SkippedFile {
  index: number;
  file: string;
  unit: string | null;
  reason: string;
}

export interface ImportSummaryData {
  /** 'done': every chosen file went through; 'cancelled': stopped between files; 'failed': stopped by an error. */
  state: 'done' | 'cancelled' | 'failed';
  error?: string;
  /** Files given to the dialog. */
  total: number;
  stored: FileRow[];
  /** Stored files that changed at least one cell. */
  updated: number;
  cells: number;
  skipped: SkippedFile[];
}

/**
 * `preview`: every file's result from the check; `chosen`: the indexes the user ticked;
 * `run`: the storing batch's last status (its files carry their indexes).
 */
export function summarise(preview: FileRow[], chosen: ReadonlySet<number>, run: BatchStatus, total: number): ImportSummaryData {
  const ran = new Map(run.files.map((f) => [f.index, f]));
  const stored = run.files.filter((f) => f.status === 'ok');
  const skipped: SkippedFile[] = [];
  const byIndex = new Map(preview.map((f) => [f.index, f]));
  for (let index = 0; index < total; index++) {
    const p = byIndex.get(index);
    const r = ran.get(index);
    const name = r?.file ?? p?.file ?? '';
    const unit = r?.unit ?? p?.unit ?? null;
    if (r) {
      // A conflict with a reason is one of origin (the form cannot be trusted), not of edits.
      const why = r.status === 'conflict' && r.reason ? 'không kiểm được nguồn gốc của biểu' : SKIPPED_BECAUSE[r.status as Exclude<typeof r.status, 'ok'>];
      if (r.status !== 'ok') skipped.push({ index, file: name, unit, reason: withDetail(why, r.reason) });
    } else if (!chosen.has(index)) {
      const why = p && p.status !== 'ok' ? `không chọn (${STATUS_WORD[p.status].toLowerCase()})` : 'không chọn';
      skipped.push({ index, file: name, unit, reason: withDetail(why, p?.status === 'rejected' || p?.status === 'conflict' ? p.reason : undefined) });
    } else {
      skipped.push({ index, file: name, unit, reason: run.state === 'failed' ? 'chưa nhập: đợt nhập dừng vì lỗi' : 'chưa nhập: đã dừng trước tệp này' });
    }
  }
  return {
    state: run.state === 'running' ? 'done' : run.state,
    error: run.error,
    total,
    stored,
    updated: stored.filter((f) => f.changes.length > 0).length,
    cells: stored.reduce((n, f) => n + f.changes.length, 0),
    skipped,
  };
}

function withDetail(why: string, detail: string | undefined): string {
  return detail ? `${why}: ${detail}` : why;
}
