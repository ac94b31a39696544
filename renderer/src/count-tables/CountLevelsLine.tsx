// The district's roll-up of one year from the communes' computed levels, beside the one from the
// Phụ lục marks (Nghị định 20/2014: a share of all its communes at each level or higher).
import { memo } from 'react';
import { rollupLevels, type CountTemplateDef } from '../../../shared/counts';
import { getTemplate } from '../../../shared/templates';
import { formatPercent } from '../platform/format';

interface Props {
  template: CountTemplateDef;
  year: string;
  /** Per commune of the district: its computed level L (null: no counts), its marked level (null: no single mark). */
  computed: readonly (number | null)[];
  marked: readonly (number | null)[] | null;
  /** "xã" for a district's communes. */
  member: string;
}

function levelWord(t: CountTemplateDef, k: number): string {
  return k === 0 ? 'Chưa đạt' : t.levels[k - 1].name;
}

export const CountLevelsLine = memo(function CountLevelsLine({ template, year, computed, marked, member }: Props) {
  const thresholds = getTemplate(template.marks).thresholds;
  const top = template.levels.length;
  const n = computed.length;
  const fromCounts = rollupLevels(computed, n, thresholds, top);
  const fromMarks = marked ? rollupLevels(marked, n, thresholds, top) : null;
  const shares = (r: { atLeast: number[] }) =>
    r.atLeast.map((a, k) => `${template.levels[k].name}${top > 1 ? ' trở lên' : ''}: ${a}/${n} ${member} (${formatPercent(a, n)}), cần từ ${thresholds[k]}%`).join('; ');
  return (
    <p className="rollup count-rollup" data-testid="count-rollup">
      <strong>Mức đạt của huyện năm {year}:</strong>{' '}
      <span className={fromCounts.reached ? 'level level-ok' : 'level level-none'} title={shares(fromCounts)} data-testid="count-rollup-computed">
        theo số liệu <b>{levelWord(template, fromCounts.reached)}</b>
      </span>
      <span className="sep"> · </span>
      {fromMarks ? (
        <span className={fromMarks.reached ? 'level level-ok' : 'level level-none'} title={shares(fromMarks)} data-testid="count-rollup-marked">
          theo đánh dấu <b>{levelWord(template, fromMarks.reached)}</b>
        </span>
      ) : (
        <span className="muted">phụ lục chưa có kết quả năm {year}</span>
      )}
      <span className="count-rollup-shares muted"> — theo số liệu: {shares(fromCounts)}</span>
    </p>
  );
});
