// "Cần theo dõi": every note and follow-up flag of the district's reports on one page, in the
// officer's words (Phụ lục, commune, column), each row leading to its cell in the grid (Enter
// or a click). Filtered to the flagged ones if asked; prints as it is shown.
import { useEffect, useState, type KeyboardEvent } from 'react';
import type { FollowUpItem, UnitNode } from '../../../shared/api';
import { api, errorText } from '../platform/api';
import { formatCount, formatDateTime, unitTitle } from '../platform/format';
import { ListPrintControls, PrintedAt } from '../platform/ListPrint';
import './follow-up.css';

interface Props {
  unitId?: number;
  reloadKey: number;
  onOpened(unit: UnitNode | null): void;
  /** Opens the grid of the row's Phụ lục on its cell. */
  onGo(item: FollowUpItem, districtId: number): void;
}

/** Up and down move between the rows, as in a list; Enter and Space open the cell. */
function onRowKey(e: KeyboardEvent<HTMLTableRowElement>, go: () => void) {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    go();
  } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    const next = e.key === 'ArrowDown' ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling;
    if (next instanceof HTMLElement) {
      e.preventDefault();
      next.focus();
    }
  }
}

export function FollowUpPage({ unitId, reloadKey, onOpened, onGo }: Props) {
  const [data, setData] = useState<{ unit: UnitNode; items: FollowUpItem[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  useEffect(() => {
    let live = true;
    api.followUps({ unitId }).then(
      (r) => {
        if (!live) return;
        setData(r);
        onOpened(r.unit);
      },
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [unitId, reloadKey, onOpened]);

  if (error) return <div className="page-message error">Không mở được danh sách cần theo dõi: {error}</div>;
  if (!data) return <div className="page-message">Đang tải…</div>;

  const flagged = data.items.filter((i) => i.followUp).length;
  const rows = onlyFlagged ? data.items.filter((i) => i.followUp) : data.items;
  const title = onlyFlagged ? 'Các ô cần theo dõi' : 'Ghi chú và các ô cần theo dõi';

  return (
    <div className="follow-up-page" data-testid="follow-up">
      <div className="follow-up-head">
        <h1>
          {title} – {unitTitle(data.unit)}
        </h1>
        <span className="muted" data-testid="follow-up-counts">
          {formatCount(data.items.length)} ô có ghi chú hoặc cờ, {formatCount(flagged)} ô cần theo dõi
        </span>
        <ListPrintControls filterLabel="Chỉ hiện ô cần theo dõi" filtered={onlyFlagged} onFilter={setOnlyFlagged} filterTestId="follow-up-only" printTestId="follow-up-print" />
      </div>
      <PrintedAt />
      {rows.length === 0 ? (
        <p className="page-message" data-testid="follow-up-empty">
          {onlyFlagged
            ? 'Không có ô nào được đánh dấu cần theo dõi.'
            : 'Chưa có ghi chú nào. Trong biểu, chọn một ô rồi nhấn Shift+F2 để ghi chú hoặc đánh dấu cần theo dõi.'}
        </p>
      ) : (
        <>
          <p className="muted no-print follow-up-hint">Nhấn Enter hoặc bấm vào một dòng để mở ô đó trong biểu; phím mũi tên lên, xuống để chuyển dòng.</p>
          <table className="follow-up-table">
            <thead>
              <tr>
                <th className="num">STT</th>
                <th>Phụ lục</th>
                <th>Xã, thị trấn</th>
                <th>Cột</th>
                <th>Ghi chú</th>
                <th>Theo dõi</th>
                <th>Lúc ghi</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((item, i) => {
                const go = () => onGo(item, data.unit.id);
                return (
                  <tr
                    key={`${item.reportId}|${item.unitId}|${item.key}`}
                    tabIndex={0}
                    className={item.followUp ? 'flagged' : undefined}
                    data-testid="follow-up-row"
                    data-flagged={item.followUp ? 'yes' : 'no'}
                    aria-label={`${item.appendix}, ${item.unitName}, ${item.column}${item.note ? `: ${item.note}` : ''}${item.followUp ? ', cần theo dõi' : ''}. Enter để mở ô này.`}
                    onClick={go}
                    onKeyDown={(e) => onRowKey(e, go)}
                  >
                    <td className="num">{i + 1}</td>
                    <td>{item.appendix}</td>
                    <td>{item.unitName}</td>
                    <td>{item.column}</td>
                    <td className="follow-up-note">{item.note || <span className="muted">(không có ghi chú)</span>}</td>
                    <td>{item.followUp ? <span className="follow-up-flag">Cần theo dõi</span> : ''}</td>
                    <td>{formatDateTime(item.at)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
