// Numbers, times and unit labels the Vietnamese way (Intl 'vi-VN').
import type { UnitNode } from '../../../shared/api';
import { viDateTime, viNumber } from '../../../shared/text/intl';
import { fold } from '../../../shared/text/normalize';
import { formatCount as wholeCount } from '../../../shared/counts/arith';
import { KINDS, kindLower } from '../../../shared/units/kinds';
import { officeWords, wordsKind, type OfficeWords } from '../../../shared/units/words';

const TIME = viDateTime({ hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
const DATE_TIME = viDateTime({ day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
const NUMBER = viNumber();

/** "10:42:05" */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : TIME().format(d);
}

/** "08:00 15/09/2025" (the day and time as written in Vietnam). */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : DATE_TIME().format(d);
}

/** "1.234" */
export function formatCount(n: number): string {
  // Whole counts, grouped by hand (arith.ts): the first screen's counts make no Intl object.
  return Number.isSafeInteger(n) && n >= 0 && !Object.is(n, -0) ? wholeCount(n) : NUMBER().format(n);
}

/** "90,48%" (two decimals, decimal comma): the one the exported report prints too. */
export { formatPercent } from '../../../shared/rules/shares';

/** "Huyện Hà Quảng"; a name that already carries its kind ("Thị trấn …") is kept. */
export function unitTitle(u: Pick<UnitNode, 'kind' | 'name'>): string {
  const word = KINDS[u.kind].word;
  const f = fold(u.name);
  if (f.startsWith(fold(word) + ' ') || /^(thi tran|phuong|thanh pho|thi xa|quan|dac khu) /.test(f)) return u.name;
  return u.kind === 'xa' ? u.name : `${word} ${u.name}`;
}

// The unit words come from shared/units, the same the Excel writer prints (DOMAIN.md §11.2).

/** The words of the aggregating unit's office: total row, name column, … */
export function aggregateWords(u: Pick<UnitNode, 'kind' | 'name' | 'detailedKind'>): OfficeWords {
  return officeWords(wordsKind(u.kind, u.detailedKind), u.name);
}

/** The word for the aggregating unit: "huyện", "tỉnh", "xã", "phường". */
export function aggregateWord(kind: UnitNode['kind'], detailed?: UnitNode['detailedKind']): string {
  return kindLower(wordsKind(kind, detailed));
}

/** The total row's label, from the aggregating unit (DOMAIN.md §1): "Tổng toàn phường" for a phường. */
export function totalLabel(kind: UnitNode['kind'], detailed?: UnitNode['detailedKind']): string {
  return officeWords(wordsKind(kind, detailed), '').totalRow;
}
