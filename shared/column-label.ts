// A grid column in the officer's words: "Trẻ 3 tuổi 2020 · Đạt", "Năm 2020 · MĐ2",
// "Giai đoạn 2026-2030 · MĐ1", instead of a key or a cell address of the file.
import { groupsOf } from './grid';
import type { Layout, TemplateDef } from './templates';

export function groupLabel(g: { kind: 'result' | 'period'; when: string; age?: string }): string {
  if (g.kind === 'period') return `Giai đoạn ${g.when}`;
  return g.age ? `Trẻ ${g.age} ${g.when}` : `Năm ${g.when}`;
}

/** The column of `key` under `layout`, or the key itself when the template has no such column. */
export function columnLabel(t: TemplateDef, layout: Layout, key: string): string {
  return columnLabeller(t, layout)(key);
}

/**
 * columnLabel for many keys of one grid: its groups are worked out once (an import labels every
 * change of every file, a few hundred per form).
 */
export function columnLabeller(t: TemplateDef, layout: Layout): (key: string) => string {
  const groups = new Map(groupsOf(t, layout).map((g) => [g.id, groupLabel(g)] as const));
  return (key) => {
    const bar = key.lastIndexOf('|');
    const label = groups.get(bar === -1 ? key : key.slice(0, bar));
    if (label === undefined) return key;
    const leaf = bar === -1 ? '' : key.slice(bar + 1);
    return leaf ? `${label} · ${leaf}` : label;
  };
}
