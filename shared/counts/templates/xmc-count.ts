// Mẫu XMC-4 "Thống kê đạt chuẩn xóa mù chữ" (DOMAIN.md §9.2), levels of NĐ 20/2014 Điều 20, 21.
import type { ColumnSpec } from '../kinds';
import { count, dbkk, ND20, rate, stt, unitColumn } from './build';
import type { CountTemplateDef, OrderCheck, RateCriterion } from './types';

const BANDS = ['15-25', '15-35', '15-60'] as const;
type Band = (typeof BANDS)[number];

const k = (x: 'T' | 'B1' | 'B2', band: Band) => `${x}_${band.replace('-', '_')}`;

const columns: ColumnSpec[] = [stt, unitColumn('Đơn vị điều tra')];
for (const band of BANDS) {
  const group = `Độ tuổi ${band}`;
  columns.push(
    count(k('T', band), group, 'Tổng số', `T(${band})`, `tổng số người độ tuổi ${band}`),
    count(k('B1', band), group, 'Số người biết chữ mức độ 1', `B1(${band})`, `số người biết chữ mức độ 1 độ tuổi ${band}`),
    rate(group, k('B1', band), k('T', band)),
    count(k('B2', band), group, 'Số người biết chữ mức độ 2', `B2(${band})`, `số người biết chữ mức độ 2 độ tuổi ${band}`),
    rate(group, k('B2', band), k('T', band)),
  );
}
columns.push(dbkk);

function literate(level: 1 | 2, band: Band): RateCriterion {
  return {
    kind: 'rate',
    num: k(level === 1 ? 'B1' : 'B2', band),
    den: k('T', band),
    threshold: 90,
    phrase: `người biết chữ mức độ ${level} trong độ tuổi ${band}`,
    article: ND20(level === 1 ? 20 : 21),
  };
}

const orders: OrderCheck[] = [];
for (const band of BANDS) {
  // In a band: B1 ≤ T and B2 ≤ B1.
  orders.push({ rule: 'count.nested', left: [k('B1', band)], right: k('T', band), rightNoun: `tổng số người độ tuổi ${band}` });
  orders.push({ rule: 'count.nested', left: [k('B2', band)], right: k('B1', band), rightNoun: 'số người biết chữ mức độ 1' });
}
// Across bands, cumulative: X(15-25) ≤ X(15-35) ≤ X(15-60).
for (const x of ['T', 'B1', 'B2'] as const) {
  orders.push({ rule: 'count.nested', left: [k(x, '15-25')], right: k(x, '15-35') });
  orders.push({ rule: 'count.nested', left: [k(x, '15-35')], right: k(x, '15-60') });
}

export const xmcCount: CountTemplateDef = {
  id: 'xmc-count',
  programme: 'XMC',
  marks: 'xmc',
  sheet: 'XMC-4',
  formCode: 'Mẫu XMC-4',
  title: 'THỐNG KÊ ĐẠT CHUẨN XÓA MÙ CHỮ',
  titleKey: 'thong ke dat chuan xoa mu chu',
  yearLine: 'Thời điểm: tháng 9 năm {year}',
  columns,
  // A ĐBKK commune is judged by its own bands only, a normal commune by its own (§9.4).
  levels: [
    { name: 'MĐ1', article: ND20(20), normal: [literate(1, '15-35')], dbkk: [literate(1, '15-25')] },
    { name: 'MĐ2', article: ND20(21), normal: [literate(2, '15-60')], dbkk: [literate(2, '15-35')] },
  ],
  denominators: BANDS.map((band) => ({ key: k('T', band), zero: `không tính được tỉ lệ người biết chữ độ tuổi ${band}` })),
  orders,
  chainGap: true,
  footer: 'Số xã, phường đạt chuẩn XMC mức độ {k}: {n}',
};
