// Lookups the rules build over a grid of the context or over a unit list, kept while that rows
// array (or that list) is the same object: the app re-checks a row on every keystroke against
// the same context. A grid's rows are never changed in place once checked (an edit makes a new
// rows array), so a kept lookup is the one a fresh build would give.
import type { Grid, GridRow } from '../grid';
import { unitKey } from '../text/normalize';

const rowsByKey = new WeakMap<readonly GridRow[], Map<string, GridRow>>();
const keySets = new WeakMap<readonly string[], Set<string>>();

/** A grid's rows by unitKey of their names (a name twice: the later row). */
export function rowsByUnitKey(grid: Grid): Map<string, GridRow> {
  let m = rowsByKey.get(grid.rows);
  if (!m) rowsByKey.set(grid.rows, (m = new Map(grid.rows.map((row) => [unitKey(row.unit), row]))));
  return m;
}

/** The unitKeys of a list of names. */
export function unitKeySet(names: readonly string[]): Set<string> {
  let s = keySets.get(names);
  if (!s) keySets.set(names, (s = new Set(names.map(unitKey))));
  return s;
}
