// The lean workbook reader: unzips only the parts a grid lives in (workbook, its relationships,
// shared strings, styles, worksheets) and scans them for cell values. A commune's form is read in
// a fraction of exceljs's full load, which also builds styles, views, validations and
// protection that the import never looks at. Returns null when the file holds anything it is
// not sure of (the caller then loads it with exceljs), so the result is always exceljs's.
import type { BookSource, SheetState } from '../book';
import { columnA, readRawSheet, toSheetText } from './sheet';
import { NO_STYLES, readStyles, type Styles } from './styles';
import { attr, elements, runsText, section, Unsure } from './xml';
import { zipEntries, type DirEntry } from './zip';
import { checkXmlPart } from '../guard';
import { ReadError } from '../limits';

const WORKBOOK = 'xl/workbook.xml';

// The styles of the last files read, by their part's CRC and length: a batch's forms come from
// one workbook and share them (their cells differ, their styles do not).
const stylesSeen = new Map<string, Styles>();

/** A relationship target as a path inside the zip (targets are relative to xl/, or absolute). */
function partPath(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  // Phonetic guides (Japanese files) are text exceljs treats its own way: not worth mimicking.
  if (xml.includes('<rPh')) throw new Unsure('phonetic runs');
  const out: string[] = [];
  for (const si of elements(xml, 'si')) out.push(si.body === null ? '' : runsText(si.body));
  return out;
}

function stateOf(s: string | undefined): SheetState {
  if (s === undefined || s === 'visible') return 'visible';
  if (s === 'hidden' || s === 'veryHidden') return s;
  throw new Unsure(`sheet state ${s}`);
}

/** `checked`: the zip's directory as guard.ts checkZip returned it (see zipEntries). */
export function leanBook(buf: Buffer, checked?: DirEntry[]): BookSource | null {
  try {
    // Only the parts asked for are inflated; drawings, printer settings, themes stay packed.
    const entries = zipEntries(buf, checked);
    // A part whose elements carry a namespace prefix (<x:c>) would scan as empty, and CDATA or
    // a comment would scan wrong (no writer of spreadsheets puts them there): exceljs's.
    const text = (path: string, root: string) => {
      const xml = entries.get(path)?.text();
      // A DTD (entity expansion) or a part cut short: refused, by exceljs's path too (guard.ts).
      if (xml !== undefined) checkXmlPart(path, xml);
      if (xml !== undefined && !xml.includes(`<${root}`)) throw new Unsure(`${path}: no <${root}>`);
      if (xml?.includes('<![CDATA[') || xml?.includes('<!--')) throw new Unsure(`${path}: CDATA or comment`);
      return xml;
    };
    const workbook = text(WORKBOOK, 'workbook');
    const rels = text('xl/_rels/workbook.xml.rels', 'Relationships');
    if (!workbook || !rels) return null;
    // A main namespace bound to a prefix (<x:sheet>), or Strict OOXML: left to exceljs.
    if (!workbook.includes('<sheets>') || workbook.includes('purl.oclc.org')) return null;
    if (/<workbookPr[^>]* date1904="(1|true)"/.test(workbook)) return null;

    const targets = new Map<string, string>();
    for (const r of elements(rels, 'Relationship')) {
      const target = attr(r.tag, 'Target') ?? '';
      targets.set(attr(r.tag, 'Id') ?? '', target);
      // exceljs reads shared strings and styles from their usual paths only; a workbook that
      // keeps them elsewhere is left to it, so that both readers see the same.
      const type = /\/(sharedStrings|styles)$/.exec(attr(r.tag, 'Type') ?? '');
      if (type && partPath(target) !== `xl/${type[1]}.xml`) throw new Unsure(`${type[1]} at ${target}`);
    }
    const shared = sharedStrings(text('xl/sharedStrings.xml', 'sst'));
    const stylesPart = entries.get('xl/styles.xml');
    let styles = stylesPart ? stylesSeen.get(stylesPart.id) : NO_STYLES;
    if (!styles) {
      styles = readStyles(text('xl/styles.xml', 'styleSheet')!);
      if (stylesSeen.size >= 16) stylesSeen.clear();
      stylesSeen.set(stylesPart!.id, styles);
    }

    const sheets = elements(section(workbook, 'sheets'), 'sheet').map((s) => {
      const name = attr(s.tag, 'name');
      const target = targets.get(attr(s.tag, 'r:id') ?? '');
      if (!name || !target) throw new Unsure('sheet without part');
      // A chart sheet or a dialog sheet: exceljs's business. Every worksheet has its sheetData.
      const xml = text(partPath(target), 'worksheet');
      if (!xml?.includes('<sheetData')) throw new Unsure(`sheet part ${target}`);
      // Scanned now, not when asked for: whatever the lean reader is unsure of must surface here.
      const raw = readRawSheet(xml, shared, styles);
      return { name, state: stateOf(attr(s.tag, 'state')), text: () => toSheetText(name, raw, styles), columnA: () => columnA(raw) };
    });
    return { sheets };
  } catch (e) {
    // A refusal (limits, CRC, DTD, a part cut short) is the answer whoever reads the file.
    if (e instanceof ReadError) throw e;
    // Unsure, a zip or UTF-8 error: exceljs reads it, or says why not.
    return null;
  }
}
