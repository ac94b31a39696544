// The import dialog: reading and checking with a progress bar and each file's status as it comes,
// then the dry-run preview where the user ticks the files to store (nothing is stored before),
// then storing with the same progress, then the summary. "Hủy" stops a batch between two files.
import { useEffect, useRef, useState } from 'react';
import { formatCount } from '../platform/format';
import type { FileRow } from './importSummary';
import { ImportFileTable } from './ImportFileTable';
import { ImportProgress } from './ImportProgress';
import { ImportSummaryView } from './ImportSummaryView';
import { useFocusTrap } from '../platform/useFocusTrap';
import { canChoose, chosenByDefault, STATUS_WORD, type FileStatus } from './importWords';
import type { ImportState } from './useImport';

interface Props {
  state: ImportState;
  onToggle(index: number, on: boolean): void;
  onChooseAll(on: boolean): void;
  onApply(): void;
  onStop(): void;
  onClose(): void;
}

const ORDER: FileStatus[] = ['ok', 'conflict', 'duplicate', 'unknown-unit', 'rejected'];

function statusCounts(results: FileRow[]): string {
  return ORDER.map((s) => [s, results.filter((r) => r.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${formatCount(n)} ${STATUS_WORD[s].toLowerCase()}`)
    .join(', ');
}

/** Files worth a look before storing: not ready, or with errors. */
const needsReview = (r: FileRow) => r.status !== 'ok' || r.findings.some((f) => f.severity === 'error');

const running = (s: ImportState) => s.phase === 'reading' || s.phase === 'checking' || s.phase === 'storing';

export function ImportDialog({ state, onToggle, onChooseAll, onApply, onStop, onClose }: Props) {
  const primary = useRef<HTMLButtonElement>(null);
  const showing = state.phase !== 'idle';
  const [onlyReview, setOnlyReview] = useState(false);
  useEffect(() => {
    if (state.phase === 'reading') setOnlyReview(false);
  }, [state.phase]);

  // The main button takes the focus when a step ends: Enter applies, then Enter closes.
  useEffect(() => {
    if (state.phase === 'preview' || state.phase === 'summary' || state.phase === 'stopped') primary.current?.focus();
  }, [state.phase]);

  const box = useRef<HTMLDivElement>(null);
  useFocusTrap(box, showing);

  const keys = useRef({ state, onApply, onStop, onClose });
  keys.current = { state, onApply, onStop, onClose };
  useEffect(() => {
    if (!showing) return;
    const onKey = (e: KeyboardEvent) => {
      const { state: s, onApply: apply, onStop: stop, onClose: close } = keys.current;
      if (e.key === 'Escape') {
        e.preventDefault();
        if (running(s)) stop();
        else close();
      } else if (e.key === 'Enter' && !(e.target instanceof HTMLElement && e.target.closest('button, a, summary, textarea'))) {
        if (s.phase === 'preview') {
          e.preventDefault();
          apply();
        } else if (s.phase === 'summary' || s.phase === 'stopped') {
          e.preventDefault();
          close();
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [showing]);

  if (!showing) return null;

  let body;
  let actions;
  const cancel = (stopping: boolean) => (
    <button type="button" className="btn" data-testid="import-cancel" onClick={onStop} disabled={stopping}>
      {stopping ? 'Đang dừng…' : 'Hủy'}
    </button>
  );
  const closeButton = (
    <button ref={primary} type="button" className="btn btn-primary" data-testid="import-close" onClick={onClose}>
      Đóng
    </button>
  );

  switch (state.phase) {
    case 'reading':
      body = <ImportProgress doing="Đang đọc" done={state.done} total={state.total} />;
      actions = cancel(false);
      break;
    case 'checking':
      body = (
        <>
          <ImportProgress doing="Đang kiểm tra" done={state.done} total={state.files.length} stopping={state.stopping} />
          <p className="lead">Đang kiểm tra từng tệp: chưa có gì được lưu.</p>
          <ImportFileTable names={state.files.map((f) => f.name)} results={state.results} verb="sẽ thay đổi" />
        </>
      );
      actions = cancel(state.stopping);
      break;
    case 'stopped':
      body = (
        <>
          <p className="stopped" data-testid="import-stopped" role="status">
            {state.error ? `Việc kiểm tra dừng vì lỗi: ${state.error}` : 'Đã dừng kiểm tra.'} Đã kiểm tra {formatCount(state.done)}/
            {formatCount(state.files.length)} tệp. Chưa có gì được lưu.
          </p>
          <ImportFileTable names={state.files.map((f) => f.name)} results={state.results} words={{ pending: 'Chưa kiểm tra' }} verb="sẽ thay đổi" />
        </>
      );
      actions = closeButton;
      break;
    case 'preview': {
      const chosen = state.chosen;
      const readyCount = state.results.filter(chosenByDefault).length;
      const review = new Set(state.results.filter(needsReview).map((r) => r.index));
      body = (
        <>
          <p className="lead">
            Xem trước: chưa có gì được lưu. Đánh dấu các tệp cần nhập rồi chọn “Nhập”. Tệp có lỗi, xung đột hoặc trùng xã chỉ được
            nhập khi bạn tự đánh dấu; tệp không đọc được hoặc không rõ xã không nhập được.
          </p>
          <div className="preview-bar">
            <span data-testid="import-counts">
              {formatCount(state.files.length)} tệp: {statusCounts(state.results)}.
            </span>
            <span className="toolbar-fill" />
            <label className="check-label">
              <input type="checkbox" checked={onlyReview} onChange={(e) => setOnlyReview(e.currentTarget.checked)} data-testid="import-only-review" />
              Chỉ hiện tệp cần xem lại ({formatCount(review.size)})
            </label>
            <button type="button" className="btn" onClick={() => onChooseAll(true)} disabled={readyCount === 0} data-testid="import-choose-all">
              Chọn tất cả
            </button>
            <button type="button" className="btn" onClick={() => onChooseAll(false)} disabled={chosen.size === 0} data-testid="import-choose-none">
              Bỏ chọn tất cả
            </button>
          </div>
          <ImportFileTable
            names={state.files.map((f) => f.name)}
            results={state.results}
            only={onlyReview ? review : undefined}
            choiceOf={(i, r) => ({ checked: chosen.has(i), disabled: !r || !canChoose(r.status) })}
            onToggle={onToggle}
            verb="sẽ thay đổi"
          />
        </>
      );
      actions = (
        <>
          <span className="muted">Đã chọn {formatCount(chosen.size)} tệp.</span>
          <button ref={primary} type="button" className="btn btn-primary" data-testid="import-apply" onClick={onApply} disabled={chosen.size === 0}>
            Nhập {formatCount(chosen.size)} tệp đã chọn
          </button>
          <button type="button" className="btn" data-testid="import-cancel" onClick={onClose}>
            Hủy
          </button>
        </>
      );
      break;
    }
    case 'storing':
      body = (
        <>
          <ImportProgress doing="Đang nhập" done={state.done} total={state.total} stopping={state.stopping} />
          <p className="lead">Mỗi tệp được lưu trọn vẹn hoặc không lưu gì; “Hủy” dừng sau tệp đang lưu.</p>
          <ImportFileTable
            names={state.files.map((f) => f.name)}
            results={state.results}
            only={state.chosen}
            words={{ ok: 'Đã nhập', pending: 'Chờ nhập' }}
            verb="đã thay đổi"
          />
        </>
      );
      actions = cancel(state.stopping);
      break;
    case 'summary':
      body = <ImportSummaryView summary={state.summary} />;
      actions = closeButton;
      break;
  }

  return (
    <div className="modal-backdrop">
      <div ref={box} tabIndex={-1} className="modal modal-wide" role="dialog" aria-modal="true" aria-labelledby="import-title" data-testid="import-dialog" data-phase={state.phase}>
        <h2 id="import-title">{state.phase === 'summary' ? 'Kết quả nhập' : 'Nhập tệp Excel'}</h2>
        {body}
        <footer className="modal-actions">{actions}</footer>
      </div>
    </div>
  );
}
