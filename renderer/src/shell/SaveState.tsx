// The visible saved state: there is no Save button, every edit is stored at once.
import { formatTime } from '../platform/format';
import type { SaveStatus } from '../platform/useSaver';

export function SaveState({ status }: { status: SaveStatus }) {
  let text: string;
  switch (status.kind) {
    case 'idle':
      // Short: it shares the toolbar with nine buttons on a 1093 px wide office screen (125%);
      // the whole sentence is its tooltip.
      text = 'Tự động lưu';
      break;
    case 'saving':
      text = 'Đang lưu…';
      break;
    case 'saved':
      text = `Đã lưu lúc ${formatTime(status.at)}`;
      break;
    case 'error':
      text = `Lỗi khi lưu: ${status.message}`;
      break;
  }
  return (
    <span
      className={`save-state save-${status.kind}`}
      data-testid="save-state"
      role="status"
      aria-live="polite"
      title={status.kind === 'idle' ? 'Mọi thay đổi được lưu tự động ngay khi sửa: không cần nút Lưu.' : text}
    >
      {text}
    </span>
  );
}
