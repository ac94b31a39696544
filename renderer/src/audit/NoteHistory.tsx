// The history of the cell's note and follow-up flag, under its values' history: who changed what
// is audited as the values are (report_events), and read where the officer reads a cell's past.
import { useEffect, useState } from 'react';
import type { NoteEvent } from '../../../shared/api';
import { api, errorText } from '../platform/api';
import { formatDateTime } from '../platform/format';

interface Props {
  reportId: number;
  unitId: number;
  cellKey: string;
  /** Changes when the report's notes were read again (one written): the history is read again. */
  version: unknown;
}

function what(e: NoteEvent): string {
  if (e.kind === 'follow-up') return e.new === 'có' ? 'Đánh dấu cần theo dõi' : 'Bỏ đánh dấu cần theo dõi';
  if (!e.old) return `Thêm ghi chú: “${e.new}”`;
  if (!e.new) return `Xóa ghi chú: “${e.old}”`;
  return `Sửa ghi chú: “${e.old}” → “${e.new}”`;
}

export function NoteHistory({ reportId, unitId, cellKey, version }: Props) {
  const of = `${reportId}|${unitId}|${cellKey}`;
  const [loaded, setLoaded] = useState<{ of: string; entries: NoteEvent[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.noteHistory({ reportId, unitId, key: cellKey }).then(
      (r) => {
        if (!live) return;
        setLoaded({ of: `${reportId}|${unitId}|${cellKey}`, entries: r.entries });
        setError(null);
      },
      (e: unknown) => live && setError(`Không đọc được lịch sử ghi chú: ${errorText(e)}`),
    );
    return () => {
      live = false;
    };
  }, [reportId, unitId, cellKey, version]);
  const entries = loaded?.of === of ? loaded.entries : [];
  if (error) return <p className="form-problem">{error}</p>;
  if (!entries.length) return null;
  return (
    <div data-testid="note-history">
      <h3 className="note-history-title">Ghi chú và theo dõi</h3>
      <ul className="note-history">
        {entries.map((e, i) => (
          <li key={i} data-testid="note-event">
            <span className="muted">{formatDateTime(e.at)}</span> {what(e)}
          </li>
        ))}
      </ul>
    </div>
  );
}
