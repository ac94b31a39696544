// Counts against marks across the database (DOMAIN.md §9.5, §9.6): a district's stored count
// tables are evaluated together with the result groups "năm Y" of its stored Phụ lục grids, in
// whichever order the two were imported. Each finding is placed by what the database knows (the
// report, the commune's unit id, the column key), not by a file's cell.
import { COUNT_TEMPLATES, evaluateCounts, getCountTemplate, marksFromGrid, type CountEvaluation, type CountSheet, type CountTemplateId, type MarkGroup, type SheetFinding } from '../../shared/counts';
import type { RecognisedCountSheet } from '../../shared/counts/read';
import type { Grid } from '../../shared/grid';
import type { Finding } from '../../shared/report';
import { locate, type RecognisedSheet } from '../../shared/sheet/recognise';
import { getTemplate, type TemplateId } from '../../shared/templates';
import { gridsOf } from './export';
import { loadCountSheet } from './counts-store';
import type { Store } from './store/store';
import type { UnitRecord } from './store/types';

/** Where a stored finding sits: a mark of a Phụ lục grid (level.*) or a cell of a count table. */
export type StoredPlace =
  | { kind: 'grid'; template: TemplateId; reportId: number | null; unitId: number | null; col: string | null }
  | { kind: 'counts'; template: CountTemplateId; year: string; reportId: number; unitId: number | null; col: string | null };

export interface StoredCountFinding extends SheetFinding {
  place: StoredPlace;
}

export interface StoredCountCheck {
  sheets: CountSheet[];
  /** Per sheet, its report id and each row's unit id. */
  tables: { reportId: number; unitIds: number[] }[];
  evaluation: CountEvaluation;
  findings: StoredCountFinding[];
}

/** The result groups of the stored Phụ lục grids the count tables are compared with (first of a template and year). */
function markGroupsOf(sheets: readonly CountSheet[], grids: readonly Grid[]): MarkGroup[] {
  const groups: MarkGroup[] = [];
  for (const s of sheets) {
    const grid = grids.find((g) => g.template === s.template.marks);
    const g = grid && marksFromGrid(s.template, getTemplate(grid.template), grid, s.year, getTemplate(grid.template).appendix);
    if (g && !groups.some((x) => x.template === g.template && x.year === g.year)) groups.push(g);
  }
  return groups;
}

/**
 * Every count rule over a district's stored count tables, the marks taken from its stored
 * Phụ lục grids. `grids`: the district's grids when the caller has them already.
 */
export function storedCountCheck(store: Store, district: UnitRecord, grids: readonly Grid[] = gridsOf(store, district)): StoredCountCheck {
  const reports = store.listCountReports(district.id);
  const sheets: CountSheet[] = [];
  const tables: StoredCountCheck['tables'] = [];
  reports.forEach((r, i) => {
    const { sheet, unitIds } = loadCountSheet(store, r.id, getCountTemplate(r.template), r.year, district.id);
    // Named apart while evaluated (two years of one template share the sheet name), given back after.
    sheets.push({ ...sheet, sheet: `${i}` });
    tables.push({ reportId: r.id, unitIds });
  });
  const evaluation = evaluateCounts(sheets, markGroupsOf(sheets, grids));
  const reportOf = new Map<TemplateId, number>();
  for (const r of store.listReports(district.id).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))) if (!reportOf.has(r.template)) reportOf.set(r.template, r.id);
  const findings: StoredCountFinding[] = [];
  for (const f of evaluation.findings) {
    if (f.rule.startsWith('level.') && f.rule !== 'level.chain_gap') {
      const t = sheets.find((s) => getTemplate(s.template.marks).appendix === f.sheet)?.template.marks ?? 'xmc';
      const grid = grids.find((g) => g.template === t);
      const row = grid && typeof f.row === 'number' ? grid.rows[f.row] : undefined;
      findings.push({ ...f, place: { kind: 'grid', template: t, reportId: reportOf.get(t) ?? null, unitId: row?.unitId ?? null, col: f.col } });
      continue;
    }
    const i = Number(f.sheet);
    const s = sheets[i];
    const unitId = typeof f.row === 'number' ? (tables[i].unitIds[f.row] ?? null) : null;
    findings.push({ ...f, sheet: s.template.sheet, place: { kind: 'counts', template: s.template.id, year: s.year, reportId: tables[i].reportId, unitId, col: f.col === 'name' ? null : f.col } });
  }
  for (const s of sheets) s.sheet = s.template.sheet;
  for (const e of evaluation.entries) e.sheet = sheets[Number(e.sheet)]?.template.sheet ?? e.sheet;
  return { sheets, tables, evaluation, findings };
}

/** The year of a result group's mark column key ("2020|MĐ2", "2020/5 tuổi|Đạt" → "2020"). */
const yearOfMark = (col: string | null) => (col ?? '').split('|')[0].split('/')[0];

/**
 * The level.* findings a file gives only together with the database (§9.6): its count tables
 * against marks stored before, or its marks against count tables stored before. `check`: the
 * district's stored check with the file's values written (the import's own transaction); only
 * the communes the file writes (`touched`) and a template and year of which the file holds one
 * side and not the other. A mark in the file is located in the file; a stored one is named.
 */
export function levelFindingsAcross(
  check: StoredCountCheck,
  wb: { sheets: readonly RecognisedSheet[]; counts?: readonly RecognisedCountSheet[] },
  rowUnit: (rs: RecognisedSheet, row: number) => number | null,
  touched: ReadonlySet<number>,
): Finding[] {
  const out: Finding[] = [];
  for (const f of check.findings) {
    if (f.place.kind !== 'grid' || f.rule === 'level.chain_gap' || f.place.unitId === null || !touched.has(f.place.unitId)) continue;
    const { template, unitId, col } = f.place;
    const year = yearOfMark(col);
    const counts = COUNT_TEMPLATES.find((t) => t.marks === template)!;
    const fileCounts = (wb.counts ?? []).some((c) => c.template.id === counts.id && c.year === year);
    const rs = wb.sheets.find((s) => s.template.id === template && marksFromGrid(counts, s.template, s.grid, year, s.sheet));
    if (fileCounts === Boolean(rs)) continue;
    if (rs) {
      const row = rs.grid.rows.findIndex((_, i) => rowUnit(rs, i) === unitId);
      out.push({ rule: f.rule, severity: f.severity, sheet: rs.sheet, cell: row < 0 ? null : locate(rs, { row, col }), unit: f.unit, message: f.message });
    } else {
      const appendix = getTemplate(template).appendix;
      out.push({ rule: f.rule, severity: f.severity, sheet: appendix, cell: null, unit: f.unit, message: `${f.message} (Dấu mức lấy từ ${appendix} đã lưu.)` });
    }
  }
  return out;
}
