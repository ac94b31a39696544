// One-line messages under the toolbar: errors stay until closed, information fades.
import { useEffect } from 'react';

export interface NoticeMessage {
  kind: 'error' | 'info';
  text: string;
  id: number;
}

export function Notice({ notice, onClose }: { notice: NoticeMessage | null; onClose(): void }) {
  useEffect(() => {
    if (notice?.kind !== 'info') return;
    const t = setTimeout(onClose, 8000);
    return () => clearTimeout(t);
  }, [notice, onClose]);
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
      <span>{notice.text}</span>
      <button type="button" className="link" onClick={onClose}>
        Đóng
      </button>
    </div>
  );
}
