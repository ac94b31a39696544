// What each import status means, in the words the officer reads (CLI and app alike).
import type { ImportFileResult } from './api';

export const STATUS_LABEL: Record<ImportFileResult['status'], string> = {
  ok: 'Hợp lệ',
  conflict: 'Xung đột',
  duplicate: 'Trùng xã',
  'unknown-unit': 'Không rõ xã',
  rejected: 'Bị từ chối',
};

export const STATUS_EXPLAINED: Record<ImportFileResult['status'], string> = {
  ok: 'đọc được, khớp với đơn vị',
  conflict: 'có ô đã được sửa cả trong ứng dụng lẫn trong tệp kể từ khi gửi biểu: bỏ qua (dùng --force để ghi đè)',
  duplicate: 'xã này đã có một tệp khác trong cùng đợt nhập: bỏ qua tệp sau',
  'unknown-unit': 'không tìm thấy xã trong danh sách đơn vị của huyện: bỏ qua',
  rejected: 'không đọc được tệp',
};
