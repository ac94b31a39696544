// How the units page names units and dates: the unit's own kind word (DOMAIN.md §11.2), never a
// hard-coded "xã", and dates as the officer writes them.
import { KINDS, splitKind, tierOf, type UnitKind } from '../../../shared/units/kinds';
import { localDay } from '../../../shared/units/days';
import type { UnitRecord, UnitSnapshot } from '../../../shared/units/model';

/** "Xã Tổng Cọt"; a name that carries its kind word ("Phường Sông Hiến", "Thị trấn Xuân Hòa") is kept. */
export function titleOf(u: Pick<UnitRecord, 'kind' | 'name'>): string {
  return splitKind(u.name).kind ? u.name : `${KINDS[u.kind].word} ${u.name}`;
}

/** "2025-07-01" → "01/07/2025". */
export function viDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** "từ 01/07/2025", "đến 30/06/2025", "từ … đến …", or "" when open at both ends. */
export function validityText(u: Pick<UnitRecord, 'validFrom' | 'validTo'>): string {
  const from = u.validFrom ? `từ ${viDay(u.validFrom)}` : '';
  const to = u.validTo ? `đến ${viDay(u.validTo)}` : '';
  return [from, to].filter(Boolean).join(' ');
}

/** Today as ISO "YYYY-MM-DD" in the officer's time zone. */
export const today = (): string => localDay();

/** Whether the unit has ended before the day. */
export function endedBefore(u: Pick<UnitRecord, 'validTo'>, day: string): boolean {
  return u.validTo !== null && u.validTo < day;
}

/**
 * Units that other units belong to (a province, a district, a commune office): first those with
 * communes in force on the day (the demo's district; the province once a change table has
 * replaced the district's communes), the higher tier first.
 */
export function parentsOf(snap: UnitSnapshot, day: string): UnitRecord[] {
  const withKids = new Set(snap.units.map((u) => u.parentId));
  const live = new Set(snap.units.filter((u) => tierOf(u.kind) === 'commune' && !endedBefore(u, day)).map((u) => u.parentId));
  const tier = (u: UnitRecord) => (tierOf(u.kind) === 'province' ? 0 : tierOf(u.kind) === 'district' ? 1 : 2);
  const rank = (u: UnitRecord) => (live.has(u.id) ? 0 : 3) + tier(u);
  return snap.units.filter((u) => withKids.has(u.id) || tierOf(u.kind) !== 'commune').sort((a, b) => rank(a) - rank(b) || a.id - b.id);
}

/** The kinds a row of this parent may take: communes under a province or district; thôn (kept as xã) under a commune. */
export function rowKinds(parent: Pick<UnitRecord, 'kind'> | undefined): UnitKind[] {
  if (!parent) return ['xa'];
  if (tierOf(parent.kind) === 'commune') return ['xa'];
  return parent.kind === 'huyen' ? ['xa', 'thi-tran'] : ['xa', 'phuong', 'dac-khu'];
}
