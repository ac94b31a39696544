// The older formats communes and the ministry's system still send: Excel 97–2003 (.xls) and
// OpenDocument (.ods), read by SheetJS CE (@e965/xlsx) into the same BookSource the .xlsx
// readers give, so recognition, rules and import are the same whatever format came in.
// SheetJS is loaded only when such a file arrives (the parse worker stays small otherwise).
//
// What it does not give: fonts (SheetJS CE does not read them from .xls), so legacy TCVN3/VNI
// text in these files is told by its content alone (shared/sheet/legacy.ts does both).
import type { CellObject, WorkSheet } from '@e965/xlsx';
import type { SheetText } from '../../../shared/sheet/types';
import { cleanText } from '../../../shared/text/normalize';
import type { BookSource, SheetSource, SheetState } from './book';
import { LIMITS, ReadError, REFUSED } from './limits';

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ODS_MIME = 'mimetypeapplication/vnd.oasis.opendocument.spreadsheet';

/** More rows than any grid has (a pre-reform country had about 10,600 communes). */
const MAX_ROWS = 100_000;

export type LegacyFormat = 'xls' | 'ods';

/** An OLE2 compound file (.xls; an encrypted .xlsx is one too, told apart by SheetJS) or an .ods zip. */
export function legacyFormat(buf: Buffer): LegacyFormat | null {
  if (buf.length >= 8 && buf.subarray(0, 8).equals(OLE2)) return 'xls';
  // An .ods starts with its uncompressed "mimetype" member (OpenDocument §3.3).
  if (buf.length > 30 + ODS_MIME.length && buf.subarray(30, 30 + ODS_MIME.length).toString('latin1') === ODS_MIME) return 'ods';
  return null;
}

const STATES: SheetState[] = ['visible', 'hidden', 'veryHidden'];

/** The text a person sees, as the .xlsx readers give it (cells.ts valueText). */
function cellText(cell: CellObject | undefined): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  switch (cell.t) {
    case 's':
      return cleanText(String(cell.v));
    case 'n':
    case 'b':
      return String(cell.v);
    case 'd':
      return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : cleanText(String(cell.v));
    case 'e':
      return cell.w ?? '#N/A';
    default:
      return cleanText(String(cell.v));
  }
}

function rawText(cell: CellObject | undefined): string {
  return cell && cell.t === 's' ? String(cell.v) : '';
}

function sheetSource(XLSX: typeof import('@e965/xlsx'), name: string, ws: WorkSheet, state: SheetState): SheetSource {
  const at = (r: number, c: number) => ws[XLSX.utils.encode_cell({ r: r - 1, c: c - 1 })] as CellObject | undefined;
  return {
    name,
    state,
    text(): SheetText {
      const rows = new Map<number, Map<number, string>>();
      let colCount = 0;
      const put = (r: number, c: number, t: string) => {
        let row = rows.get(r);
        if (!row) rows.set(r, (row = new Map()));
        if (t === '') row.delete(c);
        else {
          row.set(c, t);
          if (c > colCount) colCount = c;
        }
      };
      for (const key of Object.keys(ws)) {
        if (key[0] === '!') continue;
        const { r, c } = XLSX.utils.decode_cell(key);
        const t = cellText(ws[key] as CellObject);
        if (t !== '') put(r + 1, c + 1, t);
      }
      // A merged range repeats its first cell's text in every cell (the .xlsx readers' semantics),
      // within the limit the .xlsx readers keep (limits.ts).
      let merged = 0;
      for (const m of ws['!merges'] ?? []) {
        merged += (m.e.r - m.s.r + 1) * (m.e.c - m.s.c + 1);
        if (merged > LIMITS.mergedCells) throw new ReadError(REFUSED.merged);
        const t = cellText(at(m.s.r + 1, m.s.c + 1));
        for (let r = m.s.r + 1; r <= m.e.r + 1; r++) for (let c = m.s.c + 1; c <= m.e.c + 1; c++) put(r, c, t);
      }
      for (const [r, row] of rows) if (!row.size) rows.delete(r);
      return { name, rows, fonts: new Map(), colCount };
    },
    columnA() {
      const out: string[] = [];
      for (let r = 1; ; r++) {
        const part = rawText(at(r, 1));
        if (part === '') return out;
        out.push(part);
      }
    },
  };
}

/** An .xls or .ods workbook as the reader's BookSource, or a ReadError saying why not. */
export async function sheetjsBook(buf: Buffer, format: LegacyFormat): Promise<BookSource> {
  const XLSX = await import('@e965/xlsx');
  let wb: import('@e965/xlsx').WorkBook;
  // SheetJS writes its doubts ("ODS number format may be incorrect") to the console: they are
  // not the officer's business and would land in the CLI's stderr. read() is synchronous.
  const { warn, error } = console;
  console.warn = console.error = () => {};
  try {
    wb = XLSX.read(buf, { type: 'buffer', cellDates: true, cellFormula: false, cellHTML: false, cellStyles: false, sheetRows: MAX_ROWS + 1 });
  } catch (e) {
    const msg = e instanceof Error ? e.message : '';
    if (/password|encrypt/i.test(msg)) throw new ReadError(REFUSED.encrypted);
    throw new ReadError(format === 'xls' ? 'tệp .xls bị hỏng hoặc không phải sổ làm việc Excel 97–2003.' : 'tệp .ods bị hỏng hoặc không phải bảng tính OpenDocument.');
  } finally {
    Object.assign(console, { warn, error });
  }
  return {
    sheets: wb.SheetNames.map((name, i) => {
      const ws = wb.Sheets[name];
      const ref = ws['!ref'] ? XLSX.utils.decode_range(ws['!ref']) : null;
      if (ref && ref.e.r + 1 > MAX_ROWS) throw new ReadError(`trang "${name}" có hơn ${MAX_ROWS.toLocaleString('vi-VN')} dòng: không phải một biểu phụ lục.`);
      return sheetSource(XLSX, name, ws, STATES[wb.Workbook?.Sheets?.[i]?.Hidden ?? 0] ?? 'visible');
    }),
  };
}
