// Reading a grid's header: where it starts, how deep it is, and what each column means,
// whatever wrote the file (merged cells or not, two or three rows, shifted start).
import { memoText } from '../text/memo';
import { fold } from '../text/normalize';
import { textAt, type SheetText } from './types';

export interface HeaderColumn {
  col: number;
  /** Header texts from top to leaf, horizontal spans filled in, repeats dropped. */
  path: string[];
  /** Canonical leaf: "MĐ1", "Đạt", "KĐ", "Đánh giá", or the text as written. */
  leaf: string;
  year?: string;
  period?: string;
  age?: string;
}

export interface HeaderBlock {
  /** First and last header rows (the last one holds the leaves). */
  top: number;
  leafRow: number;
  sttCol: number;
  nameCol: number;
  columns: HeaderColumn[];
  /** Folded text of every header cell right of the name column, for template recognition. */
  text: string;
}

const PERIOD = /((?:19|20)\d{2})\s*[-–—‑]\s*((?:19|20)\d{2})/;
const YEAR = /\b((?:19|20)\d{2})\b/;
const AGE = /(\d+)\s*tuổi/i;

/**
 * Canonical leaf label ("MĐ1", "Đạt", "KĐ", "Đánh giá") of a header text, or null. Asked of
 * every cell of the rows a header may end on, in every file: remembered (memo.ts).
 */
export const leafLabel = memoText((text: string): string | null => {
  const f = fold(text).replace(/\s+/g, ' ');
  const md = /^(?:md|muc do)\s*(\d)$/.exec(f);
  if (md) return `MĐ${md[1]}`;
  if (f === 'dat') return 'Đạt';
  if (f === 'kd' || f === 'khong dat') return 'KĐ';
  if (f === 'danh gia') return 'Đánh giá';
  return null;
}, 20_000);

function isLeafRow(s: SheetText, r: number, from: number): boolean {
  const cells = s.rows.get(r);
  if (!cells) return false;
  for (const [c, t] of cells) if (c >= from && leafLabel(t)) return true;
  return false;
}

/** The header's first row: a cell "STT" (or "TT") with "Tên đơn vị…" (or "Đơn vị") right of it. */
function findTop(s: SheetText): { top: number; sttCol: number } | null {
  const rows = [...s.rows.keys()].sort((a, b) => a - b);
  for (const r of rows) {
    for (const [c, t] of s.rows.get(r)!) {
      const f = fold(t);
      if ((f === 'stt' || f === 'tt') && /don vi/.test(fold(textAt(s, r, c + 1)))) return { top: r, sttCol: c };
    }
  }
  return null;
}

export type HeaderResult = { ok: true; header: HeaderBlock } | { ok: false; reason: string };

export function readHeader(s: SheetText): HeaderResult {
  const found = findTop(s);
  if (!found) return { ok: false, reason: 'không tìm thấy dòng tiêu đề có "STT" và "Tên đơn vị"' };
  const { top, sttCol } = found;
  const nameCol = sttCol + 1;
  let leafRow = -1;
  for (let r = top; r <= top + 4; r++) {
    if (isLeafRow(s, r, nameCol + 1)) {
      leafRow = r;
      break;
    }
  }
  if (leafRow < 0) return { ok: false, reason: 'không tìm thấy dòng tên cột mức (MĐ1, MĐ2… hoặc Đạt, KĐ) dưới dòng "STT"' };
  const leafCells = s.rows.get(leafRow)!;
  const lastCol = Math.max(...[...leafCells.keys()].filter((c) => c > nameCol));

  // Fill spans left to right, row by row: an empty cell belongs to the text on its left when
  // both sit under the same parent (what merged cells say, and what un-merged files imply).
  const filled: string[][] = [];
  const parents: string[] = new Array(lastCol + 1).fill('');
  for (let r = top; r <= leafRow; r++) {
    const line: string[] = new Array(lastCol + 1).fill('');
    for (let c = nameCol + 1; c <= lastCol; c++) {
      let t = textAt(s, r, c);
      if (!t && r < leafRow && c > nameCol + 1 && parents[c] === parents[c - 1]) t = line[c - 1];
      line[c] = t;
    }
    for (let c = nameCol + 1; c <= lastCol; c++) parents[c] = `${parents[c]}\u0001${line[c]}`;
    filled.push(line);
  }

  const columns: HeaderColumn[] = [];
  const allText: string[] = [];
  for (let c = nameCol + 1; c <= lastCol; c++) {
    const path: string[] = [];
    for (const line of filled) if (line[c] && line[c] !== path[path.length - 1]) path.push(line[c]);
    if (!path.length) continue;
    allText.push(...path);
    const leafText = textAt(s, leafRow, c) || path[path.length - 1];
    const leaf = leafLabel(leafText) ?? leafText;
    const col: HeaderColumn = { col: c, path, leaf };
    for (const t of [...path].reverse()) {
      const p = PERIOD.exec(t);
      if (p && !col.period && !col.year) col.period = `${p[1]}-${p[2]}`;
      const y = YEAR.exec(t);
      if (!p && y && !col.period && !col.year) col.year = y[1];
      const a = AGE.exec(t);
      if (a && !col.age) col.age = `${a[1]} tuổi`;
    }
    columns.push(col);
  }
  return { ok: true, header: { top, leafRow, sttCol, nameCol, columns, text: fold(allText.join(' | ')) } };
}
