// "Thống kê đạt chuẩn phổ cập giáo dục trung học cơ sở" (DOMAIN.md §9.2), NĐ 20/2014 Điều 14-16.
import { byRule, count, dbkk, ND20, rate, stt, TT07, unitColumn } from './build';
import type { Criterion, CountTemplateDef } from './types';

const GP = 'Thanh, thiếu niên 15-18 tuổi';
const GK = 'Người khuyết tật 11-18 tuổi';

const diploma = (normal: number, special: number, article: number) =>
  byRule({ num: 'G', den: 'P', phrase: 'người 15-18 tuổi tốt nghiệp THCS', article: ND20(article) }, normal, special);
// U is measured over all of P, never over G (§9.9).
const studying = byRule({ num: 'U', den: 'P', phrase: 'người 15-18 tuổi đang học THPT, GDTX, GDNN', article: ND20(16) }, 80, 70);
const access = byRule(
  { num: 'KT', den: 'K', phrase: 'người khuyết tật có khả năng học tập được tiếp cận giáo dục', article: TT07, zeroMeets: true },
  60,
  60,
);
const needs: Criterion[] = [
  { kind: 'prereq', programme: 'th-count', minLevel: 1, article: ND20(14) },
  { kind: 'prereq', programme: 'xmc-count', minLevel: 1, article: ND20(14) },
];

const m1 = [diploma(80, 70, 14), access];
const m2 = [diploma(90, 80, 15)];
const m3 = [diploma(95, 90, 16), studying];

export const thcsCount: CountTemplateDef = {
  id: 'thcs-count',
  programme: 'PCGD THCS',
  marks: 'pcgd-thcs',
  sheet: 'PCGD THCS',
  formCode: 'Biểu PCGD THCS',
  title: 'THỐNG KÊ ĐẠT CHUẨN PHỔ CẬP GIÁO DỤC TRUNG HỌC CƠ SỞ',
  titleKey: 'thong ke dat chuan pho cap giao duc trung hoc co so',
  yearLine: 'Thời điểm: tháng 9 năm {year}',
  columns: [
    stt,
    unitColumn('Đơn vị'),
    count('P', GP, 'Số phải phổ cập', 'P', 'số người 15-18 tuổi phải phổ cập'),
    count('G', GP, 'Số tốt nghiệp THCS', 'G', 'số người 15-18 tuổi tốt nghiệp THCS'),
    rate(GP, 'G', 'P'),
    count('U', GP, 'Số đang học THPT, GDTX, GDNN', 'U', 'số người 15-18 tuổi đang học THPT, GDTX, GDNN'),
    rate(GP, 'U', 'P'),
    count('K', GK, 'Số có khả năng học tập', 'K', 'số người khuyết tật 11-18 tuổi có khả năng học tập'),
    count('KT', GK, 'Số được tiếp cận giáo dục', 'KT', 'số người khuyết tật 11-18 tuổi được tiếp cận giáo dục'),
    rate(GK, 'KT', 'K'),
    dbkk,
  ],
  levels: [
    { name: 'MĐ1', article: ND20(14), normal: [...needs, ...m1.map((c) => c.normal)], dbkk: [...needs, ...m1.map((c) => c.dbkk)] },
    { name: 'MĐ2', article: ND20(15), normal: m2.map((c) => c.normal), dbkk: m2.map((c) => c.dbkk) },
    { name: 'MĐ3', article: ND20(16), normal: m3.map((c) => c.normal), dbkk: m3.map((c) => c.dbkk) },
  ],
  denominators: [
    { key: 'P', zero: 'không tính được tỉ lệ tốt nghiệp THCS và tỉ lệ đang học THPT, GDTX, GDNN' },
    { key: 'K', zero: 'không có người cần tiếp cận, tiêu chí tiếp cận giáo dục được coi là đạt' },
  ],
  orders: [
    { rule: 'count.exceeds_denominator', left: ['G'], right: 'P' },
    { rule: 'count.exceeds_denominator', left: ['U'], right: 'P' },
    { rule: 'count.exceeds_denominator', left: ['KT'], right: 'K' },
  ],
  footer: 'Số xã, phường đạt chuẩn PCGD THCS mức độ {k}: {n}',
};
