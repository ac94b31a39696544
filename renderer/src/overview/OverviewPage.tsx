// "Tổng quan": each programme's levels at a glance. For every Phụ lục, a chart of the district's
// communes by level, group by group, the district's level per group, and the thresholds the law
// sets (Nghị định 20/2014) as text. Prints as it is.
import { useEffect, useState } from 'react';
import type { UnitNode } from '../../../shared/api';
import { TEMPLATES } from '../../../shared/templates';
import { api, errorText } from '../platform/api';
import { formatCount, unitTitle } from '../platform/format';
import { LevelBars } from './LevelBars';
import { levelChart, type LevelChart } from './levelCounts';
import './overview.css';

interface Props {
  unitId?: number;
  reloadKey: number;
  onOpened(unit: UnitNode | null): void;
}

interface Programme {
  template: (typeof TEMPLATES)[number];
  chart: LevelChart;
}

function thresholdsText(t: (typeof TEMPLATES)[number], communes: number): string {
  return t.thresholds
    .map((th, i) => {
      const label = t.scale === 'pass' ? t.marks[0] : `${t.marks[i]} trở lên`;
      return `${label} cần từ ${th}% số xã (${formatCount(Math.ceil((th * communes) / 100))}/${formatCount(communes)})`;
    })
    .join('; ');
}

export function OverviewPage({ unitId, reloadKey, onOpened }: Props) {
  const [data, setData] = useState<{ unit: UnitNode; programmes: Programme[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all(TEMPLATES.map((t) => api.openGrid({ template: t.id, unitId })))
      .then((views) => {
        if (!live) return;
        const programmes = views.map((v, i) => ({ template: TEMPLATES[i], chart: levelChart(TEMPLATES[i], v.grid) }));
        setData({ unit: views[0].unit, programmes });
        onOpened(views[0].unit);
      })
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [unitId, reloadKey, onOpened]);

  if (error) return <div className="page-message error">Không mở được tổng quan: {error}</div>;
  if (!data) return <div className="page-message">Đang tải…</div>;
  return (
    <div className="overview-page" data-testid="overview">
      <h1>Tổng quan – {unitTitle(data.unit)}</h1>
      <div className="overview-grid">
        {data.programmes.map(({ template: t, chart }) => (
          <section key={t.id} className="overview-card" data-testid="overview-programme" data-template={t.id}>
            <h2>
              {t.appendix} – {t.name}
            </h2>
            <LevelBars chart={chart} title={`${t.appendix} – ${t.name}`} />
            <p className="overview-levels" data-testid="overview-levels">
              Mức đạt:{' '}
              {chart.labels.map((l, i) => (
                <span key={l}>
                  {i > 0 && ' · '}
                  {l}: <b>{chart.levels[i]}</b>
                </span>
              ))}
            </p>
            <p className="muted overview-thresholds">Ngưỡng: {thresholdsText(t, chart.communes)}.</p>
          </section>
        ))}
      </div>
    </div>
  );
}
