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

// Vietnamese has no casing rules of its own (Unicode's SpecialCasing names only Turkish,
// Azeri and Lithuanian), so the plain mappings are the 'vi' ones, without a locale lookup per call.
function titleCase(s: string): string {
  return s
    .toLowerCase()
    .split(' ')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
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
  let district: UnitGuess | null = null;
  let province: UnitGuess | null = null;
  // Every sheet repeats the workbook's titles: each text is read once, and the scan stops once
  // both are named.
  const seen = new Set<string>();
  for (const raw of titles) {
    if (seen.has(raw)) continue;
    seen.add(raw);
    const u = unitIn(raw);
    if (u?.kind === 'huyen') district ??= u;
    else if (u?.kind === 'tinh') province ??= u;
    if (district && province) break;
  }
  return { district, province };
}
