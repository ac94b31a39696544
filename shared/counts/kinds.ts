// Columns declared by the kind of value their cells hold (issue 9, DOMAIN.md §9.1), so that the
// reader, grid, live check, writer and rules can work over kinds: a new template is then a
// definition plus its rules. The declaration is general: the Phụ lục templates can adopt it
// (their mark and "Đánh giá" columns are the kinds 'mark' and 'text').

/**
 * - mark: "x" / blank, one of an exclusive group (Phụ lục grids);
 * - count: a whole number ≥ 0; blank = missing input, never 0;
 * - rate: computed from two counts, shown, never stored (a printed one is only compared);
 * - text: kept as written (TT, the unit, "Đánh giá");
 * - flag: "x" = yes, blank = no (the ĐBKK column).
 */
export type CellKind = 'mark' | 'count' | 'rate' | 'text' | 'flag';

/** What a text column stands for, where the rules need to know it. */
export type TextRole = 'stt' | 'unit';

interface ColumnBase {
  /** Stable key: the count's symbol ("T_15_25", "P6"), "r:<numerator>" for a rate, "stt", "unit", "dbkk". */
  key: string;
  kind: CellKind;
  /**
   * Heading as the ministry prints it. A single-heading column (TT, the unit, ĐBKK) has its text
   * as `group` and no `leaf`; the other columns are a (group, leaf) pair of the two header rows.
   */
  group: string;
  leaf: string | null;
}

export interface TextColumn extends ColumnBase {
  kind: 'text';
  role?: TextRole;
}

export interface CountColumn extends ColumnBase {
  kind: 'count';
  leaf: string;
  /** The symbol DOMAIN.md §9.2 gives it: "T(15-25)", "P5", "H11". */
  symbol: string;
  /** The count in words, for messages: "số trẻ 6 tuổi phải phổ cập". */
  noun: string;
}

export interface RateColumn extends ColumnBase {
  kind: 'rate';
  leaf: string;
  /** Key of the numerator count (the nearest count column on its left in the same group). */
  num: string;
  /** Key of the denominator count. */
  den: string;
}

export interface FlagColumn extends ColumnBase {
  kind: 'flag';
}

export interface MarkColumn extends ColumnBase {
  kind: 'mark';
  /** The rank the mark stands for (MĐk → k; Đạt → 1, KĐ → 0). */
  rank: number;
}

export type ColumnSpec = TextColumn | CountColumn | RateColumn | FlagColumn | MarkColumn;

/** A group of the header's first row and the columns under it (one column when single-heading). */
export interface HeaderGroup {
  label: string;
  columns: ColumnSpec[];
}

/** The header tree: the group row's cells (merged over their columns) and the leaves under them. */
export function headerTree(columns: readonly ColumnSpec[]): HeaderGroup[] {
  const out: HeaderGroup[] = [];
  for (const c of columns) {
    const last = out[out.length - 1];
    if (last && c.leaf !== null && last.label === c.group && last.columns[0].leaf !== null) last.columns.push(c);
    else out.push({ label: c.group, columns: [c] });
  }
  return out;
}

/** "Độ tuổi 15-35 / Tổng số" — how a column is named to a user (and in `thiếu cột "…"`). */
export function columnTitle(c: ColumnSpec): string {
  return c.leaf === null ? c.group : `${c.group} / ${c.leaf}`;
}
