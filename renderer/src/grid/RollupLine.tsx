// The district's level per group, computed live from its communes' marks (Nghị định 20/2014).
import { memo, useMemo } from 'react';
import type { UnitNode } from '../../../shared/api';
import { groupsOf, type Grid, type GridGroup } from '../../../shared/grid';
import { rollupGrid, type Rollup } from '../../../shared/rules/rollup';
import type { TemplateDef } from '../../../shared/templates';
import { aggregateWord, formatPercent } from '../platform/format';
import './rollup-shares.css';

function groupLabel(g: GridGroup): string {
  if (g.kind === 'period') return g.when;
  return g.age ? `Trẻ ${g.age} ${g.when}` : `năm ${g.when}`;
}

/** Each threshold of a group: "MĐ1 trở lên: 20/21 xã (95,24%), cần từ 90%". */
function shares(t: TemplateDef, r: Rollup, member: string): string[] {
  return t.thresholds.map((th, i) => {
    const label = t.scale === 'pass' ? t.marks[0] : `${t.marks[i]} trở lên`;
    return `${label}: ${r.atLeast[i]}/${r.communes} ${member} (${formatPercent(r.atLeast[i], r.communes)}), cần từ ${th}%`;
  });
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
    <>
      <p className="rollup" data-testid="rollup">
        <strong>Mức đạt của {aggregateWord(aggregate.kind)}:</strong>{' '}
        {rollups.map((r, i) => (
          <span key={r.group} className={r.level ? 'level level-ok' : 'level level-none'} title={shares(template, r, member).join('\n')}>
            {i > 0 && <span className="sep"> · </span>}
            {groupLabel(groups[i])}: <b>{r.level ?? 'Chưa đạt'}</b>
          </span>
        ))}
      </p>
      {/* The shares behind each level, as text on screen (not only on hover), read in order by the keyboard. */}
      <ul className="rollup-shares" data-testid="rollup-shares" tabIndex={0} aria-label="Tỉ lệ đạt từng mức">
        {rollups.map((r, i) => (
          <li key={r.group} data-testid="rollup-share" data-group={r.group}>
            <span className="rollup-share-group">{groupLabel(groups[i])}</span> – {shares(template, r, member).join('; ')}
          </li>
        ))}
      </ul>
    </>
  );
});
