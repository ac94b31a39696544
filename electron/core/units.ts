// The 2025 units from the command line and the app: a change table applied (DOMAIN.md §11.4) and
// the re-based view (§11.5). The matching and planning are pure (shared/units); this reads the
// file, takes the snapshot, and writes the plan as one undoable step.
import { basename } from 'node:path';
import type ExcelJS from 'exceljs';
import { UserError } from '../../shared/errors';
import { getTemplate } from '../../shared/templates';
import { findChangeTable, planChanges, rebase, type Cell, type ChangeRowResult, type RebaseView } from '../../shared/units';
import { loadWorkbook, readFileBytes } from './excel/read';
import type { Store } from './store/store';

export interface UnitsApplyResult {
  file: string;
  dryRun: boolean;
  rows: Omit<ChangeRowResult, 'alias'>[];
  created: string[];
}

/** A cell as the change table reader takes it: text, number, date; rich text and formulas by their text or result. */
function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((p) => p.text).join('');
  if (typeof v === 'object' && 'result' in v) return cellValue(v.result as ExcelJS.CellValue);
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return null;
}

function sheetCells(ws: ExcelJS.Worksheet): Cell[][] {
  const rows: Cell[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    rows[r - 1] = Array.from({ length: 8 }, (_, c) => cellValue(row.getCell(c + 1).value));
  });
  return Array.from({ length: rows.length }, (_, i) => rows[i] ?? []);
}

/** `units apply FILE`: every row matched and planned; unless a dry run, the plan stored as one step. */
export async function applyChangeTableFile(store: Store, file: string, opts: { dryRun?: boolean } = {}): Promise<UnitsApplyResult> {
  const r = await applyChangeTableBytes(store, basename(file), await readFileBytes(file), opts);
  return { file, dryRun: r.dryRun, rows: r.rows, created: r.created };
}

/**
 * The same from the file's bytes (the app sends them): `changeId` is the stored step, null for a
 * dry run or a table that changes nothing.
 */
export async function applyChangeTableBytes(
  store: Store,
  name: string,
  bytes: Buffer,
  opts: { dryRun?: boolean } = {},
): Promise<UnitsApplyResult & { changeId: number | null }> {
  const wb = await loadWorkbook(bytes);
  const table = findChangeTable(wb.worksheets.map((ws) => ({ name: ws.name, cells: sheetCells(ws) })));
  if (!table) {
    throw new UserError(
      `tệp "${name}" không có bảng chuyển đổi đơn vị: cần một trang có dòng tiêu đề Tỉnh | Huyện cũ | Xã cũ | Mã xã cũ | Xã mới | Mã xã mới | Ghi chú | Ngày hiệu lực.`,
      'units.no-table',
    );
  }
  const plan = planChanges(table.rows, store.reform.snapshot(), name);
  let changeId: number | null = null;
  if (!opts.dryRun) {
    const ok = plan.rows.filter((r) => r.status === 'ok').length;
    changeId = store.reform.applyPlan(plan, `tệp ${name}`, `Áp dụng bảng chuyển đổi ${name}: ${ok} dòng, tạo ${plan.created.length} đơn vị.`).changeId;
  }
  return { file: name, dryRun: !!opts.dryRun, rows: plan.rows.map(({ alias: _a, ...r }) => r), created: plan.created, changeId };
}

/** `units rebase --as-of DAY`: what the old grids imply for the units in force on that day. */
export function rebaseView(store: Store, asOf: string): RebaseView {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) {
    throw new UserError(`ngày "${asOf}" không hợp lệ (ghi năm-tháng-ngày, ví dụ 2025-07-01).`, 'units.bad-date');
  }
  const grids = store.listReports().map((r) => ({ template: getTemplate(r.template), grid: store.loadGrid(r.id, { allRows: true }), districtId: r.unitId }));
  return rebase(store.reform.snapshot(), grids, asOf);
}
