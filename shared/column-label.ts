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
  const bar = key.lastIndexOf('|');
  const groupId = bar === -1 ? key : key.slice(0, bar);
  const leaf = bar === -1 ? '' : key.slice(bar + 1);
  const g = groupsOf(t, layout).find((x) => x.id === groupId);
  if (!g) return key;
  return leaf ? `${groupLabel(g)} · ${leaf}` : groupLabel(g);
}
