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

export function guessUnit(titles: string[]): UnitGuess | null {
  for (const raw of titles) {
    const t = cleanText(raw);
    const f = fold(t);
    for (const marker of ['tren dia ban ', 'uy ban nhan dan ']) {
      const at = f.lastIndexOf(marker);
      if (at < 0) continue;
      // fold() keeps the length of each letter, so positions in f are positions in t.
      const rest = t.slice(at + marker.length).replace(/[).;,]+.*$/, '');
      const frest = fold(rest);
      for (const [re, kind] of KINDS) {
        const m = re.exec(frest);
        if (m) {
          const name = cleanText(rest.slice(m[0].length));
          if (name) return { name: name === name.toUpperCase() ? titleCase(name) : name, kind };
        }
      }
    }
  }
  return null;
}
