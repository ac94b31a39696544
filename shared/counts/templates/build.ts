// Small builders the four count templates share.
import type { CountColumn, FlagColumn, RateColumn, TextColumn } from '../kinds';
import type { Criterion, RateCriterion } from './types';

export const RATE_LEAF = 'Tỉ lệ (%)';

export const stt: TextColumn = { key: 'stt', kind: 'text', role: 'stt', group: 'TT', leaf: null };
export const dbkk: FlagColumn = { key: 'dbkk', kind: 'flag', group: 'ĐBKK', leaf: null };

export function unitColumn(label: string): TextColumn {
  return { key: 'unit', kind: 'text', role: 'unit', group: label, leaf: null };
}

export function count(key: string, group: string, leaf: string, symbol: string, noun: string): CountColumn {
  return { key, kind: 'count', group, leaf, symbol, noun };
}

export function rate(group: string, num: string, den: string): RateColumn {
  return { key: rateKey(num), kind: 'rate', group, leaf: RATE_LEAF, num, den };
}

/** The key of the rate column of a numerator. */
export function rateKey(num: string): string {
  return `r:${num}`;
}

/** The same rate criterion under the normal and the ĐBKK threshold. */
export function byRule(c: Omit<RateCriterion, 'kind' | 'threshold'>, normal: number, special: number): { normal: Criterion; dbkk: Criterion } {
  return { normal: { kind: 'rate', ...c, threshold: normal }, dbkk: { kind: 'rate', ...c, threshold: special } };
}

export const ND20 = (article: number) => `NĐ 20/2014, Điều ${article}`;
export const TT07 = 'TT 07/2016, Điều 2';
