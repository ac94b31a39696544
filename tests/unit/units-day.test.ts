// The units page's day field: a day as the officer writes it ("01/07/2025", "1/7/2025") becomes
// ISO; anything that is not a real day is refused (empty), never guessed.
import { describe, expect, it } from 'vitest';
import { parseViDay } from '../../renderer/src/unit-changes/DayInput';
import { parentsOf } from '../../renderer/src/unit-changes/unitWords';
import type { UnitRecord } from '../../shared/units/model';

describe('parseViDay', () => {
  it('reads dd/mm/yyyy with or without leading zeros', () => {
    expect(parseViDay('01/07/2025')).toBe('2025-07-01');
    expect(parseViDay(' 1/7/2025 ')).toBe('2025-07-01');
    expect(parseViDay('29/02/2024')).toBe('2024-02-29');
  });
  it('refuses what is not a day: the American order, 31/06, 29/02 of a common year, ISO, words', () => {
    for (const t of ['07/31/2025', '31/06/2025', '29/02/2025', '2025-07-01', 'mai', '', '1/7/25']) expect(parseViDay(t), t).toBeNull();
  });
});

describe('parentsOf (which unit the units page opens on)', () => {
  const u = (id: number, kind: UnitRecord['kind'], parentId: number | null, validTo: string | null = null): UnitRecord => ({
    id, kind, name: `u${id}`, parentId, validFrom: null, validTo, codes: [], aliases: [],
  });
  it('opens on the district while its communes are in force, on the province once they are replaced', () => {
    const before = { units: [u(1, 'tinh', null), u(2, 'huyen', 1), u(3, 'xa', 2)], links: [] };
    expect(parentsOf(before, '2026-01-01').map((x) => x.id)).toEqual([2, 1]);
    const after = { units: [u(1, 'tinh', null), u(2, 'huyen', 1, '2025-06-30'), u(3, 'xa', 2, '2025-06-30'), u(4, 'xa', 1)], links: [] };
    expect(parentsOf(after, '2026-01-01').map((x) => x.id)).toEqual([1, 2]);
  });
});
