// A note on one value and its follow-up flag (Shift+F2, as Excel's note): stored and audited by
// the main process (setNote). Esc cancels; the focus stays inside and goes back to the grid.
import { useEffect, useRef, useState } from 'react';
import { api, errorText } from '../platform/api';
import { useFocusTrap } from '../platform/useFocusTrap';
import './notes.css';

export interface NoteTarget {
  reportId: number;
  unitId: number;
  key: string;
  /** "Lương Thông · Trẻ 3 tuổi 2020 · Đạt". */
  label: string;
}

interface Props {
  target: NoteTarget;
  onClose(saved: boolean): void;
}

export function NoteDialog({ target, onClose }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const text = useRef<HTMLTextAreaElement>(null);
  const [note, setNote] = useState('');
  const [followUp, setFollowUp] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useFocusTrap(box, true);
  useEffect(() => {
    let live = true;
    api.notes({ reportId: target.reportId }).then(
      (r) => {
        const found = r.notes.find((n) => n.unitId === target.unitId && n.key === target.key);
        if (live && found) {
          setNote(found.note);
          setFollowUp(found.followUp);
        }
      },
      (e: unknown) => live && setError(errorText(e)),
    );
    text.current?.focus();
    return () => {
      live = false;
    };
  }, [target]);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      close.current(false);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
  const save = () =>
    api.setNote({ reportId: target.reportId, unitId: target.unitId, key: target.key, note, followUp }).then(
      () => onClose(true),
      (e: unknown) => setError(errorText(e)),
    );
  return (
    <div className="modal-backdrop">
      <div ref={box} tabIndex={-1} className="modal note-dialog" role="dialog" aria-modal="true" aria-labelledby="note-title" data-testid="note-dialog">
        <h2 id="note-title">Ghi chú</h2>
        <p className="lead">{target.label}</p>
        <textarea ref={text} className="note-text" rows={4} maxLength={2000} value={note} onChange={(e) => setNote(e.currentTarget.value)} aria-label="Nội dung ghi chú" data-testid="note-text" />
        <label className="check-label">
          <input type="checkbox" checked={followUp} onChange={(e) => setFollowUp(e.currentTarget.checked)} data-testid="note-follow-up" /> Cần theo dõi
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <footer className="modal-actions">
          <button type="button" className="btn" onClick={() => onClose(false)}>
            Hủy
          </button>
          <button type="button" className="btn btn-primary" onClick={save} data-testid="note-save">
            Lưu ghi chú
          </button>
        </footer>
      </div>
    </div>
  );
}
