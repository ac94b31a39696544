// Before an export or the forms sent to the communes: the errors still in the district's grids,
// grid by grid, with the choice to go on anyway or to go to the first one. Esc cancels; the focus
// stays inside (useFocusTrap) and goes back to the button that asked when it closes.
import { useEffect, useRef } from 'react';
import type { GridErrors } from '../../../shared/api';
import { formatCount } from '../platform/format';
import { useFocusTrap } from '../platform/useFocusTrap';
import './errors-first.css';

export interface ErrorsFirstAsk {
  /** "Xuất báo cáo Excel" or "Gửi biểu cho các xã": what the officer asked for. */
  action: string;
  grids: GridErrors[];
}

interface Props {
  ask: ErrorsFirstAsk | null;
  onContinue(): void;
  onGoToFirst(g: GridErrors): void;
  onCancel(): void;
}

/** The grids with errors only; the dialog is asked for only when there is one. */
export const withErrors = (grids: readonly GridErrors[]) => grids.filter((g) => g.errors > 0);

export function ErrorsFirst({ ask, onContinue, onGoToFirst, onCancel }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const go = useRef<HTMLButtonElement>(null);
  useFocusTrap(box, ask !== null);
  const cancel = useRef(onCancel);
  cancel.current = onCancel;
  useEffect(() => {
    if (!ask) return;
    go.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      cancel.current();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [ask]);
  if (!ask) return null;
  const bad = withErrors(ask.grids);
  const total = bad.reduce((n, g) => n + g.errors, 0);
  return (
    <div className="modal-backdrop">
      <div ref={box} tabIndex={-1} className="modal errors-first" role="dialog" aria-modal="true" aria-labelledby="errors-first-title" data-testid="errors-first">
        <h2 id="errors-first-title">Biểu còn {formatCount(total)} lỗi</h2>
        <p className="lead">
          Trước khi {ask.action.toLowerCase()}, hãy xem lại: các biểu dưới đây còn lỗi. Tệp tạo ra sẽ mang nguyên các lỗi này.
        </p>
        <ul className="errors-first-list">
          {bad.map((g) => (
            <li key={g.template} data-testid="errors-first-grid" data-template={g.template}>
              <strong>{g.appendix}</strong> – {g.name}: <span className="errors-first-count">{formatCount(g.errors)} lỗi</span>
            </li>
          ))}
        </ul>
        <footer className="modal-actions">
          <button type="button" className="btn" data-testid="errors-first-cancel" onClick={onCancel}>
            Hủy
          </button>
          <button type="button" className="btn" data-testid="errors-first-continue" onClick={onContinue}>
            Vẫn xuất
          </button>
          <button ref={go} type="button" className="btn btn-primary" data-testid="errors-first-go" onClick={() => onGoToFirst(bad[0])}>
            Đến lỗi đầu tiên
          </button>
        </footer>
      </div>
    </div>
  );
}
