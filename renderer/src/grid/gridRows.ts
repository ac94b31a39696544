// The rows AG Grid shows: one per commune, plus the pinned total row computed from the marks.
import { columnsOf, type Grid, type GridRow } from '../../../shared/grid';
import type { TemplateDef } from '../../../shared/templates';
import { markCounts } from '../../../shared/rules/marks';

export interface UnitRowData {
  kind: 'unit';
  /** Position in the grid (the findings' row). */
  index: number;
  unitId: number;
  name: string;
  values: Record<string, string>;
}

export interface TotalRowData {
  kind: 'total';
  /** The aggregating unit: its own texts are the total row's Đánh giá. */
  unitId: number;
  name: string;
  values: Record<string, string>;
}

export type RowData = UnitRowData | TotalRowData;

const cache = new WeakMap<GridRow, UnitRowData>();

/** Row objects keep their identity while their GridRow does, so AG Grid redraws only changed rows. */
export function unitRows(grid: Grid): UnitRowData[] {
  return grid.rows.map((row, index) => {
    const hit = cache.get(row);
    if (hit && hit.index === index) return hit;
    const data: UnitRowData = { kind: 'unit', index, unitId: row.unitId ?? -(index + 1), name: row.unit, values: row.values };
    cache.set(row, data);
    return data;
  });
}

/** Count of marks per mark column; the aggregating unit's own text in each text column. */
export function totalRow(t: TemplateDef, grid: Grid, aggregateId: number, label: string): TotalRowData {
  const cols = columnsOf(t, grid.layout);
  const marks = cols.filter((c) => c.kind === 'mark').map((c) => c.key);
  // One pass over the rows (this runs on every keystroke, over thousands of communes).
  const counts = markCounts(grid, marks);
  const values: Record<string, string> = {};
  for (const c of cols) {
    if (c.kind === 'mark') values[c.key] = String(counts[marks.indexOf(c.key)]);
    else if (grid.totalTexts[c.key]) values[c.key] = grid.totalTexts[c.key];
  }
  return { kind: 'total', unitId: aggregateId, name: label, values };
}

export function rowId(data: RowData): string {
  return data.kind === 'total' ? 'total' : `u${data.unitId}`;
}
