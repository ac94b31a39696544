// The district's level per group, computed live from its communes' marks (Nghị định 20/2014).
import { memo, useMemo } from 'react';
import type { UnitNode } from '../../../shared/api';
import type { Grid } from '../../../shared/grid';
import { rollupGrid } from '../../../shared/rules/rollup';
import { shareLines, shareMember } from '../../../shared/rules/shares';
import type { TemplateDef } from '../../../shared/templates';
import { aggregateWord } from '../platform/format';
import './rollup-shares.css';

interface Props {
  template: TemplateDef;
  grid: Grid;
  aggregate: UnitNode;
}

/** Memoised: the page re-renders on every save state, the levels only when the grid changes. */
export const RollupLine = memo(function RollupLine({ template, grid, aggregate }: Props) {
  const rollups = useMemo(() => rollupGrid(template, grid), [template, grid]);
  // The same words the exported report prints under its table (shared/rules/shares.ts).
  const lines = useMemo(() => shareLines(template, grid, shareMember(aggregate.kind), rollups), [template, grid, aggregate.kind, rollups]);
  return (
    <>
      <p className="rollup" data-testid="rollup">
        <strong>Mức đạt của {aggregateWord(aggregate.kind, aggregate.detailedKind)}:</strong>{' '}
        {rollups.map((r, i) => (
          <span key={r.group} className={r.level ? 'level level-ok' : 'level level-none'} title={lines[i].shares.join('\n')}>
            {i > 0 && <span className="sep"> · </span>}
            {lines[i].label}: <b>{r.level ?? 'Chưa đạt'}</b>
          </span>
        ))}
      </p>
      {/* The shares behind each level, as text on screen (not only on hover), read in order by the keyboard. */}
      <ul className="rollup-shares" data-testid="rollup-shares" tabIndex={0} aria-label="Tỉ lệ đạt từng mức">
        {rollups.map((r, i) => (
          <li key={r.group} data-testid="rollup-share" data-group={r.group}>
            <span className="rollup-share-group">{lines[i].label}</span> – {lines[i].shares.join('; ')}
          </li>
        ))}
      </ul>
    </>
  );
});
