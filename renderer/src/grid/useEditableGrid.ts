// The open grid as state, with an undo/redo history of user actions. Each action (one key, one
// paste, one undo) is one list of changes, one history step and one setCells call.
import { useCallback, useRef, useState } from 'react';
import type { GridView } from '../../../shared/api';
import type { Grid } from '../../../shared/grid';
import { applyChanges, changesOf, writesOf, type CellChange, type CellWrite } from './gridEdits';
import type { SaveFn } from '../platform/useSaver';

const MAX_STEPS = 1000;

export interface EditableGrid {
  grid: Grid;
  /** Applies and saves a user action; returns its real changes (none: nothing happened). */
  act(writes: CellWrite[]): CellChange[];
  undo(): CellChange[] | null;
  redo(): CellChange[] | null;
}

export function useEditableGrid(view: GridView, save: SaveFn): EditableGrid {
  const [grid, setGrid] = useState<Grid>(view.grid);
  const state = useRef({ grid: view.grid, undo: [] as CellChange[][], redo: [] as CellChange[][] });
  const reportId = view.report.id;
  const aggregateId = view.unit.id;

  const act = useCallback(
    (writes: CellWrite[]) => {
      const s = state.current;
      const changes = changesOf(s.grid, aggregateId, writes);
      if (!changes.length) return changes;
      s.grid = applyChanges(s.grid, aggregateId, changes, 'forward');
      s.undo.push(changes);
      if (s.undo.length > MAX_STEPS) s.undo.shift();
      s.redo = [];
      setGrid(s.grid);
      save(reportId, writesOf(changes, 'forward'));
      return changes;
    },
    [aggregateId, reportId, save],
  );

  const step = useCallback(
    (from: 'undo' | 'redo') => {
      const s = state.current;
      const changes = s[from].pop();
      if (!changes) return null;
      const direction = from === 'undo' ? 'back' : 'forward';
      s.grid = applyChanges(s.grid, aggregateId, changes, direction);
      (from === 'undo' ? s.redo : s.undo).push(changes);
      setGrid(s.grid);
      save(reportId, writesOf(changes, direction));
      return changes;
    },
    [aggregateId, reportId, save],
  );

  const undo = useCallback(() => step('undo'), [step]);
  const redo = useCallback(() => step('redo'), [step]);
  return { grid, act, undo, redo };
}
