// The open grid's findings, kept live on every keystroke. An edit replaces only the rows it
// changes (the page's gridEdits.applyChanges), so only those rows are checked again by the rules whose row
// findings depend on that row alone (Rule.rowLocal); the other rules' findings and the other
// rows' are kept. The list is the very one checkGrid gives for the whole grid.
import { groupsOf, type Grid, type GridGroup } from '../grid';
import { RULES, sortFindings, type Rule, type RuleFinding } from './index';
import type { TemplateDef } from '../templates';

const NONE: readonly RuleFinding[] = [];

/** One rule's findings: by commune row (row-local rules), or for the whole grid. */
type RuleFindings = { byRow: (readonly RuleFinding[])[] } | { all: readonly RuleFinding[] };

export class LiveCheck {
  private grid: Grid | null = null;
  private groups: GridGroup[] = [];
  private kept: RuleFindings[] = [];
  private last: RuleFinding[] = [];

  /** `others`: the unit's other grids; `knownUnits`: its unit list (CheckContext). */
  constructor(
    private readonly template: TemplateDef,
    private readonly others: readonly Grid[],
    private readonly knownUnits?: string[],
  ) {}

  /** All findings of `grid`, errors first, then by row (checkGrid's list). */
  check(grid: Grid): RuleFinding[] {
    const prev = this.grid;
    if (!prev || prev.template !== grid.template || prev.layout !== grid.layout || prev.rows.length !== grid.rows.length) return this.full(grid);
    const changed: number[] = [];
    for (let i = 0; i < grid.rows.length; i++) {
      if (grid.rows[i] === prev.rows[i]) continue;
      // A name changed: unit.duplicate and unit.unknown look across rows.
      if (grid.rows[i].unit !== prev.rows[i].unit) return this.full(grid);
      changed.push(i);
    }
    this.grid = grid;
    if (!changed.length) return this.last;
    if (changed.length > grid.rows.length / 4) return this.full(grid);
    const ctx = this.context(grid);
    RULES.forEach((rule, k) => {
      const kept = this.kept[k];
      if (!('byRow' in kept)) return;
      for (const i of changed) {
        const found = rule.check({ template: this.template, grid: { ...grid, rows: [grid.rows[i]] } }, ctx, this.groups);
        kept.byRow[i] = found.length ? found.map((f) => ({ ...f, row: i })) : NONE;
      }
    });
    return (this.last = this.assemble());
  }

  private context(grid: Grid) {
    return { grids: [grid, ...this.others], knownUnits: this.knownUnits };
  }

  private full(grid: Grid): RuleFinding[] {
    this.grid = grid;
    this.groups = groupsOf(this.template, grid.layout);
    const input = { template: this.template, grid };
    const ctx = this.context(grid);
    this.kept = RULES.map((rule: Rule) => {
      const found = rule.check(input, ctx, this.groups);
      if (!rule.rowLocal || found.some((f) => typeof f.row !== 'number')) return { all: found };
      const byRow: (readonly RuleFinding[])[] = new Array(grid.rows.length).fill(NONE);
      for (const f of found) {
        const r = f.row as number;
        byRow[r] = byRow[r] === NONE ? [f] : [...byRow[r], f];
      }
      return { byRow };
    });
    return (this.last = this.assemble());
  }

  /** The rules' findings in RULES order, each rule's row by row, then sorted as checkGrid sorts. */
  private assemble(): RuleFinding[] {
    const found: RuleFinding[] = [];
    for (const kept of this.kept) {
      if ('all' in kept) found.push(...kept.all);
      else for (const row of kept.byRow) for (const f of row) found.push(f);
    }
    return sortFindings(found);
  }
}

