// One programme's chart: communes by level, group by group (stacked SVG bars, chartist), with the
// legal thresholds written under it. Chartist draws with DOM calls only (no inline script), so
// the page's CSP holds; its stylesheet comes with the app, nothing is fetched.
// Chartist's code is a chunk of its own, loaded when a chart is first drawn: the grid page, the
// one the officer opens most, does not wait for it to be parsed.
import { useEffect, useRef, useState } from 'react';
import 'chartist/dist/index.css';
import type { LevelChart } from './levelCounts';

interface Props {
  chart: LevelChart;
  /** The chart's accessible name: "Phụ lục 1 – Xóa mù chữ". */
  title: string;
}

export function LevelBars({ chart, title }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let gone = false;
    let bars: { detach(): void } | null = null;
    import('chartist').then(
      ({ BarChart }) => {
        if (gone || !box.current) return;
        bars = new BarChart(
          box.current,
          { labels: chart.labels, series: chart.series.map((s) => ({ name: s.name, data: s.counts })) },
          {
            stackBars: true,
            height: 220,
            axisY: { onlyInteger: true, labelInterpolationFnc: (v: string | number) => String(v) },
            chartPadding: { top: 16, right: 16, bottom: 4, left: 8 },
          },
        );
      },
      // A damaged install: the levels are still written out under the chart.
      () => !gone && setFailed(true),
    );
    return () => {
      gone = true;
      bars?.detach();
    };
  }, [chart]);
  return (
    <figure className="level-bars" data-testid="level-bars">
      <div ref={box} className="level-bars-svg" role="img" aria-label={`${title}: số xã theo mức đạt`} />
      {failed && <p className="muted">Không vẽ được biểu đồ (tệp của chương trình bị thiếu hoặc hỏng); số xã theo mức đạt ở dòng dưới.</p>}
      <figcaption className="level-bars-legend">
        {chart.series.map((s, i) => (
          <span key={s.name} className={`legend-item legend-${String.fromCharCode(97 + i)}`}>
            <span className="legend-swatch" aria-hidden="true" /> {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
