// "Thống kê đạt chuẩn phổ cập giáo dục tiểu học" (DOMAIN.md §9.2), NĐ 20/2014 Điều 9, 10, 11.
import { byRule, count, dbkk, ND20, rate, stt, TT07, unitColumn } from './build';
import type { Criterion, CountTemplateDef } from './types';

const G6 = 'Trẻ 6 tuổi';
const G11 = 'Trẻ 11 tuổi';
const G14 = 'Trẻ 11-14 tuổi';
const GK = 'Người khuyết tật 6-14 tuổi';

// The 6-year-olds' threshold is the same for a ĐBKK commune.
const grade1 = (threshold: number, article: number) =>
  byRule({ num: 'V6', den: 'P6', phrase: 'trẻ 6 tuổi vào lớp 1', article: ND20(article) }, threshold, threshold);
const done11 = (normal: number, special: number, article: number) =>
  byRule({ num: 'H11', den: 'P11', phrase: 'trẻ 11 tuổi hoàn thành CTTH', article: ND20(article) }, normal, special);
const done14 = byRule({ num: 'H14', den: 'P14', phrase: 'trẻ 11-14 tuổi hoàn thành CTTH', article: ND20(9) }, 80, 70);
const access = byRule(
  { num: 'KT', den: 'K', phrase: 'người khuyết tật có khả năng học tập được tiếp cận giáo dục', article: TT07, zeroMeets: true },
  60,
  60,
);
const rest11 = (article: number): Criterion => ({ kind: 'rest', done: 'H11', rest: 'D11', cohort: 'P11', article: ND20(article) });

const m1 = [grade1(90, 9), done14, access];
const m2 = [grade1(95, 10), done11(80, 70, 10)];
const m3 = [grade1(98, 11), done11(90, 80, 11)];

export const thCount: CountTemplateDef = {
  id: 'th-count',
  programme: 'PCGD tiểu học',
  marks: 'pcgd-th',
  sheet: 'PCGD TH',
  formCode: 'Biểu PCGD TH',
  title: 'THỐNG KÊ ĐẠT CHUẨN PHỔ CẬP GIÁO DỤC TIỂU HỌC',
  titleKey: 'thong ke dat chuan pho cap giao duc tieu hoc',
  yearLine: 'Thời điểm: tháng 9 năm {year}',
  columns: [
    stt,
    unitColumn('Đơn vị'),
    count('P6', G6, 'Số phải phổ cập', 'P6', 'số trẻ 6 tuổi phải phổ cập'),
    count('V6', G6, 'Số vào lớp 1', 'V6', 'số trẻ vào lớp 1'),
    rate(G6, 'V6', 'P6'),
    count('P11', G11, 'Số phải phổ cập', 'P11', 'số trẻ 11 tuổi phải phổ cập'),
    count('H11', G11, 'Số hoàn thành CTTH', 'H11', 'số trẻ 11 tuổi hoàn thành CTTH'),
    rate(G11, 'H11', 'P11'),
    count('D11', G11, 'Số còn lại đang học tiểu học', 'D11', 'số trẻ 11 tuổi còn lại đang học tiểu học'),
    rate(G11, 'D11', 'P11'),
    count('P14', G14, 'Số phải phổ cập', 'P14', 'số trẻ 11-14 tuổi phải phổ cập'),
    count('H14', G14, 'Số hoàn thành CTTH', 'H14', 'số trẻ 11-14 tuổi hoàn thành CTTH'),
    rate(G14, 'H14', 'P14'),
    count('K', GK, 'Số có khả năng học tập', 'K', 'số người khuyết tật 6-14 tuổi có khả năng học tập'),
    count('KT', GK, 'Số được tiếp cận giáo dục', 'KT', 'số người khuyết tật 6-14 tuổi được tiếp cận giáo dục'),
    rate(GK, 'KT', 'K'),
    dbkk,
  ],
  levels: [
    { name: 'MĐ1', article: ND20(9), normal: m1.map((c) => c.normal), dbkk: m1.map((c) => c.dbkk) },
    { name: 'MĐ2', article: ND20(10), normal: [...m2.map((c) => c.normal), rest11(10)], dbkk: [...m2.map((c) => c.dbkk), rest11(10)] },
    { name: 'MĐ3', article: ND20(11), normal: [...m3.map((c) => c.normal), rest11(11)], dbkk: [...m3.map((c) => c.dbkk), rest11(11)] },
  ],
  denominators: [
    { key: 'P6', zero: 'không tính được tỉ lệ trẻ 6 tuổi vào lớp 1' },
    { key: 'P11', zero: 'không tính được tỉ lệ hoàn thành CTTH 11 tuổi' },
    { key: 'P14', zero: 'không tính được tỉ lệ hoàn thành CTTH 11-14 tuổi' },
    { key: 'K', zero: 'không có người cần tiếp cận, tiêu chí tiếp cận giáo dục được coi là đạt' },
  ],
  orders: [
    { rule: 'count.nested', left: ['P11'], right: 'P14' },
    { rule: 'count.nested', left: ['H11'], right: 'H14' },
    { rule: 'count.exceeds_denominator', left: ['V6'], right: 'P6' },
    { rule: 'count.exceeds_denominator', left: ['H11'], right: 'P11' },
    {
      rule: 'count.exceeds_denominator',
      left: ['H11', 'D11'],
      right: 'P11',
      leftNoun: 'số trẻ 11 tuổi hoàn thành CTTH cộng số còn lại đang học tiểu học',
      onlyIf: [['H11', 'P11']],
    },
    { rule: 'count.exceeds_denominator', left: ['H14'], right: 'P14' },
    { rule: 'count.exceeds_denominator', left: ['KT'], right: 'K' },
  ],
  footer: 'Số xã, phường đạt chuẩn PCGD tiểu học mức độ {k}: {n}',
};
