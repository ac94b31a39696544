// The words the import dialog uses for each file's status, and why a file is skipped. The CLI's
// words (shared/import-status.ts) speak of --force; these speak of the checkbox the user ticks.
import type { ImportFileResult } from '../../../shared/api';

export type FileStatus = ImportFileResult['status'];
/** A row of the dialog: a file not yet checked is "pending". */
export type RowStatus = FileStatus | 'pending';

export const STATUS_WORD: Record<RowStatus, string> = {
  pending: 'Chờ kiểm tra',
  ok: 'Sẵn sàng',
  conflict: 'Xung đột',
  duplicate: 'Trùng xã',
  'unknown-unit': 'Không rõ xã',
  rejected: 'Không đọc được',
};

/** One line under a file's row in the preview. */
export const STATUS_HINT: Record<FileStatus, string> = {
  ok: 'Đọc được, đã khớp với xã; chọn để nhập.',
  conflict:
    'Có ô đã được sửa cả trong ứng dụng lẫn trong tệp kể từ khi gửi biểu. Không chọn thì giữ giá trị trong ứng dụng; chọn thì ghi đè bằng giá trị trong tệp.',
  duplicate: 'Xã này đã có một tệp khác trong đợt nhập: chỉ một tệp của mỗi xã được nhập, tệp đứng trước được ưu tiên.',
  'unknown-unit': 'Không tìm thấy xã này trong danh sách xã của huyện (theo tên ghi trong tệp và tên tệp).',
  rejected: 'Không đọc được tệp.',
};

/** After the reason of a conflict of origin (a form whose origin or name cell cannot be trusted). */
export const CONFLICT_OF_ORIGIN = 'Không chọn thì không nhập tệp này; chọn thì vẫn nhập vào xã ghi trong biểu.';

/** Why a file the user ticked was still not stored, in the summary. */
export const SKIPPED_BECAUSE: Record<Exclude<FileStatus, 'ok'>, string> = {
  conflict: 'xung đột với giá trị đã sửa trong ứng dụng',
  duplicate: 'trùng xã với một tệp khác trong đợt nhập',
  'unknown-unit': 'không rõ là của xã nào',
  rejected: 'không đọc được tệp',
};

/** Files that can never be stored: the checkbox stays off. */
export function canChoose(status: RowStatus): boolean {
  return status === 'ok' || status === 'conflict' || status === 'duplicate';
}

/** How many errors the rules found in a file (its warnings aside). */
export function errorCount(r: Pick<ImportFileResult, 'findings'>): number {
  return r.findings.filter((f) => f.severity === 'error').length;
}

/**
 * Ticked at first, and by "Chọn tất cả": only files ready to store and free of errors. A file with
 * errors can still be ticked by hand, knowingly.
 */
export function chosenByDefault(r: Pick<ImportFileResult, 'status' | 'findings'>): boolean {
  return r.status === 'ok' && errorCount(r) === 0;
}

/** The status pill of a readable file that still has errors. */
export const HAS_ERRORS = 'Có lỗi';

/** One change in the officer's words: "Lương Thông · Trẻ 3 tuổi 2020 · Đạt: trống → x". */
export function changeText(c: ImportFileResult['changes'][number]): string {
  const v = (x: string) => (x === '' ? 'trống' : x);
  return `${[c.unitName, c.column].filter(Boolean).join(' · ')}: ${v(c.old)} → ${v(c.new)}`;
}
