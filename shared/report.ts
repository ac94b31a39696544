// The validation report of a workbook: the JSON contract of `validate --json`, also the shape
// the import preview shows. Pure composition of recognition, rules and roll-ups.
import { rollupGrid } from './rules/rollup';
import { checkGrid, type RuleId, type Severity } from './rules';
import { guessDistrict } from './sheet/district';
import { locate, type RecognisedSheet } from './sheet/recognise';
import { columnLetter } from './sheet/types';
import { checkTargets, readTargetSheet, type TargetEntry } from './targets';
import type { Target } from './targets/model';
import type { TemplateId } from './templates';
import { evaluateCounts, locateCount, marksFromGrid, type LevelEntry, type MarkGroup, type RecognisedCountSheet } from './counts';

export interface Finding {
  rule: RuleId;
  severity: Severity;
  sheet: string | null;
  cell: string | null;
  unit: string | null;
  message: string;
}

export interface SheetSummary {
  name: string;
  template: TemplateId | LevelEntry['template'];
  units: string[];
}

export interface RollupSummary {
  sheet: string;
  template: TemplateId;
  group: string;
  level: string | null;
}

export interface ValidationReport {
  file: string;
  sheets: SheetSummary[];
  findings: Finding[];
  rollups: RollupSummary[];
  /** One entry per commune row of each count sheet (DOMAIN.md §9.8). */
  levels: LevelEntry[];
  /** One entry per target row of a "Mục tiêu" sheet (DOMAIN.md §10.4); absent when it has none. */
  targets?: TargetEntry[];
}

/** A sheet whose header row is the targets header (DOMAIN.md §10.5), as plain cell texts. */
export interface TargetSheetCells {
  sheet: string;
  /** Rows from row 1, columns from A; '' for an empty cell. */
  cells: string[][];
}

export interface WorkbookSheets {
  sheets: RecognisedSheet[];
  /** Count sheets (DOMAIN.md §9); absent = none. */
  counts?: RecognisedCountSheet[];
  unrecognized: { sheet: string; reason: string }[];
  /** Findings the reader made itself (legacy text converted, …). */
  notes?: Finding[];
  /** "Mục tiêu" sheets: never grids, never unrecognized. */
  targetSheets?: TargetSheetCells[];
}

/**
 * The workbook's own unit, for a target row whose Đơn vị is empty: its titles' district
 * ("TRÊN ĐỊA BÀN HUYỆN HÀ QUẢNG" → "Huyện Hà Quảng"), else its province.
 */
export function workbookScope(sheets: readonly RecognisedSheet[]): string | undefined {
  const { district, province } = guessDistrict(sheets.flatMap((s) => s.titles));
  if (district) return `Huyện ${district.name}`;
  return province ? `Tỉnh ${province.name}` : undefined;
}

/** The targets of a workbook's "Mục tiêu" sheets, and the findings of the cells that cannot be read. */
export function readWorkbookTargets(wb: WorkbookSheets): { targets: Target[]; findings: Finding[] } {
  const out: { targets: Target[]; findings: Finding[] } = { targets: [], findings: [] };
  const scope = workbookScope(wb.sheets);
  for (const ts of wb.targetSheets ?? []) {
    const read = readTargetSheet(ts.sheet, ts.cells, { scope });
    if (!read) continue;
    out.targets.push(...read.targets);
    out.findings.push(...read.findings);
  }
  return out;
}

export function validateWorkbook(file: string, wb: WorkbookSheets, knownUnits?: string[]): ValidationReport {
  const grids = wb.sheets.map((s) => s.grid);
  const findings: Finding[] = [];
  const rollups: RollupSummary[] = [];
  for (const rs of wb.sheets) {
    for (const f of checkGrid({ template: rs.template, grid: rs.grid, printedTotals: rs.printedTotals }, { grids, knownUnits })) {
      findings.push({ rule: f.rule, severity: f.severity, sheet: rs.sheet, cell: locate(rs, f), unit: f.unit, message: f.message });
    }
    for (const u of rs.unknownColumns ?? []) {
      findings.push({
        rule: 'column.unrecognized',
        severity: 'info',
        sheet: rs.sheet,
        cell: `${columnLetter(u.col)}${u.row}`,
        unit: null,
        message: `Trang "${rs.sheet}": cột ${columnLetter(u.col)} ("${u.title}") không thuộc biểu ${rs.template.appendix}; đã bỏ qua cột này.`,
      });
    }
    for (const r of rollupGrid(rs.template, rs.grid)) {
      rollups.push({ sheet: rs.sheet, template: rs.template.id, group: r.group, level: r.level });
    }
  }
  for (const u of wb.unrecognized) {
    findings.push({
      rule: 'sheet.unrecognized',
      severity: 'info',
      sheet: u.sheet,
      cell: null,
      unit: null,
      message: `Trang "${u.sheet}" không phải biểu phụ lục nào: ${u.reason}.`,
    });
  }
  const levels = countFindings(wb, findings);
  findings.push(...(wb.notes ?? []));
  const report: ValidationReport = {
    file,
    sheets: [
      ...wb.sheets.map((s) => ({ name: s.sheet, template: s.template.id, units: s.grid.rows.map((r) => r.unit) })),
      ...(wb.counts ?? []).map((s) => ({ name: s.sheet, template: s.template.id, units: s.rows.map((r) => r.unit) })),
    ],
    findings,
    rollups,
    levels,
  };
  if (wb.targetSheets?.length) {
    const read = readWorkbookTargets(wb);
    const checked = checkTargets(read.targets, wb.sheets.map((s) => ({ template: s.template, grid: s.grid })));
    findings.push(...read.findings, ...checked.findings);
    report.targets = checked.targets;
  }
  return report;
}

/**
 * The count sheets' findings (the reader's own, then the rules of §9.7) and their `levels`
 * entries. Marks come from the Phụ lục result groups of the same workbook (§9.6); a level.*
 * finding points at the mark in the Phụ lục, the others at the count sheet's cell.
 */
function countFindings(wb: WorkbookSheets, findings: Finding[]): LevelEntry[] {
  const counts = wb.counts ?? [];
  if (!counts.length) return [];
  const groups: MarkGroup[] = [];
  for (const s of counts) {
    const rs = wb.sheets.find((p) => p.template.id === s.template.marks);
    const g = rs && marksFromGrid(s.template, rs.template, rs.grid, s.year, rs.sheet);
    if (g && !groups.some((x) => x.template === g.template && x.year === g.year)) groups.push(g);
  }
  for (const s of counts) {
    for (const n of s.notes) findings.push({ rule: n.rule, severity: n.severity, sheet: s.sheet, cell: n.cell ?? locateCount(s, n), unit: n.unit, message: n.message });
  }
  const result = evaluateCounts(counts, groups);
  for (const f of result.findings) {
    let cell: string | null;
    if (f.rule.startsWith('level.') && f.rule !== 'level.chain_gap') {
      const rs = wb.sheets.find((p) => p.sheet === f.sheet);
      cell = rs ? locate(rs, { row: f.row, col: f.col }) : null;
    } else {
      const cs = counts.find((c) => c.sheet === f.sheet);
      cell = cs ? locateCount(cs, f) : null;
    }
    findings.push({ rule: f.rule, severity: f.severity, sheet: f.sheet, cell, unit: f.unit, message: f.message });
  }
  return result.entries;
}

export function countBySeverity(findings: { severity: Severity }[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}
