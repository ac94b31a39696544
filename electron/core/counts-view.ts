// A district's count table as the app shows it (openCounts, createCounts): every commune's stored
// values, the marks of the Phụ lục result group "năm Y" the counts are checked against, and, for
// THCS, each commune's prerequisites from the other stored tables and marks of that year (§9.5).
import type { CountTable, CountTableView, UnitNode } from '../../shared/api';
import { evaluateCounts, getCountTemplate, marksFromGrid, type CountSheet, type CountTemplateId, type MarkGroup } from '../../shared/counts';
import { groupsOf, type Grid } from '../../shared/grid';
import { getTemplate, type TemplateId } from '../../shared/templates';
import { loadCountSheet } from './counts-store';
import { gridsOf } from './export';
import type { Store } from './store/store';
import type { UnitRecord } from './store/types';

const unitNode = (u: UnitRecord): UnitNode => ({ id: u.id, parentId: u.parentId, name: u.name, kind: u.kind });

const newestFirst = (years: Iterable<string>) => [...new Set(years)].sort((a, b) => b.localeCompare(a));

/** The result years of a Phụ lục grid (its "năm Y" groups), newest first. */
function resultYears(grid: Grid | undefined): string[] {
  if (!grid) return [];
  return newestFirst(groupsOf(getTemplate(grid.template), grid.layout).filter((g) => g.kind === 'result').map((g) => g.when));
}

export function countTableView(store: Store, unit: UnitRecord, id: CountTemplateId, year: string | undefined): CountTableView {
  const t = getCountTemplate(id);
  const stored = store.listCountReports(unit.id);
  const mine = stored.filter((r) => r.template === id);
  const years = newestFirst(mine.map((r) => r.year));
  const pick = year ?? years[0];
  const report = pick === undefined ? undefined : mine.find((r) => r.year === pick);
  // The Phụ lục grids whose marks the rules read: the programme's own, and for THCS those of XMC and TH.
  const needs: TemplateId[] = [t.marks, ...(t.levels[0].normal.flatMap((c) => (c.kind === 'prereq' ? [getCountTemplate(c.programme).marks] : [])))];
  const grids = gridsOf(store, unit, needs);
  const own = grids.find((g) => g.template === t.marks);
  const base = { unit: unitNode(unit), template: id, years, resultYears: resultYears(own) };
  if (!report) return { ...base, table: null };

  const communes = store.rows(unit.id);
  const values = store.getValues(report.id);
  const rows = communes.map((u) => ({ unitId: u.id, name: u.name, values: values.get(u.id) ?? {} }));
  const marks = own ? (marksFromGrid(t, getTemplate(own.template), own, report.year, null)?.marks ?? null) : null;
  const table: CountTable = {
    reportId: report.id,
    year: report.year,
    updatedAt: report.updatedAt,
    locked: store.isLocked(report.id),
    rows,
    marks: marks ? [...marks] : null,
    prereqs: rows.map(() => null),
  };
  if (needs.length > 1) table.prereqs = prerequisites(store, unit, report.year, rows.map((r) => r.name), grids, stored);
  return { ...base, table };
}

/**
 * Each commune's THCS prerequisites for `year`: the other stored tables of that year (computed
 * levels first) and the XMC and TH result groups "năm Y" (marks), as evaluateCounts reads a workbook.
 */
function prerequisites(store: Store, unit: UnitRecord, year: string, names: string[], grids: readonly Grid[], stored: ReturnType<Store['listCountReports']>): CountTable['prereqs'] {
  const thcs = getCountTemplate('thcs-count');
  const others: CountSheet[] = stored
    .filter((r) => r.year === year && (r.template === 'xmc-count' || r.template === 'th-count'))
    .map((r) => loadCountSheet(store, r.id, getCountTemplate(r.template), r.year, unit.id).sheet);
  const groups: MarkGroup[] = [];
  for (const other of ['xmc-count', 'th-count'] as const) {
    const ct = getCountTemplate(other);
    const grid = grids.find((g) => g.template === ct.marks);
    const g = grid && marksFromGrid(ct, getTemplate(grid.template), grid, year, null);
    if (g) groups.push(g);
  }
  // The THCS rows themselves do not matter to their prerequisites: every commune, no counts.
  const probe: CountSheet = { sheet: thcs.sheet, template: thcs, year, rows: names.map((unit) => ({ unit, year, counts: {}, dbkk: false })) };
  const ev = evaluateCounts([...others, probe], groups);
  return ev.prereqs[others.length].map((p) => p ?? null);
}
