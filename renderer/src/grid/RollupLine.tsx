// The district's level per group, computed live from its communes' marks (Nghị định 20/2014).
import { memo, useMemo } from 'react';
import type { UnitNode } from '../../../shared/api';
import { groupsOf, type Grid, type GridGroup } from '../../../shared/grid';
import { rollupGrid, type Rollup } from '../../../shared/rules/rollup';
import type { TemplateDef } from '../../../shared/templates';
import { aggregateWord, formatPercent } from '../platform/format';

function groupLabel(g: GridGroup): string {
  if (g.kind === 'period') return g.when;
  return g.age ? `Trẻ ${g.age} ${g.when}` : `năm ${g.when}`;
}

function detail(t: TemplateDef, r: Rollup, member: string): string {
  return t.thresholds
    .map((th, i) => {
      const label = t.scale === 'pass' ? t.marks[0] : `${t.marks[i]} trở lên`;
      return `${label}: ${r.atLeast[i]}/${r.communes} ${member} (${formatPercent(r.atLeast[i], r.communes)}), cần từ ${th}%`;
    })
    .join('\n');
}

interface Props {
  template: TemplateDef;
  grid: Grid;
  aggregate: UnitNode;
}

/** Memoised: the page re-renders on every save state, the levels only when the grid changes. */
export const RollupLine = memo(function RollupLine({ template, grid, aggregate }: Props) {
  const groups = useMemo(() => groupsOf(template, grid.layout), [template, grid.layout]);
  const rollups = useMemo(() => rollupGrid(template, grid), [template, grid]);
  const member = aggregate.kind === 'huyen' ? 'xã' : 'đơn vị';
  return (
    <p className="rollup" data-testid="rollup">
      <strong>Mức đạt của {aggregateWord(aggregate.kind)}:</strong>{' '}
      {rollups.map((r, i) => (
        <span key={r.group} className={r.level ? 'level level-ok' : 'level level-none'} title={detail(template, r, member)}>
          {i > 0 && <span className="sep"> · </span>}
          {groupLabel(groups[i])}: <b>{r.level ?? 'Chưa đạt'}</b>
        </span>
      ))}
    </p>
  );
});
