// The two things the reader takes from styles.xml: a style's font name (legacy encodings are told
// by font, DOMAIN.md §6) and whether it shows a number as a date (exceljs would turn such a cell
// into a Date; the lean reader leaves those files to exceljs rather than mimic it).
import { fontEncoding } from '../../../../shared/text/legacy';
import { attr, elements, section } from './xml';

export interface Styles {
  /** Font name of cell style `s`, exactly where exceljs would give one. */
  font(s: number | undefined): string | undefined;
  isDate(s: number | undefined): boolean;
  /** Some font of the workbook is a legacy one (TCVN3, VNI): only then do cells' fonts matter. */
  legacy: boolean;
}

// Built-in formats that show a date or a time, by their code as exceljs knows it.
const BUILTIN_CODES: Record<number, string> = {
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM',
  20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy "h":mm', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0',
};

/** exceljs's own test (utils.isDateFmt): a date letter outside quotes and brackets. */
function isDateCode(code: string | undefined): boolean {
  if (!code) return false;
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

export function readStyles(xml: string): Styles {
  const codes = new Map<number, string>();
  for (const f of elements(section(xml, 'numFmts'), 'numFmt')) {
    codes.set(Number(attr(f.tag, 'numFmtId')), attr(f.tag, 'formatCode') ?? '');
  }
  const fontNames: (string | undefined)[] = [];
  for (const f of elements(section(xml, 'fonts'), 'font')) {
    const name = f.body === null ? undefined : elements(f.body, 'name')[0];
    fontNames.push(name ? attr(name.tag, 'val') : undefined);
  }
  const xfs: { font: string | undefined; date: boolean }[] = [];
  for (const x of elements(section(xml, 'cellXfs'), 'xf')) {
    const fontId = attr(x.tag, 'fontId');
    const fmt = Number(attr(x.tag, 'numFmtId') ?? 0);
    xfs.push({
      font: fontId === undefined ? undefined : fontNames[Number(fontId)],
      date: fmt !== 0 && isDateCode(codes.get(fmt) ?? BUILTIN_CODES[fmt]),
    });
  }
  return {
    // exceljs looks a style up only when its index is truthy: style 0 gives a cell no font.
    font: (s) => (s ? xfs[s]?.font : undefined),
    isDate: (s) => (s ? (xfs[s]?.date ?? false) : false),
    legacy: fontNames.some((n) => fontEncoding(n) !== null),
  };
}

export const NO_STYLES: Styles = { font: () => undefined, isDate: () => false, legacy: false };
