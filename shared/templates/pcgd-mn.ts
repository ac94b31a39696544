import type { TemplateDef } from './types';

export const pcgdMn: TemplateDef<'pcgd-mn'> = {
  id: 'pcgd-mn',
  appendix: 'Phụ lục 2',
  name: 'Phổ cập giáo dục mầm non',
  keywords: ['pcgdmn', 'pcgd mn', 'mam non', 'mau giao'],
  scale: 'pass',
  marks: ['Đạt', 'KĐ'],
  assessment: 'Đánh giá',
  ages: ['3 tuổi', '4 tuổi', '5 tuổi'],
  header: {
    result: 'Kết quả PCGDMN cho trẻ em mẫu giáo đạt được năm {year}',
    periods: 'Đề xuất đạt chuẩn theo giai đoạn',
    period: '',
  },
  title:
    'BIỂU KẾT QUẢ VÀ ĐỀ XUẤT MỤC TIÊU VỀ PHỔ CẬP GIÁO DỤC MẦM NON CHO TRẺ EM MẪU GIÁO THỰC HIỆN ĐỀ ÁN "XÂY DỰNG XÃ HỘI HỌC TẬP GIAI ĐOẠN 2021 - 2030"',
  notes: 'Ghi chú: PCGDMN - Phổ cập giáo dục mầm non; KĐ - Không đạt.',
  // "Đạt" when at least 90% of the communes are marked Đạt (DOMAIN.md §4).
  thresholds: [90],
  defaultLayout: { results: ['2020'], periods: ['2021-2025', '2026-2030'] },
};
