// Words that follow the unit kind (DOMAIN.md §11.2): every header, label, total row and message
// takes them from the app's own unit, so a province office never reads "ỦY BAN NHÂN DÂN HUYỆN"
// or "Tạo huyện mới".
import { cleanText } from '../text/normalize';
import { KINDS, tierOf, type UnitKind } from './kinds';

/** The day districts ceased to exist (Nghị quyết 202/2025/QH15). */
export const REFORM_DATE = '2025-07-01';

export interface OfficeWords {
  /** Left header, line 1 (regular), or null when the issuing body is itself the UBND. */
  governing: string | null;
  /** Left header, line 2 (bold). */
  issuing: string;
  /** The place of the date line: "Cao Bằng, ngày …". */
  place: string;
  /** The total row: "Tổng toàn tỉnh". */
  totalRow: string;
  /** The end of the title: "TRÊN ĐỊA BÀN TỈNH CAO BẰNG". */
  titleEnd: string;
  /** The heading of the name column. */
  nameColumn: string;
  /** What a row of the grids is called in messages: "xã", "huyện", "đơn vị". */
  rowWord: string;
  /** The rows in the footer: "Số xã, phường đạt chuẩn …". */
  footerRows: string;
  /** The button that adds a row unit: "Thêm xã". */
  addRow: string;
  /** The unit itself at the start of a sentence: "Tỉnh", "Huyện", "Xã". */
  self: string;
}

export interface OfficeOptions {
  /** The day the words are for; before 1/7/2025 a province's rows are its districts. Default: after. */
  asOf?: string;
  /** A commune office's issuing body (a setting; DOMAIN.md leaves it unverified). */
  communeBody?: string;
  /** A commune grid of one row (the commune itself) rather than its thôn, tổ dân phố. */
  oneRow?: boolean;
}

const upper = (s: string) => s.toLocaleUpperCase('vi');

// Names that already say what they are ("Thành phố Cao Bằng", "Thị trấn Thông Nông") must not
// get a second kind word in front. Whole words only: "TP." is not taken for a kind here.
const KIND_PREFIX = /^(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\s/i;

/** "huyện Hà Quảng", as it runs inside a sentence; a name that carries its kind is kept as written. */
export function unitPhrase(kind: UnitKind, name: string): string {
  const clean = cleanText(name);
  return KIND_PREFIX.test(clean) ? clean : `${KINDS[kind].word.toLowerCase()} ${clean}`;
}

/**
 * The kind a unit's words follow: its own kind word (phường, thị trấn, đặc khu, stored since
 * migration 4) when it is of the unit's tier, else the tier's plain kind. A phường office's total
 * row reads "Tổng toàn phường", not the tier's "Tổng toàn xã".
 */
export function wordsKind(kind: UnitKind, detailed?: UnitKind | null): UnitKind {
  return detailed && tierOf(detailed) === tierOf(kind) ? detailed : kind;
}

/** The words of an office whose unit is of this kind and name ("tinh", "Cao Bằng"). */
export function officeWords(kind: UnitKind, name: string, opts: OfficeOptions = {}): OfficeWords {
  const word = KINDS[kind].word;
  const lower = word.toLowerCase();
  const after = (opts.asOf ?? REFORM_DATE) >= REFORM_DATE;
  const phrase = upper(unitPhrase(kind, name));
  const ubnd = `ỦY BAN NHÂN DÂN ${phrase}`;
  const common = { place: name, totalRow: `Tổng toàn ${lower}`, titleEnd: `TRÊN ĐỊA BÀN ${phrase}`, self: word };
  switch (tierOf(kind)) {
    case 'province':
      return after
        ? { ...common, governing: ubnd, issuing: 'SỞ GIÁO DỤC VÀ ĐÀO TẠO', nameColumn: 'Tên đơn vị (xã/phường/đặc khu)', rowWord: 'xã', footerRows: 'xã, phường', addRow: 'Thêm xã' }
        : // Before the reform a province's grids list its districts.
          { ...common, governing: ubnd, issuing: 'SỞ GIÁO DỤC VÀ ĐÀO TẠO', nameColumn: 'Tên đơn vị (huyện/thị xã/thành phố)', rowWord: 'huyện', footerRows: 'huyện, thị xã, thành phố', addRow: 'Thêm huyện' };
    case 'district':
      return {
        ...common,
        governing: ubnd,
        issuing: 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO',
        nameColumn: kind === 'quan' ? 'Tên đơn vị (phường)' : kind === 'huyen' ? 'Tên đơn vị (xã/thị trấn)' : 'Tên đơn vị (xã/phường)',
        rowWord: kind === 'quan' ? 'phường' : 'xã',
        footerRows: kind === 'quan' ? 'phường' : kind === 'huyen' ? 'xã, thị trấn' : 'xã, phường',
        addRow: kind === 'quan' ? 'Thêm phường' : 'Thêm xã',
      };
    case 'commune': {
      const rows = opts.oneRow
        ? { nameColumn: 'Tên đơn vị', rowWord: lower, footerRows: lower, addRow: 'Thêm thôn, tổ dân phố' }
        : { nameColumn: 'Tên đơn vị (thôn/tổ dân phố)', rowWord: 'thôn, tổ dân phố', footerRows: 'thôn, tổ dân phố', addRow: 'Thêm thôn, tổ dân phố' };
      return after
        ? { ...common, ...rows, governing: ubnd, issuing: opts.communeBody ?? 'PHÒNG VĂN HÓA - XÃ HỘI' }
        : // Before the reform (seed 002) the commune's UBND issues its own plan.
          { ...common, ...rows, governing: null, issuing: ubnd };
    }
  }
}
