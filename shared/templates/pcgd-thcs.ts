import type { TemplateDef } from './types';

export const pcgdThcs: TemplateDef<'pcgd-thcs'> = {
  id: 'pcgd-thcs',
  appendix: 'Phụ lục 4',
  name: 'Phổ cập giáo dục trung học cơ sở',
  keywords: ['thcs', 'trung hoc co so'],
  scale: 'level',
  marks: ['MĐ1', 'MĐ2', 'MĐ3'],
  header: {
    result: 'Kết quả PCGD THCS đạt được năm {year}',
    periods: 'Đề xuất đạt chuẩn PCGD THCS mức độ theo giai đoạn',
  },
  title:
    'BIỂU KẾT QUẢ VÀ ĐỀ XUẤT MỤC TIÊU VỀ PHỔ CẬP GIÁO DỤC TRUNG HỌC CƠ SỞ THỰC HIỆN ĐỀ ÁN "XÂY DỰNG XÃ HỘI HỌC TẬP GIAI ĐOẠN 2021 - 2030"',
  notes: 'Ghi chú: PCGD THCS - Phổ cập giáo dục trung học cơ sở; MĐ - Mức độ.',
  // Nghị định 20/2014: ≥ 90% / ≥ 95% / 100% of the communes.
  thresholds: [90, 95, 100],
  // Nghị định 20/2014, Điều 14: THCS needs TH ≥ MĐ1 and XMC ≥ MĐ1.
  prerequisites: [
    { template: 'pcgd-th', minLevel: 1 },
    { template: 'xmc', minLevel: 1 },
  ],
  defaultLayout: { results: ['2020'], periods: ['2021-2025', '2026-2030'] },
};
