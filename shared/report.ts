// The validation report of a workbook: the JSON contract of `validate --json`, also the shape
// the import preview shows. Pure composition of recognition, rules and roll-ups.
import { rollupGrid } from './rules/rollup';
import { checkGrid, type RuleId, type Severity } from './rules';
import { locate, type RecognisedSheet } from './sheet/recognise';
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
}

export interface WorkbookSheets {
  sheets: RecognisedSheet[];
  unrecognized: { sheet: string; reason: string }[];
  /** Findings the reader made itself (legacy text converted, …). */
  notes?: Finding[];
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
  return {
    file,
    sheets: wb.sheets.map((s) => ({ name: s.sheet, template: s.template.id, units: s.grid.rows.map((r) => r.unit) })),
    findings,
    rollups,
  };
}

export function countBySeverity(findings: { severity: Severity }[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}
