// The rules of the count sheets (DOMAIN.md §9.6, §9.7), each a small pure function over one
// sheet and the levels already computed for its rows, giving findings in the shape of
// shared/rules (RuleFinding). Counts that break an order check are still used as given (§9.9).
import { formatCount, formatPrinted, formatRate, formatRate3, formatThreshold, hasRate, isBorderline, rateMismatches, shortfall } from './arith';
import { conditionState, FAIL, levelUnder, PASS } from './engine';
import { criteriaText, explainLevel, reportLevel } from './explain';
import { columnOf, countColumns, levelName, rateColumns, rateKey, titleOf, type Criterion, type CountTemplateDef, type RateCriterion } from './templates';
import type { CountColumn } from './kinds';
import type { CountFinding, CountRow, CountRuleId, CountSheet, LevelResult, MarkedLevel, Prereqs } from './types';
import { who } from '../rules/describe';
import { unitKey } from '../text/normalize';

/** What the rules of a sheet read besides the sheet: its rows' levels, their prerequisites, the marks. */
export interface CountCheckContext {
  /** computeLevel of each row, in row order. */
  levels: readonly LevelResult[];
  /** The THCS prerequisites each row was computed with (THCS only). */
  prereqs?: readonly (Prereqs | undefined)[];
  /** The marks of the Phụ lục result group "năm Y" of the sheet's programme, by unitKey; absent = no such group. */
  marks?: ReadonlyMap<string, MarkedLevel>;
}

export interface CountRule {
  id: CountRuleId;
  severity: CountFinding['severity'];
  /** True when a row's findings depend only on that row (and the context): a live check re-runs only edited rows. */
  rowLocal: boolean;
  check(sheet: CountSheet, ctx: CountCheckContext): CountFinding[];
}

function noun(t: CountTemplateDef, key: string): string {
  return (columnOf(t, key) as CountColumn | undefined)?.noun ?? key;
}

const keysOf = new WeakMap<readonly CountRow[], { keys: string[]; first: boolean[] }>();

/**
 * The unitKey of each row, and whether the row speaks for its commune: the first row of each (a
 * later one is unit.duplicate). Kept while the rows array is the same object (an edit makes a new
 * one, as for the Phụ lục grids, shared/rules/lookup.ts).
 */
export function rowKeys(rows: readonly CountRow[]): { keys: string[]; first: boolean[] } {
  let out = keysOf.get(rows);
  if (!out) {
    const seen = new Set<string>();
    const keys = new Array<string>(rows.length);
    const first = new Array<boolean>(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const key = (keys[r] = unitKey(rows[r].unit));
      first[r] = key !== '' && !seen.has(key);
      seen.add(key);
    }
    keysOf.set(rows, (out = { keys, first }));
  }
  return out;
}

const indexOf = new WeakMap<readonly CountRow[], Map<string, number>>();

/** The first row of each commune by unitKey (blank names left out); kept while the rows array is the same object. */
export function rowIndex(rows: readonly CountRow[]): Map<string, number> {
  let out = indexOf.get(rows);
  if (!out) {
    const { keys, first } = rowKeys(rows);
    out = new Map();
    for (let r = 0; r < keys.length; r++) if (first[r]) out.set(keys[r], r);
    indexOf.set(rows, out);
  }
  return out;
}

/** Whether each row speaks for its commune (the first row of each). */
export function firstRows(sheet: CountSheet): boolean[] {
  return rowKeys(sheet.rows).first;
}

/** A level in words: "MĐ2", "Đạt"; 0: "chưa đạt mức nào" ("không đạt" for a one-level programme). */
function levelWords(t: CountTemplateDef, level: number): string {
  return levelName(t, level) ?? (t.levels.length === 1 ? 'không đạt' : 'chưa đạt mức nào');
}

/** The marked level in words: MĐk, Đạt, KĐ. */
function markWords(t: CountTemplateDef, m: number): string {
  return m === 0 ? 'KĐ' : t.levels[m - 1].name;
}

/** The failing criteria of level k under each rule judged, with the level's article said once. */
function failedAt(t: CountTemplateDef, sheet: CountSheet, r: number, ctx: CountCheckContext, perRule: { rule: 'normal' | 'dbkk'; upper: number }[]): string {
  const row = sheet.rows[r];
  const prereqs = ctx.prereqs?.[r];
  const tag = perRule.length > 1;
  return perRule
    .map(({ rule, upper }) => {
      const failing = reportLevel(t, upper + 1, rule, row, prereqs, 'fail');
      const prefix = tag ? `${rule === 'dbkk' ? 'theo mức xã ĐBKK' : 'theo mức xã thường'}, ` : '';
      if (upper === 0) return `${prefix}${criteriaText(t, failing, false)}`;
      const lvl = t.levels[upper];
      return `${prefix}chưa đạt ${lvl.name} (${lvl.article}): ${criteriaText(t, failing, true)}`;
    })
    .join('; ');
}

/** level.overstated, level.unverifiable, level.understated: the marks of "năm Y" against L and U. */
export const levelMarks: CountRule = {
  id: 'level.overstated',
  severity: 'error',
  rowLocal: true,
  check(sheet, ctx) {
    if (!ctx.marks) return [];
    const t = sheet.template;
    const out: CountFinding[] = [];
    const { keys, first } = rowKeys(sheet.rows);
    sheet.rows.forEach((row, r) => {
      if (!first[r]) return;
      const mark = ctx.marks!.get(keys[r]);
      // No single mark, or a rank this programme does not have (marks of another grid): nothing to compare.
      if (!mark || mark.level === null || mark.level < 0 || mark.level > t.levels.length) return;
      const M = mark.level;
      const { level: L, upper: U } = ctx.levels[r];
      if (M === L) return;
      const head = `${who(mark.unit)}: ${t.programme} năm ${sheet.year} đánh dấu ${markWords(t, M)}`;
      const at = { row: mark.row, col: mark.col, unit: mark.unit };
      if (M > U) {
        const judged = row.dbkk === null ? [false, true] : [row.dbkk];
        const perRule = judged.map((special) => ({ rule: special ? ('dbkk' as const) : ('normal' as const), upper: levelUnder(t, row, special, ctx.prereqs?.[r]).upper }));
        const failed = failedAt(t, sheet, r, ctx, perRule);
        const reach = U === 0 ? (t.levels.length === 1 ? 'số liệu không đạt chuẩn' : 'số liệu không đạt mức nào') : L === U ? `số liệu chỉ đạt ${levelWords(t, U)}` : `số liệu chỉ có thể đạt tối đa ${levelWords(t, U)}`;
        const sep = U === 0 ? ': ' : '. ';
        const body = U === 0 ? failed : failed.charAt(0).toUpperCase() + failed.slice(1);
        out.push({ rule: 'level.overstated', severity: 'error', ...at, message: `${head} nhưng ${reach}${sep}${body}.` });
      } else if (M > L) {
        const ex = explainLevel(t, row, ctx.prereqs?.[r], ctx.levels[r]);
        const open = ex.clause.criteria.filter((c) => c.state === 'undecided');
        const proven = L === 0 ? 'số liệu chưa chứng minh được mức nào' : `số liệu chỉ chứng minh được ${levelWords(t, L)}`;
        out.push({ rule: 'level.unverifiable', severity: 'warning', ...at, message: `${head}; ${proven}: ${criteriaText(t, open, true)}.` });
      } else if (M < L) {
        const reached = t.levels.length === 1 ? `số liệu đạt chuẩn ${t.programme}` : `số liệu đạt ${t.programme} ${levelWords(t, L)}`;
        const marked = t.levels.length === 1 ? `năm ${sheet.year} đánh dấu ${markWords(t, M)}` : `năm ${sheet.year} chỉ đánh dấu ${markWords(t, M)}`;
        out.push({
          rule: 'level.understated',
          severity: 'warning',
          ...at,
          message: `${who(mark.unit)}: ${reached} nhưng ${marked} (có thể chưa được công nhận, hoặc chưa đạt tiêu chuẩn khác ngoài số liệu).`,
        });
      }
    });
    return out;
  },
};

const rateCriteria = new WeakMap<CountTemplateDef, Record<'normal' | 'dbkk' | 'both', RateCriterion[]>>();

/** The rate criteria of every level of a template, under the normal rule, the ĐBKK rule, or both. */
function rateCriteriaOf(t: CountTemplateDef): Record<'normal' | 'dbkk' | 'both', RateCriterion[]> {
  let out = rateCriteria.get(t);
  if (!out) {
    const pick = (lists: Criterion[][]) => lists.flat().filter((c): c is RateCriterion => c.kind === 'rate');
    out = {
      normal: pick(t.levels.map((l) => l.normal)),
      dbkk: pick(t.levels.map((l) => l.dbkk)),
      both: pick(t.levels.flatMap((l) => [l.normal, l.dbkk])),
    };
    rateCriteria.set(t, out);
  }
  return out;
}

/** rate.borderline: a rate criterion that applies to the row shows its threshold but fails (§9.3). */
export const rateBorderline: CountRule = {
  id: 'rate.borderline',
  severity: 'warning',
  rowLocal: true,
  check(sheet) {
    const t = sheet.template;
    const lists = rateCriteriaOf(t);
    const out: CountFinding[] = [];
    sheet.rows.forEach((row, r) => {
      let seen: Set<string> | undefined;
      // The row's own rule, or both when the flag is unknown; every level, whether or not it matters.
      for (const c of row.dbkk === null ? lists.both : row.dbkk ? lists.dbkk : lists.normal) {
        const n = row.counts[c.num];
        const d = row.counts[c.den];
        if (!hasRate(n, d) || !isBorderline(n!, d!, c.threshold)) continue;
        const rk = rateKey(c.num);
        const col = !sheet.rateColumns || sheet.rateColumns.has(rk) ? rk : c.num;
        if (seen?.has(col)) continue;
        (seen ??= new Set()).add(col);
        out.push({
          rule: this.id,
          severity: this.severity,
          row: r,
          col,
          unit: row.unit,
          message: `${who(row.unit)}: tỉ lệ ${c.phrase} hiển thị ${formatRate(n, d)} nhưng thực tế ${formatRate3(n!, d!)} < ${formatThreshold(c.threshold)}: chưa đạt; cần thêm ${formatCount(shortfall(n!, d!, c.threshold))} ${c.phrase}.`,
        });
      }
    });
    return out;
  },
};

function orderRule(id: 'count.nested' | 'count.exceeds_denominator'): CountRule {
  return {
    id,
    severity: 'error',
    rowLocal: true,
    check(sheet) {
      const t = sheet.template;
      const out: CountFinding[] = [];
      const checks = t.orders.filter((o) => o.rule === id);
      sheet.rows.forEach((row, r) => {
        let seen: Set<string> | undefined;
        for (const o of checks) {
          const right = row.counts[o.right];
          if (right == null) continue;
          let left = 0;
          let present = true;
          for (const k of o.left) {
            const v = row.counts[k];
            if (v == null) present = false;
            else left += v;
          }
          if (!present || left <= right) continue;
          if (o.onlyIf?.some(([a, b]) => row.counts[a] == null || row.counts[b] == null || row.counts[a]! > row.counts[b]!)) continue;
          const col = o.left[o.left.length - 1];
          if (seen?.has(col)) continue;
          (seen ??= new Set()).add(col);
          const leftFigures = o.left.length > 1 ? `${o.left.map((k) => formatCount(row.counts[k]!)).join(' + ')} = ${formatCount(left)}` : formatCount(left);
          const leftNoun = o.leftNoun ?? noun(t, o.left[0]);
          out.push({
            rule: id,
            severity: 'error',
            row: r,
            col,
            unit: row.unit,
            message: `${who(row.unit)}: ${leftNoun} (${leftFigures}) lớn hơn ${o.rightNoun ?? noun(t, o.right)} (${formatCount(right)}).`,
          });
        }
      });
      return out;
    },
  };
}

/** count.nested: the cumulative bands of XMC, the 11-year-olds within the 11-14 cohort. */
export const countNested = orderRule('count.nested');
/** count.exceeds_denominator: a numerator above its denominator (and H11 + D11 above P11). */
export const countExceedsDenominator = orderRule('count.exceeds_denominator');

/** count.total.mismatch: a printed total (blank = 0) differs from the sum of the commune rows (blank or invalid = 0). */
export const countTotalMismatch: CountRule = {
  id: 'count.total.mismatch',
  severity: 'error',
  rowLocal: false,
  check(sheet) {
    const total = sheet.printedTotal;
    if (!total) return [];
    const t = sheet.template;
    const out: CountFinding[] = [];
    for (const c of countColumns(t)) {
      if (total.invalid?.includes(c.key)) continue;
      const printed = total.counts[c.key] ?? 0;
      let sum = 0;
      for (const row of sheet.rows) sum += row.counts[c.key] ?? 0;
      if (printed === sum) continue;
      out.push({
        rule: this.id,
        severity: this.severity,
        row: 'total',
        col: c.key,
        unit: null,
        message: `Dòng Cộng, ${titleOf(t, c.key)}: ghi ${formatCount(printed)} nhưng tổng các xã là ${formatCount(sum)}.`,
      });
    }
    return out;
  },
};

/** rate.mismatch: a printed rate differs by more than 0,005 from the one computed from the same row's counts. */
export const rateMismatch: CountRule = {
  id: 'rate.mismatch',
  severity: 'warning',
  rowLocal: true,
  check(sheet) {
    const t = sheet.template;
    const rates = rateColumns(t);
    const out: CountFinding[] = [];
    const compare = (printed: Readonly<Record<string, number>> | undefined, counts: CountSheet['rows'][number]['counts'], row: number | 'total', unit: string | null) => {
      if (!printed) return;
      for (const c of rates) {
        const p = printed[c.key];
        const n = counts[c.num];
        const d = counts[c.den];
        if (p == null || !Number.isFinite(p) || !hasRate(n, d) || !rateMismatches(p, n!, d!)) continue;
        out.push({
          rule: this.id,
          severity: this.severity,
          row,
          col: c.key,
          unit,
          message: `${unit === null ? 'Dòng Cộng' : who(unit)}: tỉ lệ ghi ${formatPrinted(p)} nhưng tính từ số liệu là ${formatRate(n, d)} (${formatCount(n!)}/${formatCount(d!)}).`,
        });
      }
    };
    sheet.rows.forEach((row, r) => compare(sheet.printedRates?.[r], row.counts, r, row.unit));
    if (sheet.printedTotal) compare(sheet.printedTotal.rates, sheet.printedTotal.counts, 'total', null);
    return out;
  },
};

/** count.zero_denominator: a denominator is 0 on a commune row (info; disabled access is then met). */
export const countZeroDenominator: CountRule = {
  id: 'count.zero_denominator',
  severity: 'info',
  rowLocal: true,
  check(sheet) {
    const t = sheet.template;
    const out: CountFinding[] = [];
    sheet.rows.forEach((row, r) => {
      for (const d of t.denominators) {
        if (row.counts[d.key] !== 0) continue;
        out.push({ rule: this.id, severity: this.severity, row: r, col: d.key, unit: row.unit, message: `${who(row.unit)}: ${noun(t, d.key)} bằng 0: ${d.zero}.` });
      }
    });
    return out;
  },
};

/** unit.dbkk_unknown: the row's flag is unknown; the level is computed both ways. */
export const unitDbkkUnknown: CountRule = {
  id: 'unit.dbkk_unknown',
  severity: 'warning',
  rowLocal: true,
  check(sheet, ctx) {
    const t = sheet.template;
    const out: CountFinding[] = [];
    sheet.rows.forEach((row, r) => {
      if (row.dbkk !== null) return;
      const say = (special: boolean, name: string) => {
        const { level, upper } = levelUnder(t, row, special, ctx.prereqs?.[r]);
        return `${levelWords(t, level)} (${name}${upper > level ? ', chưa xác định được mức cao hơn' : ''})`;
      };
      out.push({
        rule: this.id,
        severity: this.severity,
        row: r,
        col: 'name',
        unit: row.unit,
        message: `${who(row.unit)}: biểu không cho biết xã có thuộc diện ĐBKK năm ${sheet.year} không; mức tính theo cả hai cách: ${say(false, 'xã thường')} / ${say(true, 'xã ĐBKK')}.`,
      });
    });
    return out;
  },
};

/** level.chain_gap: a level's own condition passes while a lower one fails (XMC, §9.5). */
export const levelChainGap: CountRule = {
  id: 'level.chain_gap',
  severity: 'info',
  rowLocal: true,
  check(sheet, ctx) {
    const t = sheet.template;
    if (!t.chainGap) return [];
    const out: CountFinding[] = [];
    sheet.rows.forEach((row, r) => {
      const prereqs = ctx.prereqs?.[r];
      for (let pass = 0; pass < (row.dbkk === null ? 2 : 1); pass++) {
        const special = row.dbkk === null ? pass === 1 : row.dbkk;
        let failedBelow = -1;
        let gap = -1;
        for (let k = 0; k < t.levels.length && gap < 0; k++) {
          const s = conditionState(special ? t.levels[k].dbkk : t.levels[k].normal, row.counts, prereqs);
          if (s === FAIL && failedBelow < 0) failedBelow = k;
          else if (s === PASS && failedBelow >= 0) gap = k;
        }
        if (gap < 0) continue;
        const low = t.levels[failedBelow];
        out.push({
          rule: this.id,
          severity: this.severity,
          row: r,
          col: 'name',
          unit: row.unit,
          message: `${who(row.unit)}: số liệu đạt tiêu chí ${t.programme} ${t.levels[gap].name} nhưng chưa đạt ${low.name}; theo chuỗi mức độ, xã chưa đạt ${t.levels[gap].name} (${t.levels[gap].article} không nhắc lại điều kiện ${low.name}).`,
        });
        return;
      }
    });
    return out;
  },
};

/** Every count rule, in the order their findings are listed for one sheet. */
export const COUNT_RULES: readonly CountRule[] = [
  countNested,
  countExceedsDenominator,
  countTotalMismatch,
  rateMismatch,
  rateBorderline,
  unitDbkkUnknown,
  countZeroDenominator,
  levelChainGap,
];

/** The severity of each rule id (the level.* ids come from one function, levelMarks). */
export const COUNT_RULE_SEVERITY: Readonly<Record<CountRuleId, CountFinding['severity']>> = {
  'level.overstated': 'error',
  'level.understated': 'warning',
  'level.unverifiable': 'warning',
  'level.chain_gap': 'info',
  'rate.borderline': 'warning',
  'rate.mismatch': 'warning',
  'count.nested': 'error',
  'count.exceeds_denominator': 'error',
  'count.total.mismatch': 'error',
  'count.zero_denominator': 'info',
  'unit.dbkk_unknown': 'warning',
};
