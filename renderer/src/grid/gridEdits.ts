// Pure edits of a Grid: what a user action writes, what it changes, and the grid after it.
// One user action (a key, a paste, an undo) is one list of changes: one undo step, one save.
import type { Grid, GridRow } from '../../../shared/grid';
import { markState, MARK } from '../../../shared/text/marks';
import { cleanText } from '../../../shared/text/normalize';

import type { CellWrite } from '../platform/cells';

export type { CellWrite };

export interface CellChange extends CellWrite {
  /** The value before the change; `value` is the one after. */
  old: string;
}

/** A mark cell's value as typed or pasted: x/X/× → "x", blank → "", other text kept. */
export function normaliseMark(raw: string): string {
  const v = cleanText(raw);
  if (v === '') return '';
  return markState(v) === 'mark' ? MARK : v;
}

/** A free-text cell's value (Đánh giá): NFC, spaces collapsed. */
export function normaliseText(raw: string): string {
  // Alt+Enter puts line breaks inside a Đánh giá: each line is cleaned, the breaks are kept
  // (blank lines at either end dropped).
  if (!/[\r\n]/.test(raw)) return cleanText(raw);
  return raw
    .split(/\r\n|\r|\n/)
    .map(cleanText)
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

function rowIndexByUnit(grid: Grid): Map<number, number> {
  const m = new Map<number, number>();
  grid.rows.forEach((r, i) => {
    if (r.unitId !== undefined) m.set(r.unitId, i);
  });
  return m;
}

/**
 * The real changes of a list of writes: no-ops dropped, a cell written twice counted once
 * (last value wins). `aggregateId` is the unit whose own texts are the total row's.
 */
export function changesOf(grid: Grid, aggregateId: number, writes: readonly CellWrite[]): CellChange[] {
  const index = rowIndexByUnit(grid);
  const byCell = new Map<string, CellChange>();
  for (const w of writes) {
    const value = w.value.normalize('NFC');
    const id = `${w.unitId}|${w.key}`;
    const prev = byCell.get(id);
    if (prev) {
      prev.value = value;
      continue;
    }
    let old: string;
    if (w.unitId === aggregateId) old = grid.totalTexts[w.key] ?? '';
    else {
      const i = index.get(w.unitId);
      if (i === undefined) continue; // not a row of this grid
      old = grid.rows[i].values[w.key] ?? '';
    }
    byCell.set(id, { unitId: w.unitId, key: w.key, old, value });
  }
  return [...byCell.values()].filter((c) => c.old !== c.value);
}

function put(values: Record<string, string>, key: string, value: string): void {
  if (value === '') delete values[key];
  else values[key] = value;
}

/**
 * The grid after `changes` (direction 'forward': each cell takes `value`; 'back': `old`).
 * Rows that do not change keep their identity, so the view redraws only what changed.
 */
export function applyChanges(grid: Grid, aggregateId: number, changes: readonly CellChange[], direction: 'forward' | 'back'): Grid {
  const index = rowIndexByUnit(grid);
  const rows = grid.rows.slice();
  const touched = new Map<number, GridRow>();
  let totalTexts = grid.totalTexts;
  for (const c of changes) {
    const v = direction === 'forward' ? c.value : c.old;
    if (c.unitId === aggregateId) {
      if (totalTexts === grid.totalTexts) totalTexts = { ...totalTexts };
      put(totalTexts, c.key, v);
      continue;
    }
    const i = index.get(c.unitId);
    if (i === undefined) continue;
    let row = touched.get(i);
    if (!row) {
      row = { ...rows[i], values: { ...rows[i].values } };
      touched.set(i, row);
      rows[i] = row;
    }
    put(row.values, c.key, v);
  }
  return { ...grid, rows, totalTexts };
}

/** The writes that store a list of changes in one direction. */
export function writesOf(changes: readonly CellChange[], direction: 'forward' | 'back'): CellWrite[] {
  return changes.map((c) => ({ unitId: c.unitId, key: c.key, value: direction === 'forward' ? c.value : c.old }));
}
