// The target's words and values without zod (DOMAIN.md §10.1): what the evaluation and the
// renderer's live check need, so that they load no schema library; model.ts re-exports them.
import type { TemplateId } from '../templates';

export const PROGRAMMES = ['xmc', 'pcgd-mn', 'pcgd-th', 'pcgd-thcs'] as const satisfies readonly TemplateId[];
export const MN_AGES = ['3 tuổi', '4 tuổi', '5 tuổi'] as const;
export const TARGET_LEVELS = ['MĐ1', 'MĐ2', 'MĐ3', 'Đạt'] as const;
export const TARGET_KINDS = ['share', 'count', 'unit', 'named'] as const;
export const TARGET_MODES = ['maintain', 'strive'] as const;

export type Programme = (typeof PROGRAMMES)[number];
export type MnAge = (typeof MN_AGES)[number];
export type TargetLevel = (typeof TARGET_LEVELS)[number];
export type TargetKind = (typeof TARGET_KINDS)[number];
export type TargetMode = (typeof TARGET_MODES)[number];

/** The levels a programme's targets may name (XMC stops at MĐ2; preschool has only Đạt). */
export const LEVELS_OF: Record<Programme, readonly TargetLevel[]> = {
  xmc: ['MĐ1', 'MĐ2'],
  'pcgd-mn': ['Đạt'],
  'pcgd-th': ['MĐ1', 'MĐ2', 'MĐ3'],
  'pcgd-thcs': ['MĐ1', 'MĐ2', 'MĐ3'],
};

/** A proposal period "2021-2025" (ASCII hyphen) or a result year "2024". */
export const WHEN_RE = /^(\d{4})(?:-(\d{4}))?$/;

/** The short programme label of messages and of the sheet: "XMC", "PCGD MN 5 tuổi", "PCGD THCS". */
export function programmeLabel(programme: Programme, age: MnAge | null = null): string {
  switch (programme) {
    case 'xmc':
      return 'XMC';
    case 'pcgd-mn':
      return age ? `PCGD MN ${age}` : 'PCGD MN';
    case 'pcgd-th':
      return 'PCGD TH';
    case 'pcgd-thcs':
      return 'PCGD THCS';
  }
}

/** Whether a text is a period ("2021-2025") rather than a year. */
export function isPeriod(when: string): boolean {
  return when.includes('-');
}

/** "2021 - 2025", "2026–2030", 2024 → "2021-2025", "2026-2030", "2024"; null when neither. */
export function normaliseWhen(raw: string | number): string | null {
  const s = String(raw).normalize('NFC').trim();
  const m = /^(\d{4})(?:\s*[-–—]\s*(\d{4}))?$/.exec(s);
  if (!m) return null;
  return m[2] ? `${m[1]}-${m[2]}` : m[1];
}
