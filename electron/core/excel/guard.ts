// What a file must be before a parser touches it. Every refusal is a ReadError with one
// Vietnamese line; the limits themselves are in limits.ts.
//   1. refuseNonWorkbook: the first bytes (a password-protected workbook, an OLE2 file that is
//      no .xls, CSV, nothing); .xls and .ods are read by SheetJS before (sheetjs.ts).
//   2. checkZip: the central directory, before anything is inflated (sizes, counts, ratio; an
//      .odt, .xlsb or .docx under an .xlsx name).
//   3. checkXmlPart: each XML part a reader parses (no DOCTYPE or entity declarations; not cut).
//   4. checkForExceljs: the whole zip, part by part, before exceljs/JSZip sees it: JSZip would
//      inflate without limit nor CRC check, and exceljs expands merged ranges and data
//      validations cell by cell and builds a column object up to any stated `max`.
import { LIMITS, ReadError, REFUSED } from './limits';
import { checkDirectory, inflate, readDirectory, type DirEntry } from './lean/zip';
import { Unsure } from './lean/xml';

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const ZIP = Buffer.from([0x50, 0x4b]);
// A password-protected .xlsx is an OLE2 (CFB) container holding an "EncryptedPackage" stream,
// its name stored in UTF-16LE in the container's directory.
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

/** A password-protected workbook: an OLE2 container whose directory names an EncryptedPackage. */
export function isEncrypted(buf: Buffer): boolean {
  return buf.subarray(0, 4).equals(OLE2) && buf.includes(ENCRYPTED_PACKAGE);
}

/** Told after the .xls and .ods SheetJS reads (read.ts openBook): what is left is no workbook. */
export function refuseNonWorkbook(buf: Buffer): void {
  if (buf.subarray(0, 4).equals(OLE2)) throw new ReadError(isEncrypted(buf) ? REFUSED.encrypted : REFUSED.ole2);
  if (buf.length === 0) throw new ReadError(REFUSED.empty);
  if (!buf.subarray(0, 2).equals(ZIP)) throw new ReadError(REFUSED.notZip);
}

/**
 * The zip's directory, checked against the limits; a zip that is no workbook is told what it is.
 * `ods`: an OpenDocument spreadsheet, read by SheetJS: only the limits apply.
 */
export function checkZip(buf: Buffer, { ods = false } = {}): DirEntry[] {
  let entries: DirEntry[];
  try {
    entries = readDirectory(buf);
  } catch (e) {
    throw new ReadError(e instanceof Unsure && /zip64|multi-disk/.test(e.message) ? REFUSED.zip64 : REFUSED.broken);
  }
  const names = new Set(entries.map((e) => e.name));
  if (!ods && !names.has('xl/workbook.xml')) {
    if (names.has('mimetype') || names.has('content.xml')) throw new ReadError(REFUSED.ods);
    if (names.has('xl/workbook.bin')) throw new ReadError(REFUSED.xlsb);
    if (names.has('word/document.xml') || names.has('ppt/presentation.xml')) throw new ReadError(REFUSED.word);
  }
  checkDirectory(entries);
  return entries;
}

/**
 * Where the first markup after the prolog (the XML declaration, processing instructions,
 * comments) starts: the root element, or a declaration such as a DOCTYPE; -1 when the prolog is
 * cut short.
 */
function afterProlog(xml: string): number {
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (i < xml.length && xml.charCodeAt(i) <= 32) i++;
    if (xml.startsWith('<?', i) || xml.startsWith('<!--', i)) {
      const end = xml.indexOf(xml[i + 1] === '?' ? '?>' : '-->', i);
      if (end < 0) return -1;
      i = end + 2;
      continue;
    }
    return i;
  }
}

/**
 * Whether an XML part ends by closing the element it opened first: a part cut short (by a copy
 * that stopped, or on purpose) must not read as a sheet that merely has fewer rows.
 */
export function rootClosed(xml: string, i = afterProlog(xml)): boolean {
  if (i < 0) return false;
  const root = /^<([^\s/>]+)/.exec(xml.slice(i, i + 256));
  if (!root) return false;
  let end = xml.length;
  while (end > i && xml.charCodeAt(end - 1) <= 32) end--;
  // `</root>`, blanks allowed before its `>` (\s, as trimEnd takes them): compared as strings,
  // no pattern made for every part of every file.
  if (xml.charCodeAt(end - 1) === 62 && xml.slice(Math.max(i, end - 300), end - 1).trimEnd().endsWith(`</${root[1]}`)) return true;
  const gt = xml.indexOf('>', i);
  return gt === end - 1 && xml.charCodeAt(gt - 1) === 47; // <root …/> and nothing after
}

/**
 * An XML part a reader is about to parse: refused when it declares entities or is cut short.
 * No spreadsheet writer puts a DTD in a part; one is how entity expansion ("billion laughs") and
 * external entities come in, so it is refused outright rather than parsed carefully. A DTD can
 * only stand in the prolog, before the root element, which is all the lean reader needs looked
 * at (it expands no entity but XML's five and character references, so a declaration anywhere
 * else does nothing there). `whole`: the part goes to exceljs's parser, and is scanned through.
 */
export function checkXmlPart(name: string, xml: string, { whole = false } = {}): void {
  const at = afterProlog(xml);
  if (at >= 0 && xml.startsWith('<!', at)) throw new ReadError(REFUSED.doctype(name));
  if (whole && (xml.includes('<!DOCTYPE') || xml.includes('<!ENTITY'))) throw new ReadError(REFUSED.doctype(name));
  if (!rootClosed(xml, at)) throw new ReadError(REFUSED.cut(name));
}

/** "XFD1048576" → its row and column; a bare column ("A") or row ("5") spans the whole sheet. */
function corner(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]*)\$?(\d*)$/i.exec(ref);
  if (!m) return { row: LIMITS.rows, col: LIMITS.columns };
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: m[2] ? Number(m[2]) : LIMITS.rows, col: m[1] ? col : LIMITS.columns };
}

/** Cells covered by a space-separated list of ranges ("A1:B2 D4"). */
export function rangeArea(sqref: string): number {
  let n = 0;
  for (const r of sqref.trim().split(/\s+/)) {
    if (!r) continue;
    const [a, b = a] = r.split(':');
    const p = corner(a);
    const q = corner(b);
    n += (Math.abs(q.row - p.row) + 1) * (Math.abs(q.col - p.col) + 1);
  }
  return n;
}

/** What exceljs would expand or allocate for one worksheet, bounded before it is asked to. */
function checkSheetForExceljs(xml: string): void {
  let covered = 0;
  for (const m of xml.matchAll(/<(?:\w+:)?(?:mergeCell|dataValidation)\b[^>]*?\b(?:ref|sqref)="([^"]*)"/g)) {
    covered += rangeArea(m[1]);
    if (covered > LIMITS.mergedCells) throw new ReadError(REFUSED.merged);
  }
  for (const col of xml.matchAll(/<(?:\w+:)?col\b[^>]*>/g)) {
    for (const m of col[0].matchAll(/\b(?:min|max)="\s*(\d+)/g)) if (Number(m[1]) > LIMITS.columns) throw new ReadError(REFUSED.columns);
  }
  let cells = 0;
  // `<c ` or `<x:c ` (a prefixed namespace): a cell.
  const cell = /<(?:\w{1,8}:)?c[\s/>]/g;
  while (cell.exec(xml)) if (++cells > LIMITS.exceljsCells) throw new ReadError(REFUSED.cells);
}

/**
 * The whole zip, inflated part by part under the limits and checked (CRC, XML, what exceljs
 * would expand), before exceljs loads it: exceljs then meets nothing these checks did not.
 * Only files the lean reader declines come here (a few percent), so the cost is rarely paid.
 */
export function checkForExceljs(buf: Buffer): void {
  for (const e of checkZip(buf)) {
    if (e.name.endsWith('/') && e.inflated === 0) continue;
    if (e.flags & 1 || (e.method !== 0 && e.method !== 8)) throw new ReadError(REFUSED.method(e.name));
    let bytes: Buffer;
    try {
      bytes = inflate(buf, e);
    } catch (err) {
      if (err instanceof ReadError) throw err;
      throw new ReadError(REFUSED.broken);
    }
    // VML drawings are HTML-like, often not well-formed, and exceljs reads them leniently.
    if (!/\.(xml|rels)$/i.test(e.name)) continue;
    const xml = bytes.toString('utf8');
    checkXmlPart(e.name, xml, { whole: true });
    if (/^xl\/worksheets\//i.test(e.name)) checkSheetForExceljs(xml);
  }
}
