// The marks a count sheet is checked against, taken from a Phụ lục grid (§9.6): the result group
// "năm Y" of the same programme, never a proposal period; for preschool the 5-year-olds only.
import { groupsOf, type Grid } from '../grid';
import { markedIndexes } from '../rules/marks';
import type { TemplateDef } from '../templates';
import type { CountTemplateDef } from './templates';
import type { MarkGroup } from './evaluate';
import type { MarkedLevel } from './types';

/**
 * The marks of `grid` (a Phụ lục of the programme of `counts`) in its result group for `year`,
 * or undefined when the grid has no such group. A commune with no mark or several has level null.
 */
export function marksFromGrid(counts: CountTemplateDef, template: TemplateDef, grid: Grid, year: string, sheet: string | null): MarkGroup | undefined {
  if (template.id !== counts.marks) return undefined;
  const g = groupsOf(template, grid.layout).find((x) => x.kind === 'result' && x.when === year && (counts.markAge ? x.age === counts.markAge : true));
  if (!g) return undefined;
  const marks: MarkedLevel[] = grid.rows.map((row, r) => {
    const at = markedIndexes(row, g);
    return { unit: row.unit, level: at.length === 1 ? g.ranks[at[0]] : null, row: r, col: g.marks[at.length ? at[0] : 0] };
  });
  return { template: template.id, year, sheet, marks };
}
