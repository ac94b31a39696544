import type { TemplateDef } from './types';

export const pcgdTh: TemplateDef<'pcgd-th'> = {
  id: 'pcgd-th',
  appendix: 'Phụ lục 3',
  name: 'Phổ cập giáo dục tiểu học',
  keywords: ['pcgdth', 'pcgd th ', 'tieu hoc'],
  scale: 'level',
  marks: ['MĐ1', 'MĐ2', 'MĐ3'],
  header: {
    result: 'Kết quả PCGDTH đạt được năm {year}',
    periods: 'Đề xuất đạt chuẩn PCGDTH mức độ theo giai đoạn',
  },
  title:
    'BIỂU KẾT QUẢ VÀ ĐỀ XUẤT MỤC TIÊU VỀ PHỔ CẬP GIÁO DỤC TIỂU HỌC THỰC HIỆN ĐỀ ÁN "XÂY DỰNG XÃ HỘI HỌC TẬP GIAI ĐOẠN 2021 - 2030"',
  notes: 'Ghi chú: PCGDTH - Phổ cập giáo dục tiểu học; MĐ - Mức độ.',
  thresholds: [90, 90, 90],
  // Seed 001's Phụ lục 3 has no 2020 result group.
  defaultLayout: { results: [], periods: ['2021-2025', '2026-2030'] },
};
