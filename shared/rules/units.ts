import { unitKey } from '../text/normalize';
import { who } from './describe';
import { unitKeySet } from './lookup';
import type { Rule, RuleFinding } from './types';

/** The same commune twice in one grid (names compared after normalisation). */
export const unitDuplicate: Rule = {
  id: 'unit.duplicate',
  severity: 'error',
  rowLocal: false,
  check({ grid }) {
    const seen = new Map<string, number>();
    const out: RuleFinding[] = [];
    grid.rows.forEach((row, r) => {
      const key = unitKey(row.unit);
      if (!key) return; // rows without a name are not one commune twice
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, r);
        return;
      }
      out.push({
        rule: this.id,
        severity: this.severity,
        row: r,
        col: 'name',
        unit: row.unit,
        message: `${who(row.unit)} có hai dòng trong cùng một biểu (dòng thứ ${first + 1} và ${r + 1}).`,
      });
    });
    return out;
  },
};

/** A commune name not in the unit list; only where a unit list exists (a database). */
export const unitUnknown: Rule = {
  id: 'unit.unknown',
  severity: 'warning',
  rowLocal: true,
  check({ grid }, ctx) {
    if (!ctx.knownUnits) return [];
    const known = unitKeySet(ctx.knownUnits);
    return grid.rows
      .map((row, r) => ({ row, r }))
      .filter(({ row }) => !known.has(unitKey(row.unit)))
      .map(({ row, r }) => ({
        rule: this.id,
        severity: this.severity,
        row: r,
        col: 'name' as const,
        unit: row.unit,
        message: unitKey(row.unit)
          ? `${who(row.unit)} không có trong danh sách đơn vị của huyện.`
          : `Dòng thứ ${r + 1} có số liệu nhưng không ghi tên đơn vị (xã, thị trấn).`,
      }));
  },
};
