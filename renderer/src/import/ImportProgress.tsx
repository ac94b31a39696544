// A batch's progress: a bar that screen readers read as a progress bar, and "37/200 tệp".
import { formatCount } from '../platform/format';

interface Props {
  /** "Đang kiểm tra", "Đang nhập", "Đang đọc". */
  doing: string;
  done: number;
  total: number;
  stopping?: boolean;
}

export function ImportProgress({ doing, done, total, stopping }: Props) {
  const text = stopping
    ? `Đang dừng sau tệp đang xử lý (${formatCount(done)}/${formatCount(total)} tệp)…`
    : `${doing} ${formatCount(done)}/${formatCount(total)} tệp…`;
  const percent = total > 0 ? Math.round((100 * done) / total) : 0;
  return (
    <div className="import-progress" data-testid="import-progress">
      <div
        className="bar"
        role="progressbar"
        aria-label="Tiến độ"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={`${formatCount(done)}/${formatCount(total)} tệp`}
      >
        <div className="bar-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="progress-text">{text}</span>
    </div>
  );
}
