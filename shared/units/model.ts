// The unit tree after the 2025 reform (DOMAIN.md §11.1): both worlds kept, the units as they were
// with their grids and the units as they are, joined by successor links. Old grids are never
// rewritten; re-basing is a view (rebase.ts). Dates are ISO "YYYY-MM-DD"; null = open.
import { z } from 'zod';
import { UNIT_KINDS } from './kinds';

/** The statistics office's words for a change ("Ghi chú" of its conversion table). */
export const CHANGE_KINDS = ['Giữ nguyên', 'Đổi tên', 'Nhập toàn bộ', 'Nhập một phần'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** Whether the whole old unit went to the new one, or only part of it (a split). */
export function linkOf(change: ChangeKind): 'whole' | 'part' {
  return change === 'Nhập một phần' ? 'part' : 'whole';
}

/** The code schemes DOMAIN.md names; any other scheme is kept by its name. */
export const CODE_SCHEMES = { old: 'ma-dvhc', new: 'ma-dvhc-2025' } as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const unitCodeSchema = z.object({ scheme: z.string().min(1).max(40), code: z.string().min(1).max(40) }).strict();
export type UnitCode = z.infer<typeof unitCodeSchema>;

export const unitRecordSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(UNIT_KINDS),
    /** The official name without its kind word, NFC ("Tổng Cọt"). */
    name: z.string().trim().min(1).max(200),
    /** The parent in the unit's validity period: a commune's district until 30/6/2025, its province after. */
    parentId: z.number().int().nullable(),
    validFrom: isoDate.nullable(),
    validTo: isoDate.nullable(),
    codes: z.array(unitCodeSchema).max(20),
    /** Other spellings that match it: names seen in files, former names. */
    aliases: z.array(z.string().trim().min(1).max(200)).max(100),
  })
  .strict();
export type UnitRecord = z.infer<typeof unitRecordSchema>;

export const successorLinkSchema = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    change: z.enum(CHANGE_KINDS),
    link: z.enum(['whole', 'part']),
    date: isoDate,
    /** The change table's file and row, or "typed in the app". */
    source: z.string().max(500),
    note: z.string().max(1000).optional(),
  })
  .strict();
export type SuccessorLink = z.infer<typeof successorLinkSchema>;

/** What the pure functions read of the database: the units and their links. */
export interface UnitSnapshot {
  units: UnitRecord[];
  links: SuccessorLink[];
}

/** Whether a unit is in force on a day (both ends inclusive; null is open). */
export function validOn(u: Pick<UnitRecord, 'validFrom' | 'validTo'>, day: string): boolean {
  return (u.validFrom === null || u.validFrom <= day) && (u.validTo === null || day <= u.validTo);
}
