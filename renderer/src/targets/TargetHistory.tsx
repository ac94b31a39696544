// "Lịch sử thay đổi" of the plan targets: each earlier list, newest first, with when and from
// where it was replaced; any one can be put back after a confirmation (the restore is itself kept).
import { useState } from 'react';
import type { TargetVersionInfo } from '../../../shared/api';
import { formatCount, formatDateTime } from '../platform/format';

/** What replaced the list, in words. */
export function sourceWords(v: TargetVersionInfo): string {
  if (v.source === 'file') return `Nhập từ tệp ${v.file ?? ''}`.trim();
  if (v.source === 'restore') return 'Khôi phục';
  return 'Sửa trên trang';
}

interface Props {
  versions: readonly TargetVersionInfo[];
  busy: boolean;
  onRestore(historyId: number): void;
}

export function TargetHistory({ versions, busy, onRestore }: Props) {
  const [asking, setAsking] = useState<number | null>(null);
  if (!versions.length) return null;
  return (
    <details className="targets-history" data-testid="targets-history">
      <summary>Lịch sử thay đổi ({formatCount(versions.length)})</summary>
      <ul>
        {versions.slice(0, 20).map((v) => (
          <li key={v.id} data-testid="targets-history-item">
            <span>
              {formatDateTime(v.at)} — {sourceWords(v)} (danh sách trước đó: {formatCount(v.count)} chỉ tiêu)
            </span>
            {asking === v.id ? (
              <span className="targets-history-confirm">
                Khôi phục danh sách này thay cho danh sách hiện tại?{' '}
                <button type="button" className="btn" disabled={busy} data-testid="targets-history-confirm" onClick={() => { setAsking(null); onRestore(v.id); }}>
                  Đồng ý
                </button>{' '}
                <button type="button" className="btn" onClick={() => setAsking(null)}>
                  Hủy
                </button>
              </span>
            ) : (
              <button type="button" className="btn" disabled={busy} data-testid="targets-history-restore" onClick={() => setAsking(v.id)}>
                Khôi phục
              </button>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
