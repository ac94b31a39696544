import { columnTitle, type ColumnSpec, type CountColumn, type RateColumn } from '../kinds';
import { mnCount } from './mn-count';
import { thCount } from './th-count';
import { thcsCount } from './thcs-count';
import type { CountTemplateDef, CountTemplateId } from './types';
import { xmcCount } from './xmc-count';

export type * from './types';
export { rateKey } from './build';
export { mnCount, thCount, thcsCount, xmcCount };

/** The four count templates, in the order levels are computed (XMC and TH before THCS, §9.5). */
export const COUNT_TEMPLATES: readonly CountTemplateDef[] = [xmcCount, mnCount, thCount, thcsCount];

export function isCountTemplateId(id: string): id is CountTemplateId {
  return COUNT_TEMPLATES.some((t) => t.id === id);
}

export function getCountTemplate(id: CountTemplateId): CountTemplateDef {
  return COUNT_TEMPLATES.find((t) => t.id === id)!;
}

export function countColumns(t: CountTemplateDef): CountColumn[] {
  return t.columns.filter((c): c is CountColumn => c.kind === 'count');
}

export function rateColumns(t: CountTemplateDef): RateColumn[] {
  return t.columns.filter((c): c is RateColumn => c.kind === 'rate');
}

/** A column of the template by key. */
export function columnOf(t: CountTemplateDef, key: string): ColumnSpec | undefined {
  return t.columns.find((c) => c.key === key);
}

/** "Độ tuổi 15-60 / Tổng số" for a column key (messages, `thiếu cột "…"`). */
export function titleOf(t: CountTemplateDef, key: string): string {
  const c = columnOf(t, key);
  return c ? columnTitle(c) : key;
}

/** The name of a computed level: "MĐ2", "Đạt"; null for 0 (no level). */
export function levelName(t: CountTemplateDef, level: number): string | null {
  return level > 0 ? t.levels[level - 1].name : null;
}
