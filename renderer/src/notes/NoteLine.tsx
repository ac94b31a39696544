// The note of the cell the keyboard is on, read in the grid's title bar (the tooltip only
// shows on hover): "Ghi chú: … · Cần theo dõi". A status, so a screen reader says it too.
import type { CellNoteMark } from '../platform/cells';

export function NoteLine({ mark }: { mark: CellNoteMark }) {
  return (
    <span className="note-line" role="status" data-testid="note-line">
      {mark.note && (
        <>
          <b>Ghi chú:</b> {mark.note}
        </>
      )}
      {mark.note && mark.followUp && ' · '}
      {mark.followUp && <span className="note-line-flag">Cần theo dõi</span>}
    </span>
  );
}
