// The rows a count table shows: each commune's stored counts and ĐBKK flag, and under the
// computed columns' keys what they show (rates, the computed level, the marked level); the
// pinned "Cộng" row sums the counts and recomputes the rates from the sums (§9.2).
import { countRowOf, formatRate, LEVEL_COL, levelText, MARKED_COL, markedText, rateColumns, rateText, totalRow as countTotal, type CountTemplateDef, type TableCheck } from '../../../shared/counts';
import type { Grid, GridRow } from '../../../shared/grid';
import type { TotalRowData, UnitRowData } from './gridRows';

interface Cached {
  data: UnitRowData;
  level: string;
  marked: string;
}

const cache = new WeakMap<GridRow, Cached>();

/** Row objects keep their identity while their stored values, level and mark do: AG Grid redraws only changed rows. */
export function countRowData(t: CountTemplateDef, year: string, grid: Grid, check: TableCheck): UnitRowData[] {
  const rates = rateColumns(t);
  return grid.rows.map((row, index) => {
    const level = levelText(t, check.levels[index]);
    const marked = markedText(t, check.marked[index]);
    const hit = cache.get(row);
    if (hit && hit.data.index === index && hit.level === level && hit.marked === marked) return hit.data;
    const counts = countRowOf(t, year, { unitId: row.unitId ?? 0, name: row.unit, values: row.values });
    const values: Record<string, string> = { ...row.values, [LEVEL_COL]: level, [MARKED_COL]: marked };
    // "92,31": the heading says "Tỉ lệ (%)", as on the ministry's sheet (and the column stays narrow).
    for (const r of rates) values[r.key] = rateText(counts, r.num, r.den).replace('%', '');
    const data: UnitRowData = { kind: 'unit', index, unitId: row.unitId ?? -(index + 1), name: row.unit, values };
    cache.set(row, { data, level, marked });
    return data;
  });
}

/** The "Cộng" row: summed counts (blank = 0), rates from the sums. */
export function countTotalRow(t: CountTemplateDef, year: string, grid: Grid, aggregateId: number): TotalRowData {
  const rows = grid.rows.map((r) => countRowOf(t, year, { unitId: r.unitId ?? 0, name: r.unit, values: r.values })).filter((r) => r !== null);
  const sum = countTotal(t, rows);
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(sum.counts)) values[k] = String(v);
  for (const r of rateColumns(t)) values[r.key] = formatRate(sum.counts[r.num], sum.counts[r.den]).replace('%', '');
  return { kind: 'total', unitId: aggregateId, name: 'Cộng', values };
}
