// A commune's form: the official workbook (write.ts) cut down to one commune's row and made
// fillable. The commune types in the unlocked mark and Đánh giá cells of a sheet protected with
// a password derived from the issuing database's secret (form-seal.ts): the protection keeps
// hands off the layout and the commune's name, which the import checks against the origin. It
// is not what makes a form trustworthy (anyone can strip a sheet's protection from its XML):
// the signed origin is. A veryHidden sheet carries where the form came from (FormOrigin, signed),
// which the import reads to match the file to its commune and to tell its changes from the app's.
import ExcelJS from 'exceljs';
import { parseOrigin, signedText, type FormOrigin } from '../../../shared/form-origin';
import type { CountSheet, LevelResult } from '../../../shared/counts';
import type { Grid } from '../../../shared/grid';
import { MARK } from '../../../shared/text/marks';
import type { UnitKind } from '../store/types';
import type { FormSeal } from '../form-seal';
import { exceljsBook, ORIGIN_SHEET, originText, type BookSource } from './book';
import { buildWorkbook, unitPhrase, type FormLook, type ReportUnit } from './write';

export { ORIGIN_SHEET } from './book';

// Excel keeps at most 32,767 characters in a cell; a longer origin is split over A1, A2, …
const CHUNK = 30_000;

export interface FormArgs {
  district: ReportUnit;
  parent: ReportUnit | null;
  /** kind defaults to 'xa'; a province's child may be a district ('huyen'). */
  commune: { id: number; name: string; kind?: UnitKind; detailedKind?: ReportUnit['detailedKind'] };
  districtId: number;
  /** Each with only this commune's row, its values filled in as stored. */
  grids: Grid[];
  /** The district's count tables (DOMAIN.md §9), each with only this commune's row. */
  counts?: { sheet: CountSheet; levels: LevelResult[] }[];
  issuedAt: Date;
  /** The issuing database's seal: signs the origin, protects the sheets. */
  seal: FormSeal;
}

// Who the filled form goes back to, by the kind of unit that issued it: the hierarchy is data
// (DOMAIN.md §1), so a province or a post-2025 commune office sends forms too.
const RETURN_TO: Record<UnitKind, string> = {
  huyen: 'Phòng GD&ĐT',
  tinh: 'Sở GD&ĐT',
  xa: 'Phòng Văn hóa - Xã hội',
};

/** The printed instructions, under each sheet's notes line. */
export function formInstructions(issuer: UnitKind): string[] {
  return [
    `Hướng dẫn: đánh dấu x vào đúng một mức của mỗi nhóm; để trống nếu chưa đạt. Không đổi tên trang, không thêm dòng. Lưu tệp dạng .xlsx và gửi lại ${RETURN_TO[issuer]}.`,
  ];
}

/** Excel's own check on a mark cell: a blank or an x, with a drop-down holding the x. */
export const MARK_VALIDATION: ExcelJS.DataValidation = {
  type: 'list',
  allowBlank: true,
  formulae: [`"${MARK}"`],
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: 'Giá trị không hợp lệ',
  error: 'Chỉ được để trống hoặc gõ x.',
  showInputMessage: true,
  promptTitle: 'Ô đánh dấu',
  prompt: 'Gõ x nếu xã đạt mức này; để trống nếu chưa đạt.',
};

/**
 * Sheet protection: the cells stay selectable (so a form can be read and copied from), columns
 * and rows can be widened for a long Đánh giá; nothing can be inserted, deleted or retyped
 * outside the input cells.
 */
const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
};

/**
 * Rounds of SHA-512 in the protection's password hash. Excel's default (and exceljs's) is
 * 100,000, which exceljs spends on every sheet: 4 sheets × 3,321 communes would be 1.3 billion
 * rounds, hours per batch. The hash is computed once per password and reused (cachedProtection),
 * so the rounds are paid once per process; measured on the shared 2-core machine, one hash took
 * 0.9–1.9 s at 100,000 rounds, 76–142 ms at 10,000, so 1,000 (about 10 ms) keeps even a district
 * of 21 forms (about 1 s) within 1–2% of its time before. Rounds slow down guessing a password;
 * this one is 144 random bits that cannot be guessed at any count, and the protection guards
 * the layout against a hurried hand, not a secret (the signed origin guards the form).
 */
export const SHEET_SPIN_COUNT = 1_000;

type SheetProtection = Record<string, unknown>;
const protectionByPassword = new Map<string, SheetProtection>();

/** The <sheetProtection> of a password: hashed (with its own salt) on first use, then reused. */
function cachedProtection(password: string): SheetProtection {
  let p = protectionByPassword.get(password);
  if (!p) {
    const scratch = new ExcelJS.Workbook().addWorksheet('x');
    // exceljs hashes inside the promise's executor: the result is there on return.
    void scratch.protect(password, { ...PROTECTION, spinCount: SHEET_SPIN_COUNT });
    p = { ...(scratch as unknown as { sheetProtection: SheetProtection }).sheetProtection };
    protectionByPassword.set(password, p);
  }
  return p;
}

/** The origin's text, signed: its canonical text with the signature as the last field. */
function signedOrigin(args: FormArgs): string {
  const text = signedText(originOf(args));
  // serializeOrigin's own output for this origin with its sig, without making the text twice.
  return `${text.slice(0, -1)},"sig":"${args.seal.signText(text)}"}`;
}

function originOf(args: FormArgs): FormOrigin {
  return {
    v: 1,
    db: args.seal.db,
    district: args.district.name,
    districtId: args.districtId,
    commune: args.commune.name,
    communeId: args.commune.id,
    issuedAt: args.issuedAt.toISOString(),
    grids: args.grids.map((g) => ({ template: g.template, layout: g.layout, values: { ...g.rows[0].values } })),
  };
}

/** A commune's fill-in form: one sheet per grid with only its row, and the hidden origin. */
export function buildForm(args: FormArgs): ExcelJS.Workbook {
  for (const g of args.grids) {
    // One row is what makes the returned file a commune file; more would be a caller's mistake.
    if (g.rows.length !== 1) throw new Error(`Biểu gửi xã phải có đúng một dòng (biểu ${g.template} có ${g.rows.length}).`);
  }
  for (const c of args.counts ?? []) {
    if (c.sheet.rows.length !== 1) throw new Error(`Biểu gửi xã phải có đúng một dòng (biểu ${c.sheet.template.id} có ${c.sheet.rows.length}).`);
  }
  const form: FormLook = {
    forLine: `Biểu dành cho ${unitPhrase({ name: args.commune.name, kind: args.commune.kind ?? 'xa', detailedKind: args.commune.detailedKind })}`,
    instructions: formInstructions(args.district.kind),
    markValidation: MARK_VALIDATION,
  };
  const wb = buildWorkbook(
    {
      unit: args.district,
      parent: args.parent,
      date: args.issuedAt,
      // The district's own Đánh giá sits in the total row, which a form does not have.
      grids: args.grids.map((g) => ({ ...g, totalTexts: {} })),
      counts: args.counts,
    },
    { form },
  );
  const protection = cachedProtection(args.seal.sheetPassword);
  for (const ws of wb.worksheets) {
    // What ws.protect(password) would set, without hashing the password again for every sheet.
    (ws as unknown as { sheetProtection: SheetProtection }).sheetProtection = { ...protection };
  }
  const origin = wb.addWorksheet(ORIGIN_SHEET, { state: 'veryHidden' });
  chunks(signedOrigin(args)).forEach((part, i) => {
    origin.getCell(i + 1, 1).value = part;
  });
  return wb;
}

/** Pieces of at most CHUNK code units, never cutting a surrogate pair (a lone half is not XML). */
function chunks(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    let end = Math.min(text.length, i + CHUNK);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

/** The .xlsx bytes of a commune's form. */
export async function writeForm(args: FormArgs): Promise<Buffer> {
  const data: unknown = await buildForm(args).xlsx.writeBuffer();
  // Under Node exceljs already hands back a Buffer; the typings say ArrayBuffer.
  return Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer);
}

/** The origin a workbook carries, or null (not one of our forms, or its origin was tampered with). */
export function readOrigin(wb: ExcelJS.Workbook | BookSource): FormOrigin | null {
  const text = originText(wb instanceof ExcelJS.Workbook ? exceljsBook(wb) : wb);
  return text ? parseOrigin(text) : null;
}
