// Every text the writers put in a workbook is valid XML 1.0 and within Excel's 32,767 characters
// per cell, whatever a unit's name holds: the export and the forms of a district whose commune
// names carry control characters, lone surrogates or 32,767 letters are valid workbooks.
import Database from 'better-sqlite3';
import JSZip from 'jszip';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { excelText, EXCEL_CELL_MAX } from '../../electron/core/excel/excel-text';
import { exportBuffer } from '../../electron/core/export';
import { writeForms } from '../../electron/core/forms-out';
import { importBuffer } from '../../electron/core/import';
import { Store } from '../../electron/core/store/store';

const ROOT = join(__dirname, '..', '..');

// What XML 1.0 cannot carry, raw or as a character reference.
const NOT_XML_RAW = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NOT_XML_REF = /&#(?:x0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]|[dD][89a-fA-F][0-9a-fA-F]{2}|[fF]{3}[eEfF])|0*(?:[0-8]|1[124-9]|2\d|3[01]));/;

/** Why a workbook is not well-formed in what it writes, or null. */
async function badXml(buf: Buffer): Promise<string | null> {
  const zip = await JSZip.loadAsync(buf);
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir || !/\.(xml|rels)$/.test(name)) continue;
    const xml = await entry.async('string');
    if (NOT_XML_RAW.test(xml) || NOT_XML_REF.test(xml)) return `${name}: a character XML cannot hold`;
    for (const t of xml.matchAll(/<t(?: [^>]*)?>([^<]*)<\/t>/g)) if (t[1].length > EXCEL_CELL_MAX) return `${name}: a cell of ${t[1].length} characters`;
  }
  return null;
}

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});


it('cleans and cuts a text as XML and Excel need it', () => {
  expect(excelText('An\u0001\u0008 L\u001bạc\t\n')).toBe('An Lạc\t\n');
  expect(excelText('a\uD800b\uDC00c\uFFFE')).toBe('abc');
  expect(excelText('😀')).toBe('😀');
  expect(excelText('x'.repeat(40_000))).toHaveLength(EXCEL_CELL_MAX);
  // Never cut inside a pair: the high half would be left alone.
  const cut = excelText('x'.repeat(EXCEL_CELL_MAX - 1) + '😀');
  expect(cut).toHaveLength(EXCEL_CELL_MAX - 1);
});

it('writes a valid report and valid forms for communes with hostile names', async () => {
  dir = mkdtempSync(join(tmpdir(), 'pcgd-names-'));
  const file = join(dir, 'a.db');
  const seeded = Store.open(file);
  await importBuffer(seeded, 'ha-quang.xlsx', readFileSync(join(ROOT, 'seeds', 'ha-quang.xlsx')));
  const ids = seeded.children(seeded.districts()[0].id).map((c) => c.id);
  seeded.close();
  // Names as an older version, another tool or a careless paste may have stored them.
  const raw = new Database(file);
  raw.prepare('UPDATE units SET name = ? WHERE id = ?').run(`Xã ${'A'.repeat(32_764)}`, ids[0]);
  raw.prepare('UPDATE units SET name = ? WHERE id = ?').run('Xã Bắc\u0001\u0008Nam\uD800', ids[1]);
  raw.close();
  const store = Store.open(file);
  const communes = store.children(store.districts()[0].id);
  const report = await exportBuffer(store);
  expect(await badXml(report)).toBeNull();
  const out = join(dir, 'forms');
  const r = await writeForms(store, out);
  expect(r.files).toHaveLength(communes.length);
  for (const f of readdirSync(out)) expect(await badXml(readFileSync(join(out, f))), f).toBeNull();
  store.close();
});
