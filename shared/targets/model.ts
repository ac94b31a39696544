// A plan target (DOMAIN.md §10.1) is data: typed by the officer, read from a "Mục tiêu" sheet or
// proposed from the plan's text and confirmed. The schema is what crosses the API and the store;
// the type follows from it so the two cannot drift.
import { z } from 'zod';
import { LEVELS_OF, MN_AGES, PROGRAMMES, TARGET_KINDS, TARGET_LEVELS, TARGET_MODES, WHEN_RE } from './labels';

export * from './labels';

/** Where a target came from, so a finding can point at it. */
export const targetSourceSchema = z.discriminatedUnion('kind', [
  /** A row of a "Mục tiêu" sheet (1-based sheet row). */
  z.object({ kind: z.literal('sheet'), sheet: z.string().min(1).max(200), row: z.number().int().positive() }).strict(),
  /** A sentence of a pasted plan (1-based line of the pasted text). */
  z.object({ kind: z.literal('plan'), line: z.number().int().positive(), plan: z.string().max(300).optional() }).strict(),
  /** Typed in the app's "Mục tiêu kế hoạch" page (its row id, when stored). */
  z.object({ kind: z.literal('typed'), id: z.number().int().positive().optional() }).strict(),
]);
export type TargetSource = z.infer<typeof targetSourceSchema>;

export const targetSchema = z
  .object({
    /** The unit whose plan it is, with its kind word: "Huyện Hà Quảng", "Xã Tân Văn". */
    scope: z.string().trim().min(1).max(200),
    programme: z.enum(PROGRAMMES),
    /** pcgd-mn only: one age, or null for the whole of Phụ lục 2 (trẻ em mẫu giáo). */
    age: z.enum(MN_AGES).nullable(),
    /** Always "this level or higher". */
    level: z.enum(TARGET_LEVELS),
    kind: z.enum(TARGET_KINDS),
    /** share: p (whole percent 1–100); count: m; unit and named: null. */
    value: z.number().int().nullable(),
    /** count: N when the plan says "m/N"; otherwise null. */
    of: z.number().int().positive().nullable(),
    /** named: the units, as the plan writes them; otherwise empty. */
    names: z.array(z.string().trim().min(1).max(200)).max(500),
    /** "2021-2025" or "2024". */
    when: z.string().regex(WHEN_RE),
    mode: z.enum(TARGET_MODES),
    /** The sentence as written (NFC). */
    text: z.string().max(5000),
    source: targetSourceSchema.nullable(),
  })
  .strict()
  .superRefine((t, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (!LEVELS_OF[t.programme].includes(t.level)) issue('level', `Mức ${t.level} không dùng cho chương trình này.`);
    if (t.age !== null && t.programme !== 'pcgd-mn') issue('age', 'Chỉ PCGD mầm non có độ tuổi.');
    const m = WHEN_RE.exec(t.when);
    if (m && m[2] && Number(m[2]) <= Number(m[1])) issue('when', 'Giai đoạn phải kết thúc sau năm bắt đầu.');
    switch (t.kind) {
      case 'share':
        if (t.value === null || t.value < 1 || t.value > 100) issue('value', 'Tỉ lệ phải là số nguyên từ 1 đến 100.');
        if (t.of !== null) issue('of', 'Chỉ tiêu tỉ lệ không có tổng số đơn vị.');
        break;
      case 'count':
        if (t.value === null || t.value < 1) issue('value', 'Số đơn vị phải là số nguyên dương.');
        if (t.of !== null && t.value !== null && t.value > t.of) issue('of', 'Số đơn vị vượt tổng số.');
        break;
      case 'unit':
        if (t.value !== null || t.of !== null) issue('value', 'Chỉ tiêu mức của đơn vị không có giá trị.');
        break;
      case 'named':
        if (t.names.length === 0) issue('names', 'Chưa nêu đơn vị nào.');
        if (t.value !== null || t.of !== null) issue('value', 'Chỉ tiêu đơn vị được nêu chỉ có tên đơn vị.');
        break;
    }
    if (t.kind !== 'named' && t.names.length > 0) issue('names', 'Chỉ chỉ tiêu đơn vị được nêu có danh sách tên.');
  });

export type Target = z.infer<typeof targetSchema>;
