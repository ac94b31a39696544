// The live check of the open grid (shared/rules/live.ts) re-checks only the rows an edit
// changed: after any sequence of edits, undos and renames its list must be checkGrid's, exactly.
import { describe, expect, it } from 'vitest';
import { columnsOf, emptyGrid, type Grid } from '../../shared/grid';
import { checkGrid, contextTemplates, RULES } from '../../shared/rules';
import { getTemplate, TEMPLATES, type TemplateId } from '../../shared/templates';
import { applyChanges, changesOf, type CellWrite } from '../../renderer/src/grid/gridEdits';
import { LiveCheck } from '../../shared/rules/live';
import { prng } from '../support/prng';


const VALUES = ['x', 'x', 'x', '', '', 'X', 'y', '2'];

/** A grid of n communes with unit ids 1..n, its cells drawn from VALUES (some names doubled). */
function randomGrid(id: TemplateId, n: number, rnd: () => number): Grid {
  const t = getTemplate(id);
  const names = Array.from({ length: n }, (_, i) => (i > 0 && rnd() < 0.05 ? `Xã ${i}` : `Xã ${i + 1}`));
  const g = emptyGrid(t, names);
  g.rows.forEach((r, i) => (r.unitId = i + 1));
  for (const r of g.rows) for (const c of columnsOf(t, g.layout)) if (c.kind === 'mark' && rnd() < 0.4) r.values[c.key] = VALUES[Math.floor(rnd() * VALUES.length)];
  return g;
}

function edits(grid: Grid, rnd: () => number): CellWrite[] {
  const cols = columnsOf(getTemplate(grid.template), grid.layout);
  const count = rnd() < 0.8 ? 1 : 1 + Math.floor(rnd() * 12);
  return Array.from({ length: count }, () => ({
    unitId: 1 + Math.floor(rnd() * grid.rows.length),
    key: cols[Math.floor(rnd() * cols.length)].key,
    value: cols.length && rnd() < 0.1 ? 'Đạt chuẩn' : VALUES[Math.floor(rnd() * VALUES.length)],
  }));
}

describe('LiveCheck', () => {
  it('declares which rules it may re-run row by row', () => {
    expect(RULES.filter((r) => !r.rowLocal).map((r) => r.id)).toEqual(['total.mismatch', 'unit.duplicate']);
  });

  it('the rules read no other grid than contextTemplates names (the app sends only those)', () => {
    const rnd = prng(42);
    for (const t of TEMPLATES) {
      const grid = randomGrid(t.id, 40, rnd);
      const all = TEMPLATES.filter((o) => o.id !== t.id).map((o) => randomGrid(o.id, 40, rnd));
      const needed = all.filter((g) => contextTemplates(t).includes(g.template));
      expect(checkGrid({ template: t, grid }, { grids: [grid, ...needed] })).toEqual(checkGrid({ template: t, grid }, { grids: [grid, ...all] }));
    }
  });

  for (const id of ['pcgd-thcs', 'pcgd-mn', 'xmc'] as TemplateId[]) {
    it(`equals checkGrid after every edit, undo and rename (${id})`, () => {
      const rnd = prng(id.length * 7919);
      const t = getTemplate(id);
      const n = 60;
      let grid = randomGrid(id, n, rnd);
      const others = (['pcgd-th', 'xmc'] as TemplateId[]).filter((o) => o !== id).map((o) => randomGrid(o, n, rnd));
      const known = grid.rows.filter(() => rnd() < 0.9).map((r) => r.unit);
      const live = new LiveCheck(t, others, known);
      const whole = (g: Grid) => checkGrid({ template: t, grid: g }, { grids: [g, ...others], knownUnits: known });
      expect(live.check(grid)).toEqual(whole(grid));
      const history: ReturnType<typeof changesOf>[] = [];
      for (let step = 0; step < 300; step++) {
        const r = rnd();
        if (r < 0.15 && history.length) {
          grid = applyChanges(grid, 0, history.pop()!, 'back');
        } else if (r < 0.17) {
          // A rename (a reload after an import): the whole grid is checked again.
          const i = Math.floor(rnd() * n);
          const rows = grid.rows.slice();
          rows[i] = { ...rows[i], unit: `Xã ${1 + Math.floor(rnd() * n)}` };
          grid = { ...grid, rows };
        } else {
          const changes = changesOf(grid, 0, edits(grid, rnd));
          history.push(changes);
          grid = applyChanges(grid, 0, changes, 'forward');
        }
        expect(live.check(grid), `bước ${step}`).toEqual(whole(grid));
      }
    });
  }
});
