// The open report's notes and follow-up flags by cell, for the grid's corner marks; loaded with
// the grid and again after a note is written (Shift+F2).
import { useCallback, useEffect, useState } from 'react';
import { api, errorText } from '../platform/api';
import { noteKey, type CellNoteMark, type CellNotes } from '../platform/cells';

const NONE: CellNotes = new Map();

export function useCellNotes(reportId: number): { notes: CellNotes; error: string | null; reload(): void } {
  const [notes, setNotes] = useState<CellNotes>(NONE);
  const [error, setError] = useState<string | null>(null);
  const [loads, setLoads] = useState(0);
  useEffect(() => {
    let live = true;
    api.notes({ reportId }).then(
      (r) => {
        if (!live) return;
        // No notes: the same empty map, so that nothing renders again. A new one made the grid
        // draw every cell on screen once more (refreshCells, force) just as its first rows were
        // painted, for a report without a single note.
        setNotes(r.notes.length ? new Map<string, CellNoteMark>(r.notes.map((n) => [noteKey(n.unitId, n.key), { note: n.note, followUp: n.followUp }])) : NONE);
        setError(null);
      },
      (e: unknown) => live && setError(`Không đọc được ghi chú: ${errorText(e)}`),
    );
    return () => {
      live = false;
    };
  }, [reportId, loads]);
  const reload = useCallback(() => setLoads((n) => n + 1), []);
  return { notes, error, reload };
}
