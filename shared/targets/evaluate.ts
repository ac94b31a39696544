// A target checked against its grid (DOMAIN.md §10.2): on the roll-up group of its template that
// its year or period names, counting exactly as the roll-up counts (N = every row, a row reaches
// level k when its mark is k or higher, two marks count at the lower one), in whole numbers.
import { groupsOf, type Grid, type GridGroup, type GridRow } from '../grid';
import { reachedRank } from '../rules/marks';
import type { TemplateDef } from '../templates';
import { isCommuneKind, kindLower, splitKind } from '../units/kinds';
import { matchName } from '../units/match';
import { capitalise, neededFor, percentText, shareMet } from './format';
import { isPeriod, normaliseWhen, programmeLabel, type TargetLevel } from './labels';
import type { Target } from './model';

export type TargetStatus = 'met' | 'unmet' | 'undecided';

export interface TargetEvaluation {
  status: TargetStatus;
  /** The status line (met) or the `target.unmet` message (unmet), or why it is undecided. */
  message: string;
  /** The roll-up groups the target was checked on ("2021-2025", "2024/5 tuổi"). */
  groups: string[];
  /** For share, count and a district's or province's own level: rows at the level, all rows. */
  m: number | null;
  n: number | null;
  /** Rows still missing (unmet), or rows to spare (met share or count: "dư"). */
  shortfall: number | null;
  surplus: number | null;
  /** The rows below the level, nearest first (at most five). */
  closest: string[];
  /** The commune a commune-scope target, or a named target failing on one unit, concerns. */
  unit: string | null;
  /** Set when undecided because a named unit or the scope's own row is not in the grid. */
  unmatched: string[];
}

/** A grid with its template: what a target is checked on. */
export interface TemplateGrid {
  template: TemplateDef;
  grid: Grid;
}

export interface EvaluateOptions {
  /** What a row is called in messages: "xã" (default); "huyện" or "đơn vị" when rows are districts. */
  rowWord?: string;
  /** Roll-up thresholds replacing the template's (a province after 2025, §4) for `unit` targets. */
  thresholds?: readonly number[];
  /** Other spellings of a row's unit (§11.3), for named and commune-scope targets. */
  aliasesOf?: (unit: string) => readonly string[];
}

const MAX_CLOSEST = 5;

function rankOf(level: TargetLevel): number {
  return level === 'Đạt' ? 1 : Number(level.slice(2));
}

/** "MĐ2 trở lên" for the lower levels; the top levels and Đạt need no "trở lên". */
function levelText(level: TargetLevel, orHigher: boolean): string {
  return orHigher && (level === 'MĐ1' || level === 'MĐ2') ? `${level} trở lên` : level;
}

/** "XMC MĐ2", "PCGD MN 5 tuổi" (Đạt is the programme's only level and goes unsaid). */
function progLevel(t: Target, orHigher = false): string {
  const prog = programmeLabel(t.programme, t.age);
  return t.level === 'Đạt' ? prog : `${prog} ${levelText(t.level, orHigher)}`;
}

function whenText(when: string): string {
  return isPeriod(when) ? `giai đoạn ${when}` : `năm ${when}`;
}

/** A row's own level, as a message says it: "MĐ1", "KĐ", "chưa có mức". */
function rowLevelText(t: TemplateDef, rank: number | null): string {
  if (rank === null) return 'chưa có mức';
  if (t.scale === 'pass') return rank >= 1 ? t.marks[0] : t.marks[t.marks.length - 1];
  return t.marks[rank - 1];
}

/** The groups of the template the target's year or period names (§10.2 table). */
function groupsFor(t: Target, tpl: TemplateDef, grid: Grid): GridGroup[] {
  const all = groupsOf(tpl, grid.layout);
  if (isPeriod(t.when)) return all.filter((g) => g.kind === 'period' && normaliseWhen(g.when) === t.when);
  const years = all.filter((g) => g.kind === 'result' && normaliseWhen(g.when) === t.when);
  if (t.programme !== 'pcgd-mn') return years.slice(0, 1);
  // Preschool results are per age: one age, or every age when the target names none.
  return t.age ? years.filter((g) => g.age === t.age) : years;
}

interface Counted {
  ranks: (number | null)[];
  m: number;
  n: number;
}

function count(rows: readonly GridRow[], g: GridGroup, k: number): Counted {
  const ranks = rows.map((r) => reachedRank(r, g));
  return { ranks, m: ranks.filter((r) => r !== null && r >= k).length, n: rows.length };
}

/** Rows below level k, nearest first: k−1 before lower levels, marked before unmarked, grid order. */
function closestRows(rows: readonly GridRow[], ranks: (number | null)[], k: number): { unit: string; rank: number | null }[] {
  return rows
    .map((r, i) => ({ unit: r.unit, rank: ranks[i], i }))
    .filter((x) => x.rank === null || x.rank < k)
    .sort((a, b) => (b.rank ?? -1) - (a.rank ?? -1) || a.i - b.i);
}

/** "Cát Tiên, Kim Sơn, Tân Lập (MĐ1); Minh Khai (chưa có mức)", at most five names then "…". */
function closestText(tpl: TemplateDef, list: { unit: string; rank: number | null }[]): string {
  const shown = list.slice(0, MAX_CLOSEST);
  const parts: string[] = [];
  let i = 0;
  while (i < shown.length) {
    let j = i;
    while (j < shown.length && shown[j].rank === shown[i].rank) j++;
    parts.push(`${shown.slice(i, j).map((x) => x.unit).join(', ')} (${rowLevelText(tpl, shown[i].rank)})`);
    i = j;
  }
  return parts.join('; ') + (list.length > MAX_CLOSEST ? ', …' : '');
}

function base(partial: Partial<TargetEvaluation> & Pick<TargetEvaluation, 'status' | 'message' | 'groups'>): TargetEvaluation {
  return { m: null, n: null, shortfall: null, surplus: null, closest: [], unit: null, unmatched: [], ...partial };
}

function undecided(message: string, groups: string[] = [], unmatched: string[] = []): TargetEvaluation {
  return base({ status: 'undecided', message, groups, unmatched });
}

/** Finds the rows a name designates (exact key, then loose inside this one grid, §11.3). */
function rowsNamed(rows: readonly GridRow[], name: string, opts: EvaluateOptions): GridRow[] {
  const cands = rows.map((row) => ({ row, name: row.unit, aliases: opts.aliasesOf?.(row.unit) ?? [] }));
  return matchName(name, cands, { loose: true }).found.map((c) => c.row);
}

function evaluateOn(t: Target, tg: TemplateGrid, g: GridGroup, opts: EvaluateOptions): TargetEvaluation {
  const { template: tpl, grid } = tg;
  const rows = grid.rows;
  const rw = opts.rowWord ?? 'xã';
  const k = rankOf(t.level);
  const c = count(rows, g, k);
  const groups = [g.id];
  const closestList = closestRows(rows, c.ranks, k);
  const closest = closestList.slice(0, MAX_CLOSEST).map((x) => x.unit);
  const closestNames = closestList.length ? closestText(tpl, closestList) : '';
  const closestLine = closestNames ? ` ${capitalise(rw)} gần đạt nhất: ${closestNames}${closestNames.endsWith('…') ? '' : '.'}` : '';
  const desc = `${progLevel(t)} (${whenText(t.when)})`;

  if (t.kind === 'share') {
    const p = t.value!;
    const needed = neededFor(p, c.n);
    const pct = percentText(c.m, c.n);
    if (shareMet(c.m, c.n, p)) {
      return base({
        status: 'met', groups, m: c.m, n: c.n, shortfall: 0, surplus: c.m - needed,
        message: `${c.m}/${c.n} ${rw} (${pct}) đạt ${progLevel(t, true)}; chỉ tiêu ${p}%: đạt, dư ${c.m - needed} ${rw}.`,
      });
    }
    return base({
      status: 'unmet', groups, m: c.m, n: c.n, shortfall: needed - c.m, surplus: null, closest,
      message:
        `Chỉ tiêu ${p}% ${rw} đạt ${progLevel(t, true)} (${whenText(t.when)}): ${c.m}/${c.n} ${rw} (${pct}), ` +
        `chưa đạt — còn thiếu ${needed - c.m} ${rw} (cần ${needed}/${c.n}).${closestLine}`,
    });
  }

  if (t.kind === 'count') {
    const m0 = t.value!;
    const target = t.of !== null ? `${m0}/${t.of}` : `${m0}`;
    // The plan's N may predate a merger or a split: said, and the target is still evaluated.
    const ofNote = t.of !== null && t.of !== c.n ? ` (Kế hoạch ghi tổng ${t.of} ${rw}, biểu có ${c.n} ${rw}.)` : '';
    if (c.m >= m0) {
      return base({
        status: 'met', groups, m: c.m, n: c.n, shortfall: 0, surplus: c.m - m0,
        message: `${c.m}/${c.n} ${rw} đạt ${progLevel(t)}; chỉ tiêu ${target} ${rw}: đạt, dư ${c.m - m0} ${rw}.${ofNote}`,
      });
    }
    return base({
      status: 'unmet', groups, m: c.m, n: c.n, shortfall: m0 - c.m, closest,
      message: `Chỉ tiêu ${target} ${rw} đạt ${desc}: ${c.m}/${c.n} ${rw}, chưa đạt — còn thiếu ${m0 - c.m} ${rw}.${closestLine}${ofNote}`,
    });
  }

  const verb = t.mode === 'maintain' ? 'giữ vững' : 'đạt chuẩn';

  if (t.kind === 'named') {
    const failing: { unit: string; text: string }[] = [];
    const unmatched: string[] = [];
    const several: string[] = [];
    for (const name of t.names) {
      const found = rowsNamed(rows, name, opts);
      if (found.length !== 1) {
        unmatched.push(name);
        if (found.length > 1) several.push(`${name} (khớp ${found.map((r) => r.unit).join(', ')})`);
        continue;
      }
      const rank = reachedRank(found[0], g);
      const own = rank === null ? 'chưa có mức' : `đạt ${rowLevelText(tpl, rank)}`;
      if (rank === null || rank < k) failing.push({ unit: found[0].unit, text: `${found[0].unit} ${own}` });
    }
    const head = `Chỉ tiêu ${t.names.join(', ')} đạt ${desc}`;
    if (unmatched.length) {
      const missing = unmatched.filter((n) => !several.some((x) => x.startsWith(`${n} (`)));
      const why = [
        missing.length ? `không tìm thấy ${missing.join(', ')} trong biểu ${tpl.appendix}` : '',
        several.length ? `không phân biệt được ${several.join('; ')}` : '',
      ].filter(Boolean);
      return undecided(`${head}: ${why.join('; ')}, chưa đánh giá được.`, groups, unmatched);
    }
    if (failing.length === 0) {
      return base({ status: 'met', groups, message: `${t.names.join(', ')} đều đạt ${progLevel(t)} (${whenText(t.when)}); chỉ tiêu: đạt.` });
    }
    return base({
      status: 'unmet', groups,
      unit: failing.length === 1 ? failing[0].unit : null,
      closest: failing.map((f) => f.unit),
      message: `${head}: ${failing.map((f) => f.text).join(', ')}, chưa đạt.`,
    });
  }

  // kind 'unit': a commune's own mark, or the roll-up of a district or province.
  const scope = splitKind(t.scope);
  if (isCommuneKind(scope.kind) || (scope.kind === null && rows.length === 1)) {
    const found = rows.length === 1 ? [rows[0]] : rowsNamed(rows, t.scope, opts);
    if (found.length !== 1) {
      return undecided(`Chỉ tiêu ${t.scope} ${verb} ${desc}: không tìm thấy dòng của ${t.scope} trong biểu ${tpl.appendix}.`, groups, [t.scope]);
    }
    const row = found[0];
    const rank = reachedRank(row, g);
    const word = scope.kind ? kindLower(scope.kind) : 'xã';
    const own = rank === null ? 'chưa có mức' : `đạt ${rowLevelText(tpl, rank)}`;
    if (rank !== null && rank >= k) {
      return base({ status: 'met', groups, unit: row.unit, message: `${t.scope} ${own} (${whenText(t.when)}); chỉ tiêu ${verb} ${progLevel(t)}: đạt.` });
    }
    return base({ status: 'unmet', groups, unit: row.unit, message: `Chỉ tiêu ${t.scope} ${verb} ${desc}: ${word} ${own}, chưa đạt.` });
  }

  const thresholds = opts.thresholds ?? tpl.thresholds;
  const word = scope.kind ? kindLower(scope.kind) : 'đơn vị';
  const atLeast = thresholds.map((_, i) => count(rows, g, i + 1).m);
  // A level needs every lower one (§4): the roll-up rank is the first failing threshold's.
  let reached = 0;
  while (reached < thresholds.length && c.n > 0 && shareMet(atLeast[reached], c.n, thresholds[reached])) reached++;
  const ownLevel = reached === 0 ? (tpl.scale === 'pass' ? 'chưa đạt chuẩn' : 'chưa đạt mức nào') : tpl.scale === 'pass' ? 'đạt chuẩn' : `đạt ${tpl.marks[reached - 1]}`;
  if (reached >= k) {
    return base({
      status: 'met', groups, m: c.m, n: c.n,
      message:
        tpl.scale === 'pass'
          ? `${t.scope} đạt chuẩn ${programmeLabel(t.programme, t.age)} (${whenText(t.when)}); chỉ tiêu ${verb} ${progLevel(t)}: đạt.`
          : `${t.scope} đạt ${programmeLabel(t.programme, t.age)} ${tpl.marks[reached - 1]} (${whenText(t.when)}); chỉ tiêu ${verb} ${progLevel(t)}: đạt.`,
    });
  }
  const gaps: string[] = [];
  let shortfall = 0;
  for (let j = 1; j <= k; j++) {
    const tj = thresholds[j - 1];
    const mj = atLeast[j - 1];
    if (shareMet(mj, c.n, tj)) continue;
    const lvl = tpl.scale === 'pass' ? 'đạt chuẩn' : `đạt ${levelText(tpl.marks[j - 1] as TargetLevel, true)}`;
    const missing = neededFor(tj, c.n) - mj;
    if (j === k) shortfall = missing;
    const name = tpl.scale === 'pass' ? 'Đạt chuẩn' : tpl.marks[j - 1];
    gaps.push(`${name} cần ${tj}% ${rw} ${lvl}, hiện ${mj}/${c.n} (${percentText(mj, c.n)}), còn thiếu ${missing} ${rw}`);
  }
  return base({
    status: 'unmet', groups, m: c.m, n: c.n, shortfall, closest,
    message: `Chỉ tiêu ${t.scope} ${verb} ${desc}: ${word} ${ownLevel}, chưa đạt — ${gaps.join('; ')}.${closestLine}`,
  });
}

/**
 * Checks one target on the grids it may concern (one per template: the first grid of the
 * target's programme is used). A group the grids do not hold leaves it undecided, no warning.
 */
export function evaluateTarget(t: Target, grids: readonly TemplateGrid[], opts: EvaluateOptions = {}): TargetEvaluation {
  const tg = grids.find((x) => x.template.id === t.programme);
  const label = `${programmeLabel(t.programme, t.age)} ${whenText(t.when)}`;
  if (!tg) return undecided(`Chưa đủ dữ liệu: không có biểu ${label}.`);
  if (tg.grid.rows.length === 0) return undecided(`Chưa đủ dữ liệu: biểu ${tg.template.appendix} chưa có đơn vị nào.`);
  const groups = groupsFor(t, tg.template, tg.grid);
  if (groups.length === 0) return undecided(`Chưa đủ dữ liệu: biểu ${tg.template.appendix} không có cột ${whenText(t.when)}.`);
  if (groups.length === 1) return evaluateOn(t, tg, groups[0], opts);
  // Preschool, a year and no age: met only when met for every age (§10.2).
  const parts = groups.map((g) => ({ g, e: evaluateOn({ ...t, age: g.age as Target['age'] }, tg, g, opts) }));
  const status: TargetStatus = parts.some((p) => p.e.status === 'undecided')
    ? 'undecided'
    : parts.some((p) => p.e.status === 'unmet')
      ? 'unmet'
      : 'met';
  const shown = status === 'met' ? parts : parts.filter((p) => p.e.status === status);
  return base({
    status,
    groups: groups.map((g) => g.id),
    message: shown.map((p) => p.e.message).join(' '),
    closest: shown.flatMap((p) => p.e.closest).filter((u, i, a) => a.indexOf(u) === i).slice(0, MAX_CLOSEST),
    unmatched: parts.flatMap((p) => p.e.unmatched),
  });
}
