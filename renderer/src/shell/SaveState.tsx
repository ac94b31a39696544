// The visible saved state: there is no Save button, every edit is stored at once.
import { formatTime } from '../platform/format';
import type { SaveStatus } from '../platform/useSaver';

export function SaveState({ status }: { status: SaveStatus }) {
  let text: string;
  switch (status.kind) {
    case 'idle':
      text = 'Mọi thay đổi được lưu tự động';
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
    <span className={`save-state save-${status.kind}`} data-testid="save-state" role="status" aria-live="polite">
      {text}
    </span>
  );
}
