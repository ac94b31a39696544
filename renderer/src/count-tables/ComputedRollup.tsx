// Beside the district's levels from the marks (RollupLine), the same roll-up from the levels its
// communes' counts reach, for each result year that has a count table (Nghị định 20/2014).
import { memo, useMemo } from 'react';
import { checkTable, COUNT_TEMPLATES, rollupLevels } from '../../../shared/counts';
import { groupsOf, type Grid } from '../../../shared/grid';
import type { TemplateDef } from '../../../shared/templates';
import { formatPercent } from '../platform/format';
import { countsHash } from '../platform/route';
import { useCountTables } from './useCountTable';

interface Props {
  template: TemplateDef;
  grid: Grid;
  districtId: number;
}

export const ComputedRollup = memo(function ComputedRollup({ template, grid, districtId }: Props) {
  const counts = COUNT_TEMPLATES.find((c) => c.marks === template.id);
  const years = useMemo(() => [...new Set(groupsOf(template, grid.layout).filter((g) => g.kind === 'result').map((g) => g.when))], [template, grid.layout]);
  const tables = useCountTables(counts?.id, districtId, years);
  const lines = useMemo(() => {
    if (!counts) return [];
    const out: { year: string; level: string; title: string }[] = [];
    for (const year of years) {
      const l = tables.get(year);
      const table = l?.state === 'done' && l.view.table?.year === year ? l.view.table : null;
      if (!table) continue;
      const check = checkTable(counts, year, table.rows, table.prereqs, table.marks ?? undefined);
      const n = table.rows.length;
      const r = rollupLevels(check.levels.map((x) => (x ? x.level : null)), n, template.thresholds, counts.levels.length);
      const title = r.atLeast.map((a, k) => `${counts.levels[k].name}: ${a}/${n} xã (${formatPercent(a, n)}), cần từ ${template.thresholds[k]}%`).join('\n');
      out.push({ year, level: r.reached ? counts.levels[r.reached - 1].name : 'Chưa đạt', title });
    }
    return out;
  }, [counts, years, tables, template.thresholds]);
  if (!counts || !lines.length) return null;
  return (
    <p className="rollup rollup-computed" data-testid="rollup-computed">
      <strong>Theo số liệu ({counts.sheet}):</strong>{' '}
      {lines.map((l, i) => (
        <span key={l.year} className="level" title={l.title}>
          {i > 0 && <span className="sep"> · </span>}
          năm {l.year}: <b>{l.level}</b>
        </span>
      ))}{' '}
      <a href={countsHash(counts.id, districtId, lines[0].year)}>xem số liệu</a>
    </p>
  );
});
