// The aggregating unit a workbook speaks of, read from its title lines:
// "… TRÊN ĐỊA BÀN HUYỆN HÀ QUẢNG", "(… của Ủy ban nhân dân huyện Hà Quảng)".
import { cleanText, fold } from '../text/normalize';

export interface UnitGuess {
  name: string;
  kind: 'tinh' | 'huyen';
}

const KINDS: [RegExp, UnitGuess['kind']][] = [
  [/^(huyen|quan|thi xa|thanh pho)\s+/, 'huyen'],
  [/^tinh\s+/, 'tinh'],
];

function titleCase(s: string): string {
  return s
    .toLocaleLowerCase('vi')
    .split(' ')
    .map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1))
    .join(' ');
}

// What follows a unit's name when a title cell holds more than the name: the office under it
// ("ỦY BAN NHÂN DÂN HUYỆN HÀ QUẢNG / PHÒNG GIÁO DỤC VÀ ĐÀO TẠO" in one cell, its lines joined),
// the national motto beside it, a date line.
const AFTER_NAME = / (?:phong giao duc|phong gd|phong van hoa|cong hoa xa hoi|doc lap|so giao duc|ban chi dao|ngay \d)/;

/** The unit one title cell speaks of, or null. */
function unitIn(raw: string): UnitGuess | null {
  const t = cleanText(raw);
  const f = fold(t);
  for (const marker of ['tren dia ban ', 'uy ban nhan dan ']) {
    const at = f.lastIndexOf(marker);
    if (at < 0) continue;
    // fold() keeps the length of each letter, so positions in f are positions in t.
    let rest = t.slice(at + marker.length).replace(/[).;,]+.*$/, '');
    const stop = AFTER_NAME.exec(fold(rest));
    if (stop) rest = rest.slice(0, stop.index);
    const frest = fold(rest);
    for (const [re, kind] of KINDS) {
      const m = re.exec(frest);
      if (m) {
        const name = cleanText(rest.slice(m[0].length));
        if (name) return { name: name === name.toUpperCase() ? titleCase(name) : name, kind };
      }
    }
  }
  return null;
}

/** The unit a sheet's title cells speak of, from its first cell that names one. */
export function guessUnit(titles: string[]): UnitGuess | null {
  for (const raw of titles) {
    const u = unitIn(raw);
    if (u) return u;
  }
  return null;
}

/**
 * The district and the province a workbook's title cells speak of, if any: the first district
 * named (the grids' "TRÊN ĐỊA BÀN HUYỆN …"), and the first province ("ỦY BAN NHÂN DÂN TỈNH …"),
 * which a district created from the file is placed under.
 */
export function guessDistrict(titles: string[]): { district: UnitGuess | null; province: UnitGuess | null } {
  const all = titles.map(unitIn).filter((u): u is UnitGuess => u !== null);
  return { district: all.find((u) => u.kind === 'huyen') ?? null, province: all.find((u) => u.kind === 'tinh') ?? null };
}
