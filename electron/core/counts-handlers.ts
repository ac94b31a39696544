// The handlers of a district's count tables (DOMAIN.md §9): opening and creating one, the check of
// an edit typed into one (setCells and setNote reach it through handlers.ts), and the marks the
// stored tables put on a Phụ lục grid (§9.6) that openContext hands to the grid.
import { UserError } from '../../shared/errors';
import type { Api, GridContext } from '../../shared/api';
import { countColumns, getCountTemplate, normaliseCount, normaliseFlag } from '../../shared/counts';
import { storedCountCheck } from './counts-check';
import { countTableView } from './counts-view';
import type { Store } from './store/store';
import type { ReportRecord, UnitRecord } from './store/types';
import { unitOrDistrict } from './unit-or-district';

type CountsApi = Pick<Api, 'openCounts' | 'createCounts'>;

/** A count table takes a whole number ≥ 0 (or blank) in a count column and x, ? or blank as ĐBKK, on its communes' rows. */
export function checkCountWrites(store: Store, report: ReportRecord, writes: readonly { unitId: number; key: string; value?: string }[]): void {
  const t = getCountTemplate(report.template as unknown as Parameters<typeof getCountTemplate>[0]);
  const counts = new Set(countColumns(t).map((c) => c.key));
  const rows = new Set(store.rows(report.unitId).map((u) => u.id));
  for (const w of writes) {
    const isCount = counts.has(w.key);
    if (!isCount && w.key !== 'dbkk') throw new UserError(`Không lưu được: "${w.key}" không phải là một cột của biểu ${t.formCode}. Không ô nào của lần sửa này được lưu.`);
    if (!rows.has(w.unitId)) throw new UserError(`Không lưu được: đơn vị #${w.unitId} không phải là một xã của biểu này. Không ô nào của lần sửa này được lưu.`);
    if (w.value === undefined) continue;
    const ok = isCount ? normaliseCount(w.value) : normaliseFlag(w.value);
    if (!ok.ok || ok.value !== w.value) throw new UserError(`Không lưu được "${w.value}": ${isCount ? 'số liệu phải là số nguyên không âm' : 'cột ĐBKK chỉ nhận x hoặc để trống'}. Không ô nào của lần sửa này được lưu.`);
  }
}

/**
 * A Phụ lục grid's marks against the unit's stored count tables (§9.6), whichever was imported
 * first; empty when it has none. `children` are the grid's rows in order (the caller has them).
 */
export function countFindingsOn(store: Store, unit: UnitRecord, children: readonly UnitRecord[], report: ReportRecord): NonNullable<GridContext['countFindings']> {
  if (!store.listCountReports(unit.id).length) return [];
  const rowOf = new Map(children.map((u, i) => [u.id, i]));
  return storedCountCheck(store, unit)
    .findings.filter((f) => f.place.kind === 'grid' && f.place.reportId === report.id && f.place.unitId !== null && f.rule !== 'level.chain_gap')
    .map((f) => ({ rule: f.rule, severity: f.severity, row: rowOf.get(f.place.unitId!) ?? -1, col: f.place.col, unit: f.unit, message: f.message }))
    .filter((f) => f.row >= 0);
}

export function countsHandlers(store: Store): CountsApi {
  return {
    async openCounts({ unitId, template, year }) {
      return countTableView(store, unitOrDistrict(store, unitId), template, year);
    },

    async createCounts({ unitId, template, year }) {
      const unit = unitOrDistrict(store, unitId);
      store.ensureCountReport(template, unit.id, year);
      return countTableView(store, unit, template, year);
    },
  };
}
