// The one Grid shape every stage passes on: the reader produces it, rules read it, the store
// persists it, the renderer shows it, the writer prints it. Totals and levels are derived from
// it on demand, never stored.
import type { Layout, TemplateDef, TemplateId } from './templates';

/** A group of exclusive marks: one result year (per age for preschool) or one period. */
export interface GridGroup {
  /** "2020", "2020/3 tuổi", "2021-2025": also the roll-up group name of the CLI contract. */
  id: string;
  kind: 'result' | 'period';
  /** The year ("2020") or period ("2021-2025"). */
  when: string;
  age?: string;
  /** Keys of the mark columns, in header order. */
  marks: string[];
  /** The rank each mark column stands for: MĐ1..MĐ3 → 1..3; Đạt → 1, KĐ → 0. */
  ranks: number[];
  /** Key of the free-text assessment column, when the group has one. */
  assessment?: string;
  /** Sort key in time: the result year counts as the earliest. */
  order: number;
}

export interface GridColumn {
  /** "2020|MĐ1", "2020/3 tuổi|Đánh giá", "2021-2025|KĐ". */
  key: string;
  group: string;
  kind: 'mark' | 'text';
  /** Leaf label as the header prints it. */
  label: string;
  /** Index of the level within the group's marks (mark columns only). */
  level?: number;
}

export interface GridRow {
  unit: string;
  /** The stored unit's id, for a grid loaded from the database. */
  unitId?: number;
  /** Values by column key; a missing key is a blank cell. */
  values: Record<string, string>;
}

export interface Grid {
  template: TemplateId;
  layout: Layout;
  rows: GridRow[];
  /** Texts of the aggregating unit's own row (the total row's Đánh giá), by column key. */
  totalTexts: Record<string, string>;
}

export function columnKey(group: string, label: string): string {
  return `${group}|${label}`;
}

function periodStart(when: string): number {
  const m = /(\d{4})/.exec(when);
  return m ? Number(m[1]) : 0;
}

function ranksOf(t: TemplateDef): number[] {
  return t.scale === 'level' ? t.marks.map((_, i) => i + 1) : t.marks.map((_, i) => (i === 0 ? 1 : 0));
}

/** The groups of a template under a layout, in header order. */
export function groupsOf(t: TemplateDef, layout: Layout): GridGroup[] {
  const groups: GridGroup[] = [];
  for (const year of layout.results) {
    for (const age of t.ages ?? [undefined]) {
      const id = age ? `${year}/${age}` : year;
      groups.push({
        id,
        kind: 'result',
        when: year,
        age,
        marks: t.marks.map((m) => columnKey(id, m)),
        ranks: ranksOf(t),
        assessment: t.assessment ? columnKey(id, t.assessment) : undefined,
        order: periodStart(year) - 0.5,
      });
    }
  }
  for (const period of layout.periods) {
    groups.push({
      id: period,
      kind: 'period',
      when: period,
      marks: t.marks.map((m) => columnKey(period, m)),
      ranks: ranksOf(t),
      order: periodStart(period),
    });
  }
  return groups;
}

/** The columns after STT and name, in header order. */
export function columnsOf(t: TemplateDef, layout: Layout): GridColumn[] {
  const cols: GridColumn[] = [];
  for (const g of groupsOf(t, layout)) {
    g.marks.forEach((key, level) =>
      cols.push({ key, group: g.id, kind: 'mark', label: t.marks[level], level }),
    );
    if (g.assessment) cols.push({ key: g.assessment, group: g.id, kind: 'text', label: t.assessment! });
  }
  return cols;
}

/** An empty grid of the given communes. */
export function emptyGrid(t: TemplateDef, units: string[], layout: Layout = t.defaultLayout): Grid {
  return { template: t.id, layout, rows: units.map((unit) => ({ unit, values: {} })), totalTexts: {} };
}
