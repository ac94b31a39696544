// The history of the unit changes, newest first, each with "Hoàn tác" (DOMAIN.md §11.1).
import type { UnitChangeInfo } from '../../../shared/api';
import { formatDateTime } from '../platform/format';

interface Props {
  changes: UnitChangeInfo[];
  busy: boolean;
  onUndo(changeId: number): void;
}

export function UnitHistory({ changes, busy, onUndo }: Props) {
  return (
    <section className="units-section" data-testid="unit-changes">
      <h2>Lịch sử thay đổi đơn vị</h2>
      {changes.length === 0 ? (
        <p className="muted">Chưa có thay đổi nào.</p>
      ) : (
        <table className="completeness-table">
          <thead>
            <tr>
              <th>Lúc</th>
              <th>Thay đổi</th>
              <th>Nguồn</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.id} data-testid="unit-change" data-undone={c.undone ? 'yes' : undefined} className={c.undone ? 'undone' : undefined}>
                <td>{formatDateTime(c.at)}</td>
                <td>{c.summary}</td>
                <td>{c.source}</td>
                <td>
                  {c.undone ? (
                    <span className="muted">Đã hoàn tác</span>
                  ) : (
                    <button type="button" className="btn" disabled={busy} onClick={() => onUndo(c.id)}>
                      Hoàn tác
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
