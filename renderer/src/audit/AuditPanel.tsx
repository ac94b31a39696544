// The history of the cell the user is on: each change, old → new, where it came from (typed, a
// file and when, the demo data, a put-back) and a button that puts the value before it back.
import { useEffect, useState } from 'react';
import type { AuditRow } from '../../../shared/api';
import { api, errorText } from '../platform/api';
import type { FocusedCell } from '../platform/cells';
import { formatDateTime } from '../platform/format';
import { NoteHistory } from './NoteHistory';

const SHOWN = 200;

export function sourceText(e: Pick<AuditRow, 'source' | 'file'>): string {
  switch (e.source) {
    case 'typed':
      return 'Gõ tay';
    case 'file':
      return e.file ? `Tệp ${e.file}` : 'Tệp';
    case 'seed':
      return 'Dữ liệu mẫu';
    case 'restore':
      return 'Đặt lại từ lịch sử';
  }
}

function shown(v: string) {
  return v === '' ? <span className="muted">(trống)</span> : v;
}

interface Props {
  reportId: number;
  /** null: no stored cell chosen yet. */
  cell: FocusedCell | null;
  /** When the last edit was stored: the history is read again. */
  savedAt?: string;
  onRestore(auditId: number): Promise<void>;
  onClose(): void;
  /** Changes when the report's notes were read again: the note's history is read again. */
  notesVersion?: unknown;
}

export function AuditPanel({ reportId, cell, savedAt, onRestore, onClose, notesVersion }: Props) {
  // The entries with the cell they are of: another cell's are never shown as this one's.
  const [loaded, setLoaded] = useState<{ of: string; entries: AuditRow[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const unitId = cell?.unitId;
  const key = cell?.key;
  const computed = !!cell?.computed;
  const of = `${reportId}|${unitId}|${key}`;
  const entries = computed ? [] : loaded?.of === of ? loaded.entries : null;

  useEffect(() => {
    if (unitId === undefined || key === undefined || computed) return;
    let live = true;
    api
      .audit({ reportId, unitId, key, limit: SHOWN })
      .then((r) => {
        if (!live) return;
        setLoaded({ of: `${reportId}|${unitId}|${key}`, entries: r.entries });
        setError(null);
      })
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [reportId, unitId, key, computed, savedAt]);

  async function restore(id: number) {
    setBusy(true);
    try {
      await onRestore(id);
    } catch (e) {
      setError(`Không đặt lại được: ${errorText(e)}`);
      setBusy(false);
    }
  }

  const current = entries?.[0]?.new;
  let body;
  if (!cell) body = <p className="muted">Chọn một ô trong biểu để xem ô đó đã thay đổi thế nào.</p>;
  else if (computed) body = <p className="muted">Ô tổng được tính từ các xã, không lưu riêng: hãy xem lịch sử ô của từng xã.</p>;
  else if (!entries) body = <p className="muted">Đang tải…</p>;
  else if (!entries.length) body = <p className="muted">Chưa có thay đổi nào được ghi lại cho ô này.</p>;
  else
    body = (
      <table className="changes audit-table">
        <thead>
          <tr>
            <th>Lúc</th>
            <th>Giá trị cũ</th>
            <th>Giá trị mới</th>
            <th>Nguồn</th>
            <th>
              <span className="visually-hidden">Đặt lại</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-testid="audit-entry" data-source={e.source}>
              <td>{formatDateTime(e.at)}</td>
              <td>{shown(e.old)}</td>
              <td>{shown(e.new)}</td>
              <td>{sourceText(e)}</td>
              <td>
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={busy || e.old === current}
                  title={e.old === current ? 'Ô đang có đúng giá trị này' : `Đưa ô về giá trị trước lần thay đổi này: “${e.old || '(trống)'}”`}
                  onClick={() => void restore(e.id)}
                >
                  Đặt lại giá trị cũ
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );

  return (
    <section
      className="audit-panel"
      data-testid="audit-panel"
      aria-label="Lịch sử ô"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <header className="problems-head">
        <span className="problems-title">Lịch sử ô</span>
        {cell && (
          <span data-testid="audit-cell">
            {cell.unitName}: {cell.label}
          </span>
        )}
        <span className="toolbar-fill" />
        <button type="button" className="link" onClick={onClose}>
          Đóng
        </button>
      </header>
      <div className="audit-body">
        {error && <p className="form-problem">{error}</p>}
        {body}
        {cell && !computed && <NoteHistory reportId={reportId} unitId={cell.unitId} cellKey={cell.key} version={notesVersion} />}
      </div>
    </section>
  );
}
