import type { TemplateDef } from './types';

export const xmc: TemplateDef<'xmc'> = {
  id: 'xmc',
  appendix: 'Phụ lục 1',
  name: 'Xóa mù chữ',
  keywords: ['xmc', 'xoa mu chu'],
  scale: 'level',
  marks: ['MĐ1', 'MĐ2'],
  header: {
    result: 'Kết quả XMC đạt được năm {year}',
    periods: 'Đề xuất đạt chuẩn XMC mức độ theo giai đoạn',
  },
  title: 'BIỂU KẾT QUẢ VÀ ĐỀ XUẤT MỤC TIÊU VỀ XÓA MÙ CHỮ THỰC HIỆN ĐỀ ÁN "XÂY DỰNG XÃ HỘI HỌC TẬP GIAI ĐOẠN 2021 - 2030"',
  notes: 'Ghi chú: MĐ - Mức độ; XMC - Xóa mù chữ.',
  // Nghị định 20/2014: a district reaches XMC MĐ1 / MĐ2 with ≥ 90% / ≥ 90% of its communes.
  thresholds: [90, 90],
  defaultLayout: { results: ['2020'], periods: ['2021-2025', '2026-2030'] },
};
