// The shapes of a stored cell that more than one feature speaks of: what an edit writes (the grid
// makes them, the saver stores them) and the cell the user is on (the grid tells it, the audit
// panel shows its history). Kept here so that features meet in platform/, not in each other.

/** One stored cell's new value, as `setCells` takes it. */
export interface CellWrite {
  unitId: number;
  key: string;
  value: string;
}

/** A stored cell the user is on: what its history (the audit panel) is asked about. */
export interface FocusedCell {
  unitId: number;
  key: string;
  unitName: string;
  /** "2020/3 tuổi – Đạt". */
  label: string;
  /** A mark count of the total row: computed from the communes, never stored. */
  computed: boolean;
}

/** A note and follow-up flag on a stored cell, as the grid shows them (corner marks, tooltip). */
export interface CellNoteMark {
  note: string;
  followUp: boolean;
}

/** The notes of an open report by cell (`noteKey`): the notes feature loads them, the grid draws them. */
export type CellNotes = ReadonlyMap<string, CellNoteMark>;

export function noteKey(unitId: number, key: string): string {
  return `${unitId}|${key}`;
}
