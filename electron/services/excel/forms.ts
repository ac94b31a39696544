// A commune's form: the official workbook (write.ts) cut down to one commune's row and made
// fillable. The commune types in the unlocked mark and Đánh giá cells of a sheet protected
// without a password (anyone may open, read and, if need be, unprotect it: the protection keeps
// a hurried hand off the layout the reader relies on, it is not a secret), and sends the file
// back. A veryHidden sheet carries where the form came from (FormOrigin), which the import reads
// to match the file to its commune by id and to tell its changes from the app's own.
import ExcelJS from 'exceljs';
import { parseOrigin, serializeOrigin, type FormOrigin } from '../../../shared/form-origin';
import type { Grid } from '../../../shared/grid';
import { MARK } from '../../../shared/text/marks';
import type { UnitKind } from '../store/types';
import { exceljsBook, ORIGIN_SHEET, originText, type BookSource } from './book';
import { buildWorkbook, unitPhrase, type FormLook, type ReportUnit } from './write';

export { ORIGIN_SHEET } from './book';

// Excel keeps at most 32,767 characters in a cell; a longer origin is split over A1, A2, …
const CHUNK = 30_000;

export interface FormArgs {
  district: ReportUnit;
  parent: ReportUnit | null;
  /** kind defaults to 'xa'; a province's child may be a district ('huyen'). */
  commune: { id: number; name: string; kind?: UnitKind };
  districtId: number;
  /** Each with only this commune's row, its values filled in as stored. */
  grids: Grid[];
  issuedAt: Date;
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
 * Sheet protection without a password: the cells stay selectable (so a form can be read and
 * copied from), columns and rows can be widened for a long Đánh giá; nothing can be inserted,
 * deleted or retyped outside the input cells.
 */
const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
};

function originOf(args: FormArgs): FormOrigin {
  return {
    v: 1,
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
  const form: FormLook = {
    forLine: `Biểu dành cho ${unitPhrase({ name: args.commune.name, kind: args.commune.kind ?? 'xa' })}`,
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
    },
    { form },
  );
  for (const ws of wb.worksheets) {
    // exceljs does its work inside the promise's executor, so the sheet is protected on return;
    // without a password there is no hashing to wait for.
    void ws.protect('', { ...PROTECTION });
  }
  const origin = wb.addWorksheet(ORIGIN_SHEET, { state: 'veryHidden' });
  chunks(serializeOrigin(originOf(args))).forEach((part, i) => {
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
