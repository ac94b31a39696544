// The re-based view (DOMAIN.md §11.5), pure: the old grids stay as they were; for each unit in
// force on a day that has predecessors, what the old marks imply for it, group by group. A merged
// commune is at least MĐk when every old commune taken whole has exactly one mark at MĐk or above
// (a pooled rate of rates that each reach a threshold reaches it too, for one ĐBKK class): a
// lower bound, said as such. Anything less certain is "chưa xác định", with the reason.
import { groupsOf, type Grid, type GridGroup, type GridRow } from '../grid';
import { hasInvalid, markedIndexes } from '../rules/marks';
import type { TemplateDef, TemplateId } from '../templates';
import { tierOf, unitTitle } from './kinds';
import { matchName } from './match';
import { validOn, type UnitRecord, type UnitSnapshot } from './model';

/** A stored grid of an old unit (a district's grid: one row per old commune). */
export interface OldGrid {
  template: TemplateDef;
  grid: Grid;
  /**
   * The district whose grid it is: rows without a stored unitId are matched by name among its
   * communes (exact key, then loose: one district, §11.3).
   */
  districtId?: number;
}

export interface RebasedGroup {
  template: TemplateId;
  /** As in `rollups[].group`: "2020", "2021-2025", "2020/3 tuổi". */
  group: string;
  level: string | null;
  bound: 'lower' | 'undecided';
  /** Why it cannot be said (undecided only). */
  reason?: string;
}

export interface RebasedUnit {
  /** The unit with its kind word: "Xã Cần Yên". */
  unit: string;
  /** The old units' names as stored, in link order. */
  from: string[];
  groups: RebasedGroup[];
}

export interface RebaseView {
  asOf: string;
  units: RebasedUnit[];
  /** Said once when no ĐBKK flags are stored: the bounds assume one class. */
  note?: string;
}

export interface RebaseOptions {
  /**
   * The stored ĐBKK flag of a unit for a group's year or period ("2020"), or undefined when none
   * is stored. Absent: no flags at all.
   */
  dbkk?: (unitId: number, when: string) => boolean | undefined;
}

const NO_FLAGS_NOTE = 'Chưa có cờ ĐBKK của các xã: mức tối thiểu tính như thể các xã cũ cùng một loại (cùng ngưỡng).';

/** The row of an old unit in a grid: by stored id, else by name inside the grid's district. */
function rowOf(og: OldGrid, unit: UnitRecord, snapshot: UnitSnapshot): GridRow | null {
  const byId = og.grid.rows.find((r) => r.unitId === unit.id);
  if (byId) return byId;
  if (og.districtId === undefined || unit.parentId !== og.districtId) return null;
  const named = og.grid.rows.filter((r) => r.unitId === undefined);
  const m = matchName(unit.name, named.map((r) => ({ row: r, name: r.unit })), { loose: true });
  if (m.found.length !== 1) return null;
  // The row must not be another commune's better match (a loose hit taken by its own exact match).
  const other = snapshot.units.filter((u) => u.parentId === og.districtId && u.id !== unit.id);
  const theirs = matchName(m.found[0].row.unit, other, { loose: false }).found;
  return theirs.length ? null : m.found[0].row;
}

function levelLabel(t: TemplateDef, rank: number): string {
  return t.scale === 'pass' ? t.marks[0] : t.marks[rank - 1];
}

function rebaseGroup(
  og: OldGrid,
  g: GridGroup,
  successor: UnitRecord,
  from: { unit: UnitRecord; link: 'whole' | 'part'; row: GridRow | null }[],
  opts: RebaseOptions,
): RebasedGroup {
  const t = og.template;
  const reasons: string[] = [];
  const ranks: number[] = [];
  let kd: string | null = null;
  for (const f of from) {
    const name = f.unit.name;
    if (f.link === 'part') {
      reasons.push(`${name} chỉ nhập một phần`);
      continue;
    }
    if (!f.row) {
      reasons.push(`${name} không có trong biểu`);
      continue;
    }
    if (hasInvalid(f.row, g)) {
      reasons.push(`${name} có giá trị không hợp lệ`);
      continue;
    }
    const marked = markedIndexes(f.row, g);
    if (marked.length === 0) reasons.push(`${name} chưa có mức`);
    else if (marked.length > 1) reasons.push(`${name} có ${marked.length} dấu trong cùng nhóm`);
    else {
      const rank = g.ranks[marked[0]];
      ranks.push(rank);
      if (rank === 0 && kd === null) kd = name;
    }
  }
  if (opts.dbkk) {
    const flags = [...from.map((f) => opts.dbkk!(f.unit.id, g.when)), opts.dbkk(successor.id, g.when)].filter((x) => x !== undefined);
    if (new Set(flags).size > 1) reasons.push('các xã khác nhau về diện ĐBKK');
  }
  const undecided = (reason: string): RebasedGroup => ({ template: t.id, group: g.id, level: null, bound: 'undecided', reason });
  if (reasons.length) return undecided(`Chưa xác định: ${reasons.join('; ')}.`);
  const lowest = Math.min(...ranks);
  if (lowest === 0) return undecided(`Chưa xác định: ${kd} không đạt, chỉ từ dấu thì chưa nói được.`);
  return { template: t.id, group: g.id, level: levelLabel(t, lowest), bound: 'lower' };
}

/** The re-based view on a day (`units rebase --as-of DAY --json`). */
export function rebase(snapshot: UnitSnapshot, grids: readonly OldGrid[], asOf: string, opts: RebaseOptions = {}): RebaseView {
  const byId = new Map(snapshot.units.map((u) => [u.id, u]));
  const view: RebaseView = { asOf, units: [] };
  for (const unit of snapshot.units) {
    if (!validOn(unit, asOf) || tierOf(unit.kind) === 'province') continue;
    const incoming = snapshot.links.filter((l) => l.to === unit.id);
    if (incoming.length === 0) continue;
    const preds = incoming.map((l) => ({ unit: byId.get(l.from)!, link: l.link })).filter((p) => p.unit);
    const groups: RebasedGroup[] = [];
    for (const og of grids) {
      const from = preds.map((p) => ({ ...p, row: rowOf(og, p.unit, snapshot) }));
      if (!from.some((f) => f.row)) continue; // a grid of another district
      for (const g of groupsOf(og.template, og.grid.layout)) groups.push(rebaseGroup(og, g, unit, from, opts));
    }
    view.units.push({ unit: unitTitle(unit.kind, unit.name), from: preds.map((p) => p.unit.name), groups });
  }
  if (!opts.dbkk) view.note = NO_FLAGS_NOTE;
  return view;
}
