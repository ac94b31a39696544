// The shares behind each level, in words: "MĐ1 trở lên: 20/21 xã (95,24%), cần từ 90%". One
// place for them, read on screen under the levels line (RollupLine) and printed under the table
// of the exported report (excel/write.ts), so both say the same.
import { groupsOf, type Grid, type GridGroup } from '../grid';
import type { TemplateDef } from '../templates';
import { rollupGrid, type Rollup } from './rollup';
import { formatRate } from '../counts/arith';

/**
 * "90,48%" (two decimals, decimal comma, rounded half up on the exact share); "–" of nothing.
 * Written from whole numbers (arith.ts), not by Intl: the levels line is on the first screen.
 */
export function formatPercent(part: number, whole: number): string {
  return whole > 0 ? formatRate(part, whole) : '–';
}

/** A group as the levels line names it: "Trẻ 3 tuổi 2020", "năm 2020", "2021-2025". */
export function shareGroupLabel(g: GridGroup): string {
  if (g.kind === 'period') return g.when;
  return g.age ? `Trẻ ${g.age} ${g.when}` : `năm ${g.when}`;
}

/** Each threshold of a group: "MĐ1 trở lên: 20/21 xã (95,24%), cần từ 90%". */
export function shares(t: TemplateDef, r: Rollup, member: string): string[] {
  return t.thresholds.map((th, i) => {
    const label = t.scale === 'pass' ? t.marks[0] : `${t.marks[i]} trở lên`;
    return `${label}: ${r.atLeast[i]}/${r.communes} ${member} (${formatPercent(r.atLeast[i], r.communes)}), cần từ ${th}%`;
  });
}

/** The word for the rows counted: a district counts its communes ("xã"), others their units. */
export function shareMember(kind: string): string {
  return kind === 'huyen' ? 'xã' : 'đơn vị';
}

export interface ShareLine {
  group: string;
  /** "Trẻ 3 tuổi 2020". */
  label: string;
  /** "MĐ1 trở lên: 20/21 xã (95,24%), cần từ 90%", one per threshold. */
  shares: string[];
  /** The whole line: "Trẻ 3 tuổi 2020 – Đạt: 20/21 xã (95,24%), cần từ 95%". */
  text: string;
}

/** One line per group of the grid, in the order of its columns. */
export function shareLines(t: TemplateDef, grid: Grid, member: string, rollups: Rollup[] = rollupGrid(t, grid)): ShareLine[] {
  const groups = groupsOf(t, grid.layout);
  return rollups.map((r, i) => {
    const label = shareGroupLabel(groups[i]);
    const s = shares(t, r, member);
    return { group: r.group, label, shares: s, text: `${label} – ${s.join('; ')}` };
  });
}
