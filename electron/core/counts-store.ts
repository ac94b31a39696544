// Count tables in the database: a count sheet is a report of its template (template "xmc-count",
// layout {results: [year]}) whose cells are stored like the grids' cells, one value per commune
// and count key: the whole number as digits; the ĐBKK flag as "x", or "?" when the file did not
// say (no ĐBKK column, or an invalid flag); a blank stores nothing.
import { countColumns, evaluateCounts, getCountTemplate, marksFromGrid, type CountRow, type CountSheet, type LevelResult, type MarkGroup, type RecognisedCountSheet } from '../../shared/counts';
import type { Grid } from '../../shared/grid';
import { getTemplate } from '../../shared/templates';
import { unitKey } from '../../shared/text/normalize';
import type { CellWrite, UnitRecord } from './store/types';
import type { Store } from './store/store';

export const DBKK_UNKNOWN = '?';

export interface CountPlan {
  reportId: number;
  writes: CellWrite[];
  where: Map<string, string | null>;
}

/** The writes that store a read count sheet for the district's communes (a commune listed twice: its first row). */
export function planCountSheet(
  store: Store,
  district: UnitRecord,
  cs: RecognisedCountSheet,
  unitOf: (row: CountRow) => UnitRecord | null,
  locate: (row: number, key: string) => string | null,
): CountPlan {
  const reportId = store.ensureCountReport(cs.template.id, district.id, cs.year);
  const plan: CountPlan = { reportId, writes: [], where: new Map() };
  const keys = countColumns(cs.template)
    .map((c) => c.key)
    .filter((k) => cs.columns[k] !== undefined);
  const done = new Set<number>();
  cs.rows.forEach((row, i) => {
    const unit = unitOf(row);
    if (!unit || done.has(unit.id)) return;
    done.add(unit.id);
    for (const k of keys) {
      const v = row.counts[k];
      plan.writes.push({ unitId: unit.id, key: k, value: v === null || v === undefined ? '' : String(v) });
      plan.where.set(`${unit.id}|${k}`, locate(i, k));
    }
    plan.writes.push({ unitId: unit.id, key: 'dbkk', value: row.dbkk === null ? DBKK_UNKNOWN : row.dbkk ? 'x' : '' });
    plan.where.set(`${unit.id}|dbkk`, locate(i, cs.columns.dbkk !== undefined ? 'dbkk' : 'name'));
  });
  return plan;
}

/** A stored count table as the rules read it: one row per commune of the district that has a value. */
export function loadCountSheet(store: Store, reportId: number, template: CountSheet['template'], year: string, unitId: number): { sheet: CountSheet; unitIds: number[] } {
  const values = store.getValues(reportId);
  const rows: CountRow[] = [];
  const unitIds: number[] = [];
  for (const u of store.rows(unitId)) {
    const v = values.get(u.id);
    if (!v) continue;
    unitIds.push(u.id);
    const counts: Record<string, number | null> = {};
    for (const c of countColumns(template)) counts[c.key] = v[c.key] === undefined ? null : Number(v[c.key]);
    rows.push({ unit: u.name, year, counts, dbkk: v.dbkk === 'x' ? true : v.dbkk === DBKK_UNKNOWN ? null : false });
  }
  return { sheet: { sheet: template.sheet, template, year, rows }, unitIds };
}

/** A unit's stored count tables with their rows' computed levels, marks taken from its stored grids. */
export function countTablesOf(store: Store, unit: UnitRecord, grids: readonly Grid[]): { sheet: CountSheet; levels: LevelResult[] }[] {
  const sheets = store.listCountReports(unit.id).map((r) => loadCountSheet(store, r.id, getCountTemplate(r.template), r.year, unit.id).sheet);
  if (!sheets.length) return [];
  const groups: MarkGroup[] = [];
  for (const s of sheets) {
    const grid = grids.find((g) => g.template === s.template.marks);
    const g = grid && marksFromGrid(s.template, getTemplate(grid.template), grid, s.year, null);
    if (g && !groups.some((x) => x.template === g.template && x.year === g.year)) groups.push(g);
  }
  const ev = evaluateCounts(sheets, groups);
  return sheets.map((sheet, i) => ({ sheet, levels: ev.levels[i] }));
}

/** unitKey → the district's commune, for matching count rows by name. */
export function byName(units: Map<string, UnitRecord>): (row: CountRow) => UnitRecord | null {
  return (row) => units.get(unitKey(row.unit)) ?? null;
}
