// "Thống kê đạt chuẩn PCGD mầm non cho trẻ em 5 tuổi" (DOMAIN.md §9.2), NĐ 20/2014 Điều 6.
import { byRule, count, dbkk, ND20, rate, stt, TT07, unitColumn } from './build';
import type { CountTemplateDef } from './types';

const G_MOBILISE = 'Huy động trẻ 5 tuổi ra lớp';
const G_COMPLETE = 'Hoàn thành chương trình GDMN';
const G_DISABLED = 'Trẻ khuyết tật 5 tuổi';

const attend = byRule({ num: 'A5', den: 'P5', phrase: 'trẻ 5 tuổi đến lớp', article: ND20(6) }, 95, 90);
const complete = byRule({ num: 'H5', den: 'C5', phrase: 'trẻ hoàn thành chương trình GDMN', article: ND20(6) }, 85, 80);
const access = byRule(
  { num: 'KT', den: 'K', phrase: 'trẻ khuyết tật có khả năng học tập được tiếp cận giáo dục', article: TT07, zeroMeets: true },
  60,
  60,
);

export const mnCount: CountTemplateDef = {
  id: 'mn-count',
  programme: 'PCGD mầm non cho trẻ em 5 tuổi',
  marks: 'pcgd-mn',
  markAge: '5 tuổi',
  sheet: 'PCGD MN 5 tuổi',
  formCode: 'Biểu PCGD MN',
  title: 'THỐNG KÊ ĐẠT CHUẨN PHỔ CẬP GIÁO DỤC MẦM NON CHO TRẺ EM 5 TUỔI',
  titleKey: 'thong ke dat chuan pho cap giao duc mam non',
  yearLine: 'Thời điểm: tháng 9 năm {year}',
  columns: [
    stt,
    unitColumn('Đơn vị'),
    count('P5', G_MOBILISE, 'Số trẻ phải huy động', 'P5', 'số trẻ 5 tuổi phải huy động'),
    count('A5', G_MOBILISE, 'Số trẻ đến lớp', 'A5', 'số trẻ 5 tuổi đến lớp'),
    rate(G_MOBILISE, 'A5', 'P5'),
    count('C5', G_COMPLETE, 'Số trẻ làm căn cứ tính tỉ lệ hoàn thành', 'C5', 'số trẻ làm căn cứ tính tỉ lệ hoàn thành'),
    count('H5', G_COMPLETE, 'Số trẻ hoàn thành chương trình GDMN', 'H5', 'số trẻ hoàn thành chương trình GDMN'),
    rate(G_COMPLETE, 'H5', 'C5'),
    count('K', G_DISABLED, 'Số trẻ có khả năng học tập', 'K', 'số trẻ khuyết tật 5 tuổi có khả năng học tập'),
    count('KT', G_DISABLED, 'Số trẻ được tiếp cận giáo dục', 'KT', 'số trẻ khuyết tật 5 tuổi được tiếp cận giáo dục'),
    rate(G_DISABLED, 'KT', 'K'),
    dbkk,
  ],
  levels: [
    {
      name: 'Đạt',
      article: ND20(6),
      normal: [attend.normal, complete.normal, access.normal],
      dbkk: [attend.dbkk, complete.dbkk, access.dbkk],
    },
  ],
  denominators: [
    { key: 'P5', zero: 'không tính được tỉ lệ huy động trẻ 5 tuổi ra lớp' },
    { key: 'C5', zero: 'không tính được tỉ lệ hoàn thành chương trình GDMN' },
    { key: 'K', zero: 'không có trẻ cần tiếp cận, tiêu chí tiếp cận giáo dục được coi là đạt' },
  ],
  orders: [
    { rule: 'count.exceeds_denominator', left: ['A5'], right: 'P5' },
    { rule: 'count.exceeds_denominator', left: ['H5'], right: 'C5' },
    { rule: 'count.exceeds_denominator', left: ['KT'], right: 'K' },
  ],
  footer: 'Số xã, phường đạt chuẩn PCGD mầm non cho trẻ em 5 tuổi: {n}',
};
