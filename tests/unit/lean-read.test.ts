// The lean reader against exceljs: on every workbook the tests hold (Excel, LibreOffice, the
// app's own forms and exports, TCVN3, broken files) it gives exactly what exceljs gives, or
// declines and leaves the file to exceljs.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exceljsBook, type BookSource } from '../../electron/core/excel/book';
import { leanBook } from '../../electron/core/excel/lean/book';
import { openBook, ReadError } from '../../electron/core/excel/read';
import { fontEncoding } from '../../shared/text/legacy';

const ROOT = join(import.meta.dirname, '..', '..');

function xlsxUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? xlsxUnder(p) : /\.xlsx$/i.test(f) ? [p] : [];
  });
}

async function viaExceljs(buf: Buffer): Promise<BookSource | null> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  return exceljsBook(wb);
}

function snapshot(book: BookSource) {
  return book.sheets.map((s) => {
    const t = s.text();
    return { name: s.name, state: s.state, rows: [...t.rows].map(([r, m]) => [r, [...m]]), fonts: [...t.fonts].sort(), colCount: t.colCount, columnA: s.columnA() };
  });
}

// The hostile corpus (tests/fixtures/hostile) has its own test: zip bombs are not for exceljs.
const FILES = [...xlsxUnder(join(ROOT, 'tests', 'fixtures')), ...xlsxUnder(join(ROOT, 'seeds'))].filter((f) => !f.includes(`${join('fixtures', 'hostile')}`));

/** The only fixture workbooks the lean reader leaves to exceljs, and why. Every other one it must read. */
const DECLINED: Record<string, string> = {
  'tests/fixtures/bad/not-a-workbook.xlsx': 'not a zip',
  'tests/fixtures/bad/truncated.xlsx': 'cut short',
  'tests/fixtures/batch/two-hundred/Thanh_Loi.xlsx': 'the batch form cut to half its bytes (a download that did not finish)',
};

describe('lean reader = exceljs', () => {
  it.each(FILES.map((f) => [f.slice(ROOT.length + 1).split('\\').join('/'), f]))('%s', async (name, file) => {
    const buf = readFileSync(file);
    const lean = leanBook(buf);
    // A reader that declined everything would pass an equality test: which files it reads is part of the contract.
    if (name in DECLINED) expect(lean, DECLINED[name]).toBeNull();
    else expect(lean, 'the lean reader declines a workbook it should read').not.toBeNull();
    if (lean) {
      const full = await viaExceljs(buf);
      expect(full, 'exceljs refuses a file the lean reader read').not.toBeNull();
      // Fonts matter only to the legacy decoder: the lean reader records them in a workbook that
      // has a legacy font, exactly as exceljs does, and may leave them out elsewhere.
      const fullSnap = snapshot(full!);
      const leanSnap = snapshot(lean);
      leanSnap.forEach((sheet, i) => {
        if (sheet.fonts.length === 0) {
          expect(fullSnap[i].fonts.filter(([, f]) => fontEncoding(f)), 'a legacy font the lean reader left out').toEqual([]);
          fullSnap[i].fonts = [];
        }
      });
      expect(leanSnap).toEqual(fullSnap);
    }
  });

  it('reads the great majority of the fixtures itself', () => {
    expect(FILES.length).toBeGreaterThan(200);
    expect(Object.keys(DECLINED).length).toBeLessThan(FILES.length / 50);
  });
});

/** A workbook holding every kind of value and style the reader meets, written by exceljs. */
async function everyKind(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phụ lục "1" & <2>');
  ws.getCell('A1').value = { richText: [{ text: 'Phổ cập ', font: { bold: true } }, { text: 'giáo dục' }] };
  ws.getCell('A2').value = { formula: 'B2&"x"', result: 'Cần Nông' };
  ws.getCell('A3').value = { formula: '1+2', result: 3 };
  ws.getCell('A4').value = true;
  ws.getCell('A5').value = { error: '#N/A' };
  ws.getCell('A6').value = 1.5;
  ws.getCell('A7').value = { text: 'Trang của Bộ', hyperlink: 'https://moet.gov.vn' };
  ws.getCell('A8').value = '  a & b < c > d " e \' f  ';
  ws.getCell('A9').value = { formula: '1/0', result: { error: '#DIV/0!' } };
  ws.getCell('A10').value = { formula: 'A4', result: false };
  ws.getCell('A11').value = { formula: 'A3-3', result: 0 };
  ws.getCell('C10').value = { formula: 'COUNTIF(A1:A9,"x")', result: 0 };
  ws.mergeCells('C10:D10');
  ws.getCell('B1').value = 'Tæng sè';
  ws.getCell('B1').font = { name: '.VnTime' };
  ws.getCell('B2').value = 'Toång soá';
  ws.getCell('B2').font = { name: 'VNI-Times' };
  ws.getCell('C1').value = 'Gộp';
  ws.getCell('E1').value = 'ô bị che';
  ws.mergeCells('C1:E2');
  ws.getCell('D4').font = { name: '.VnTimeH' };
  ws.getCell('C4').value = 'Gộp hàng';
  ws.mergeCells('C4:D4');
  ws.getRow(6).font = { name: 'VNI-Helve' };
  ws.getCell('C6').value = 'Gộp cột';
  ws.mergeCells('C6:C8');
  wb.addWorksheet('Ẩn', { state: 'hidden' }).getCell('A1').value = 'ẩn';
  const very = wb.addWorksheet('PCGD_NGUON', { state: 'veryHidden' });
  very.getCell('A1').value = ' {"a": ';
  very.getCell('A2').value = '1} ';
  very.getCell('A4').value = 'after a gap';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function rewrite(buf: Buffer, part: string, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buf);
  zip.file(part, edit(await zip.file(part)!.async('string')));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('lean reader, value by value', () => {
  it('reads rich text, formulas, booleans, errors, numbers, links, entities, merges and fonts as exceljs does', async () => {
    const buf = await everyKind();
    const lean = leanBook(buf)!;
    expect(lean).not.toBeNull();
    expect(snapshot(lean)).toEqual(snapshot((await viaExceljs(buf))!));
    const t = lean.sheets[0].text();
    expect(t.rows.get(1)!.get(1)).toBe('Phổ cập giáo dục');
    expect(t.rows.get(2)!.get(1)).toBe('Cần Nông');
    expect(t.rows.get(6)!.get(1)).toBe('1.5');
    expect(t.rows.get(8)!.get(1)).toBe('a & b < c > d " e \' f');
    // A total whose formula gives 0 reads 0, not blank (exceljs's cell.value drops the 0).
    expect(t.rows.get(11)!.get(1)).toBe('0');
    expect(t.rows.get(10)!.get(1)).toBe('false');
    expect([t.rows.get(10)!.get(3), t.rows.get(10)!.get(4)]).toEqual(['0', '0']);
    // The merged range's text in every cell of it; the hidden cell's own text gone.
    expect(t.rows.get(2)!.get(5)).toBe('Gộp');
    expect(t.fonts.get('1:2')).toBe('.VnTime');
    expect(lean.sheets.map((s) => [s.name, s.state])).toEqual([['Phụ lục "1" & <2>', 'visible'], ['Ẩn', 'hidden'], ['PCGD_NGUON', 'veryHidden']]);
    expect(lean.sheets[2].columnA()).toEqual([' {"a": ', '1} ']);
  });

  it('declines what it does not read, and exceljs reads it instead', async () => {
    const dated = new ExcelJS.Workbook();
    const ws = dated.addWorksheet('Biểu');
    ws.getCell('A1').value = new Date(Date.UTC(2025, 8, 30));
    ws.getCell('A1').numFmt = 'dd/mm/yyyy';
    const plain = await everyKind();
    const declined = {
      'a date': Buffer.from(await dated.xlsx.writeBuffer()),
      'phonetic runs': await rewrite(plain, 'xl/sharedStrings.xml', (x) => x.replace('</si>', '<rPh sb="0" eb="1"><t>ふ</t></rPh></si>')),
      'a cell without an address': await rewrite(plain, 'xl/worksheets/sheet1.xml', (x) => x.replace(/<c r="A6"/, '<c')),
      'a line break inside a tag': await rewrite(plain, 'xl/worksheets/sheet1.xml', (x) => x.replace(/<c r="A6"/, '<c\nr="A6"')),
      'an unknown cell type': await rewrite(plain, 'xl/worksheets/sheet1.xml', (x) => x.replace(/<c r="A6"([^>]*)>/, '<c r="A6"$1 t="d">')),
      'overlapping merges': await rewrite(plain, 'xl/worksheets/sheet1.xml', (x) => x.replace('<mergeCell ', '<mergeCell ref="A1:C1"/><mergeCell ')),
      'a prefixed namespace': await rewrite(plain, 'xl/workbook.xml', (x) => x.replace(/<(\/?)sheets>/g, '<$1x:sheets>')),
      'CDATA in a shared string': await rewrite(plain, 'xl/sharedStrings.xml', (x) => x.replace('<t>giáo dục</t>', '<t><![CDATA[giáo <dục>]]></t>')),
      'a comment among the cells': await rewrite(plain, 'xl/worksheets/sheet1.xml', (x) => x.replace('<sheetData>', '<sheetData><!-- <c r="Z1" t="inlineStr"><is><t>no</t></is></c> -->')),
      'styles kept elsewhere': await rewrite(plain, 'xl/_rels/workbook.xml.rels', (x) => x.replace('Target="styles.xml"', 'Target="style/all.xml"')),
      'a prefixed worksheet': await rewrite(plain, 'xl/worksheets/sheet1.xml', (x) =>
        x.replace(/<(\/?)([a-zA-Z])/g, '<$1x:$2').replace('<x:?', '<?').replace(/ xmlns="/, ' xmlns:x="'),
      ),
    };
    for (const [why, buf] of Object.entries(declined)) {
      expect(leanBook(buf), why).toBeNull();
      const read = await openBook(buf, 'x.xlsx').catch((e: unknown) => e);
      const full = await viaExceljs(buf);
      if (full) expect(snapshot(read as BookSource), why).toEqual(snapshot(full));
      else expect(read, why).toBeInstanceOf(ReadError);
    }
  });

  it('leaves a truncated or foreign zip to exceljs, whose refusal is the answer', async () => {
    const buf = await everyKind();
    for (const cut of [buf.subarray(0, buf.length >> 1), buf.subarray(0, buf.length - 30), Buffer.concat([Buffer.from('PK'), Buffer.alloc(100)])]) {
      expect(leanBook(cut)).toBeNull();
      await expect(openBook(cut, 'x.xlsx')).rejects.toBeInstanceOf(ReadError);
    }
  });
});
