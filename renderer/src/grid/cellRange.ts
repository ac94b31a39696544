// A rectangle of cells chosen with Shift+arrows or Shift+click (AG Grid Community has no range
// selection): copied as TSV, cleared with Delete, filled or pasted into from its top-left cell.

export interface CellPos {
  /** Displayed row index (commune rows only). */
  row: number;
  col: string;
}

export interface CellRange {
  anchor: CellPos;
  end: CellPos;
}

export interface RangeBounds {
  top: number;
  bottom: number;
  /** Column ids, left to right. */
  cols: string[];
}

export function isMulti(r: CellRange | null): r is CellRange {
  return !!r && (r.anchor.row !== r.end.row || r.anchor.col !== r.end.col);
}

/** The rectangle's rows and columns, in the displayed column order. */
export function boundsOf(r: CellRange, columnOrder: readonly string[]): RangeBounds {
  const a = columnOrder.indexOf(r.anchor.col);
  const b = columnOrder.indexOf(r.end.col);
  const left = Math.max(0, Math.min(a, b));
  const right = Math.max(a, b);
  return {
    top: Math.min(r.anchor.row, r.end.row),
    bottom: Math.max(r.anchor.row, r.end.row),
    cols: right < 0 ? [] : columnOrder.slice(left, right + 1),
  };
}

export function contains(b: RangeBounds, row: number, col: string): boolean {
  return row >= b.top && row <= b.bottom && b.cols.includes(col);
}

/**
 * Excel's Ctrl+arrow along a line of cells: from a filled cell with a filled neighbour, to the
 * last filled cell of that block; otherwise to the next filled cell, or the line's end.
 */
export function edgeIndex(filled: readonly boolean[], from: number, step: 1 | -1): number {
  const last = step === 1 ? filled.length - 1 : 0;
  let i = from;
  if (i === last) return i;
  if (filled[i] && filled[i + step]) {
    while (i !== last && filled[i + step]) i += step;
    return i;
  }
  i += step;
  while (i !== last && !filled[i]) i += step;
  return i;
}
