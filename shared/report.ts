// The validation report of a workbook: the JSON contract of `validate --json`, also the shape
// the import preview shows. Pure composition of recognition, rules and roll-ups.
import { rollupGrid } from './rules/rollup';
import { checkGrid, type RuleId, type Severity } from './rules';
import { guessDistrict } from './sheet/district';
import { locate, type RecognisedSheet } from './sheet/recognise';
import { checkTargets, readTargetSheet, type TargetEntry } from './targets';
import type { Target } from './targets/model';
import type { TemplateId } from './templates';

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
  template: TemplateId;
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
  findings.push(...(wb.notes ?? []));
  const report: ValidationReport = {
    file,
    sheets: wb.sheets.map((s) => ({ name: s.sheet, template: s.template.id, units: s.grid.rows.map((r) => r.unit) })),
    findings,
    rollups,
  };
  if (wb.targetSheets?.length) {
    const read = readWorkbookTargets(wb);
    const checked = checkTargets(read.targets, wb.sheets.map((s) => ({ template: s.template, grid: s.grid })));
    findings.push(...read.findings, ...checked.findings);
    report.targets = checked.targets;
  }
  return report;
}

export function countBySeverity(findings: { severity: Severity }[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}
