// The import preview: per file its status, district, the changes (sheet, cell, old → new) and
// the findings; nothing is stored until "Nhập vào cơ sở dữ liệu".
import { useEffect, useRef } from 'react';
import type { ImportFileResult } from '../../shared/api';
import { STATUS_LABEL } from '../../shared/import-status';
import type { Finding } from '../../shared/report';
import type { Severity } from '../../shared/rules';
import { formatCount } from './format';
import type { ImportState } from './useImport';

const SEVERITY: Record<Severity, string> = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' };
const CHANGES_SHOWN = 200;

function blank(v: string) {
  return v === '' ? <span className="muted">(trống)</span> : v;
}

function FindingList({ findings }: { findings: Finding[] }) {
  if (!findings.length) return <p className="muted">Không có lỗi hay cảnh báo nào.</p>;
  return (
    <>
      {(['error', 'warning', 'info'] as const).map((s) => {
        const list = findings.filter((f) => f.severity === s);
        if (!list.length) return null;
        return (
          <div key={s} className={`problems-group sev-${s}`}>
            <h4>
              {SEVERITY[s]} ({formatCount(list.length)})
            </h4>
            <ul>
              {list.map((f, i) => (
                <li key={i} className="import-finding" data-rule={f.rule}>
                  {f.sheet && (
                    <span className="where">
                      {f.sheet}
                      {f.cell ? `!${f.cell}` : ''}:{' '}
                    </span>
                  )}
                  {f.message}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </>
  );
}

function FileResult({ r }: { r: ImportFileResult }) {
  return (
    <article className="import-file" data-testid="import-file">
      <header>
        <strong className="file-name">{r.file}</strong>
        <span className={`pill status-${r.status}`}>{STATUS_LABEL[r.status]}</span>
        {r.unit && <span className="muted">Đơn vị: {r.unit}</span>}
      </header>
      {r.reason && <p className="form-problem">{r.reason}</p>}
      {r.status !== 'rejected' && (
        <details open={r.changes.length <= 40 || undefined}>
          <summary>
            {r.changes.length ? `${formatCount(r.changes.length)} ô sẽ thay đổi` : 'Không có ô nào thay đổi so với dữ liệu đã lưu'}
          </summary>
          {r.changes.length > 0 && (
            <table className="changes">
              <thead>
                <tr>
                  <th>Trang</th>
                  <th>Ô</th>
                  <th>Giá trị cũ</th>
                  <th>Giá trị mới</th>
                </tr>
              </thead>
              <tbody>
                {r.changes.slice(0, CHANGES_SHOWN).map((c, i) => (
                  <tr key={i}>
                    <td>{c.sheet}</td>
                    <td>{c.cell ?? ''}</td>
                    <td>{blank(c.old)}</td>
                    <td>{blank(c.new)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {r.changes.length > CHANGES_SHOWN && <p className="muted">… và {formatCount(r.changes.length - CHANGES_SHOWN)} ô khác.</p>}
        </details>
      )}
      <FindingList findings={r.findings} />
    </article>
  );
}

interface Props {
  state: ImportState;
  onApply(): void;
  onCancel(): void;
}

export function ImportDialog({ state, onApply, onCancel }: Props) {
  const applyRef = useRef<HTMLButtonElement>(null);
  const showing = state.phase !== 'idle';
  useEffect(() => {
    if (state.phase === 'preview') applyRef.current?.focus();
  }, [state.phase]);
  useEffect(() => {
    if (!showing) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && state.phase === 'preview') onCancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [showing, state.phase, onCancel]);
  if (!showing) return null;

  const results = state.phase === 'preview' || state.phase === 'applying' ? state.results : [];
  // Only readable files matched to their units are stored; the others are skipped.
  const storable = results.some((r) => r.status === 'ok');
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="import-title" data-testid="import-dialog">
        <h2 id="import-title">Nhập tệp Excel</h2>
        {state.phase === 'reading' && (
          <div className="progress" data-testid="import-progress">
            <progress max={state.total} value={state.done} />
            <span>
              Đang đọc tệp {formatCount(state.done)}/{formatCount(state.total)}…
            </span>
          </div>
        )}
        {state.phase === 'checking' && (
          <div className="progress" data-testid="import-progress">
            <progress />
            <span>Đang kiểm tra {formatCount(state.total)} tệp…</span>
          </div>
        )}
        {results.length > 0 && (
          <>
            <p className="lead">
              Xem trước: chưa có gì được lưu. Kiểm tra các thay đổi và lỗi rồi chọn “Nhập vào cơ sở dữ liệu”; tệp không ở trạng thái “
              {STATUS_LABEL.ok}” sẽ được bỏ qua.
            </p>
            <div className="import-files">
              {results.map((r, i) => (
                <FileResult key={`${r.file}-${i}`} r={r} />
              ))}
            </div>
          </>
        )}
        <footer className="modal-actions">
          {state.phase === 'applying' && (
            <span className="busy">
              <span className="spinner" aria-hidden="true" /> Đang nhập…
            </span>
          )}
          <button ref={applyRef} type="button" className="btn btn-primary" onClick={onApply} disabled={state.phase !== 'preview' || !storable}>
            Nhập vào cơ sở dữ liệu
          </button>
          <button type="button" className="btn" onClick={onCancel} disabled={state.phase === 'applying'}>
            Hủy
          </button>
        </footer>
      </div>
    </div>
  );
}
