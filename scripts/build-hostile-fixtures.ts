// `npx tsx scripts/build-hostile-fixtures.ts`: writes the hostile corpus (tests/fixtures/hostile/):
// files a careless program, a damaged copy or an attacker could hand the importer, each with the
// outcome expected of `validate` and `import` (expected.json, and the README's table, both from
// the list below). tests/unit/hostile.test.ts runs every one through the CLI.
//
// Deterministic: every zip is written here with fixed times and zlib's level 9, from the parts
// of seeds/ha-quang.xlsx. Nothing needs LibreOffice: the .xls, encrypted, .ods, .xlsb and .docx
// files are minimal imitations that carry what identifies each format.
// Files that would be large to commit (a 2,000-file folder, a directory named x.xlsx, a missing
// path) are made by the test itself in a temporary folder.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ZLIB from 'node:zlib';
import { crc32, deflateRawSync } from 'node:zlib';
import { inflate, readDirectory } from '../electron/core/excel/lean/zip';

const REPO = join(import.meta.dirname, '..');
const OUT = join(REPO, 'tests/fixtures/hostile');

export interface HostileFixture {
  file: string;
  /** What the file is (Vietnamese is not needed: this is for developers). */
  what: string;
  /** refused: both commands exit 2 with a one-line reason, the database is untouched. read: exit 0 or 1. */
  expect: 'refused' | 'read';
  /** A fragment of the Vietnamese reason (refused only). */
  reason?: string;
}

// ---------------------------------------------------------------- a zip writer that can lie

interface Part {
  name: string;
  data: Buffer;
  /** 8 (deflate, the default) or 0 (stored), or any other number written as is. */
  method?: number;
  /** Overrides of what the headers state. */
  crc?: number;
  inflated?: number;
  compressedSize?: number;
  flags?: number;
  /** Bytes already compressed (a bomb made by streaming); `inflated` and `crc` must be given. */
  raw?: Buffer;
}

function zip(parts: Part[], opts: { entryCount?: number; omitData?: boolean } = {}): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const method = p.method ?? 8;
    const body = p.raw ?? (method === 8 ? deflateRawSync(p.data, { level: 9 }) : p.data);
    const name = Buffer.from(p.name, 'utf8');
    const crc = p.crc ?? crc32(p.data);
    const inflated = p.inflated ?? p.data.length;
    const size = p.compressedSize ?? body.length;
    const flags = (p.flags ?? 0) | 0x800; // UTF-8 names
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10); // time 00:00
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(size >>> 0, 18);
    local.writeUInt32LE(inflated >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(flags, 8);
    dir.writeUInt16LE(method, 10);
    dir.writeUInt16LE(0, 12);
    dir.writeUInt16LE(0x21, 14);
    dir.writeUInt32LE(crc >>> 0, 16);
    dir.writeUInt32LE(size >>> 0, 20);
    dir.writeUInt32LE(inflated >>> 0, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    const data = opts.omitData ? Buffer.alloc(0) : body;
    locals.push(local, name, data);
    central.push(dir, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(opts.entryCount ?? parts.length, 8);
  end.writeUInt16LE(opts.entryCount ?? parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

// ---------------------------------------------------------------- the base workbook and edits

const SEED = readFileSync(join(REPO, 'seeds/ha-quang.xlsx'));
const BASE: Part[] = readDirectory(SEED).map((e) => ({ name: e.name, data: inflate(SEED, e) }));
const SHEET = 'xl/worksheets/sheet1.xml';
const SST = 'xl/sharedStrings.xml';

const text = (name: string) => BASE.find((p) => p.name === name)!.data.toString('utf8');

/** The base parts with some replaced, added or changed. */
function parts(edit: Record<string, string | Buffer | null> = {}, extra: Part[] = []): Part[] {
  const out: Part[] = [];
  for (const p of BASE) {
    if (!(p.name in edit)) out.push({ ...p });
    else if (edit[p.name] !== null) out.push({ name: p.name, data: Buffer.isBuffer(edit[p.name]) ? (edit[p.name] as Buffer) : Buffer.from(edit[p.name] as string, 'utf8') });
  }
  return [...out, ...extra];
}

const withParts = (edit: Record<string, string | Buffer | null>, extra: Part[] = []) => zip(parts(edit, extra));
const sheetEdit = (f: (xml: string) => string) => withParts({ [SHEET]: f(text(SHEET)) });
const sstEdit = (f: (xml: string) => string) => withParts({ [SST]: f(text(SST)) });

/** Replace one cell of sheet 1 (D10 holds an "x" of An Lạc's row in the seed). */
const cell = (ref: string, xml: string) =>
  sheetEdit((s) => {
    const re = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>.*?</c>)`);
    if (!re.test(s)) throw new Error(`no cell ${ref}`);
    return s.replace(re, xml);
  });

/** Add merged ranges to sheet 1. */
const merges = (refs: string[], s = text(SHEET)) =>
  s.replace(/<mergeCells count="(\d+)">/, (_, n: string) => `<mergeCells count="${Number(n) + refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join('')}`);

/** Something in sheet 1 that the lean reader leaves to exceljs (so exceljs's path is tried). */
const leanDeclines = (s: string) => s.replace('<sheetData>', '<sheetData><!-- left to exceljs -->');

/** The n-th shared string (0-based) replaced by raw XML text. */
const sharedString = (n: number, t: string) =>
  sstEdit((s) => {
    let k = -1;
    return s.replace(/<si>.*?<\/si>/g, (si) => (++k === n ? `<si><t xml:space="preserve">${t}</t></si>` : si));
  });

/**
 * A part of `n` bytes (head, then one character repeated, then tail), compressed without ever
 * holding n bytes: deflate blocks ended by a sync flush (no final bit) may be concatenated, and
 * every full chunk of the fill compresses to the same bytes.
 */
function bombPart(name: string, n: number, head = '', fill = ' ', tail = ''): Part {
  const chunkSize = 1 << 20;
  const chunk = Buffer.alloc(chunkSize, fill);
  const sync = { level: 9, finishFlush: ZLIB.constants.Z_SYNC_FLUSH };
  const packedChunk = deflateRawSync(chunk, sync);
  const out: Buffer[] = [deflateRawSync(Buffer.from(head), sync)];
  let crc = crc32(Buffer.from(head));
  let left = n - Buffer.byteLength(head) - Buffer.byteLength(tail);
  for (; left >= chunkSize; left -= chunkSize) {
    out.push(packedChunk);
    crc = crc32(chunk, crc);
  }
  const rest = chunk.subarray(0, left);
  out.push(deflateRawSync(rest, sync));
  crc = crc32(rest, crc);
  out.push(deflateRawSync(Buffer.from(tail), { level: 9 }));
  crc = crc32(Buffer.from(tail), crc);
  return { name, data: Buffer.alloc(0), raw: Buffer.concat(out), inflated: n, crc };
}

// ---------------------------------------------------------------- imitations of other formats

/** An OLE2 (CFB) container whose directory names the given streams: what identifies the format. */
function ole2(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 24); // minor version
  header.writeUInt16LE(3, 26); // major version 3: 512-byte sectors
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // sector shift
  header.writeUInt16LE(6, 32); // mini sector shift
  header.writeUInt32LE(1, 44); // one FAT sector
  header.writeUInt32LE(1, 48); // directory starts at sector 1
  header.writeUInt32LE(4096, 56);
  header.writeUInt32LE(0xfffffffe, 60);
  header.writeUInt32LE(0xfffffffe, 68);
  header.writeUInt32LE(0, 76); // DIFAT[0] = sector 0
  for (let i = 1; i < 109; i++) header.writeUInt32LE(0xffffffff, 76 + i * 4);
  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0);
  fat.writeUInt32LE(0xfffffffe, 4);
  const dir = Buffer.alloc(512);
  ['Root Entry', ...streams].slice(0, 4).forEach((name, i) => {
    const at = i * 128;
    const n = Buffer.from(name, 'utf16le');
    n.copy(dir, at);
    dir.writeUInt16LE(n.length + 2, at + 64);
    dir.writeUInt8(i === 0 ? 5 : 2, at + 66);
    dir.writeUInt32LE(0xffffffff, at + 68);
    dir.writeUInt32LE(0xffffffff, at + 72);
    dir.writeUInt32LE(i === 0 ? 1 : 0xffffffff, at + 76);
  });
  return Buffer.concat([header, fat, dir]);
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>';

// ---------------------------------------------------------------- the corpus

const fixtures: (HostileFixture & { bytes: () => Buffer })[] = [];
const add = (file: string, what: string, expect: HostileFixture['expect'], reason: string | undefined, bytes: () => Buffer) =>
  fixtures.push({ file, what, expect, reason, bytes });

// Not a workbook at all.
add('rong.xlsx', 'zero bytes', 'refused', 'tệp rỗng', () => Buffer.alloc(0));
add('csv.xlsx', 'CSV text under an .xlsx name', 'refused', 'không phải là sổ làm việc Excel', () =>
  Buffer.from('STT,Tên xã,Đạt\n1,Cần Nông,x\n2,Lương Thông,x\n', 'utf8'),
);
add('html.xlsx', 'an HTML table (what "export to Excel" of some web sites gives)', 'refused', 'không phải là sổ làm việc Excel', () =>
  Buffer.from('<html><body><table><tr><td>Cần Nông</td><td>x</td></tr></table></body></html>'),
);
add('pdf.xlsx', 'a PDF header', 'refused', 'không phải là sổ làm việc Excel', () => Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\n'));
add('gzip.xlsx', 'gzip bytes', 'refused', 'không phải là sổ làm việc Excel', () => ZLIB.gzipSync(Buffer.from('x'.repeat(1000))));
add('ngau-nhien.xlsx', '4 KB of pseudo-random bytes', 'refused', 'không phải là sổ làm việc Excel', () => {
  const b = Buffer.alloc(4096);
  let s = 7;
  for (let i = 0; i < b.length; i++) b[i] = (s = (Math.imul(s, 1103515245) + 12345) >>> 0) >>> 24;
  return b;
});
add('pk-rac.xlsx', '"PK" then zeros: a zip signature and nothing else', 'refused', 'bị hỏng', () => Buffer.concat([Buffer.from('PK'), Buffer.alloc(200)]));
add('xls-ole2.xlsx', 'an Excel 97–2003 file (.xls, OLE2 with an empty Workbook stream) under an .xlsx name: told by its bytes, read by SheetJS, it holds no sheet', 'refused', 'không có trang nào', () => ole2(['Workbook']));
add('mat-khau.xlsx', 'a password-protected workbook (OLE2 with EncryptionInfo and EncryptedPackage)', 'refused', 'đặt mật khẩu', () =>
  ole2(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']),
);
add('ods.xlsx', 'an OpenDocument spreadsheet (.ods, its content a stub) under an .xlsx name: told by its bytes, SheetJS cannot read the stub', 'refused', '.ods bị hỏng', () =>
  zip([
    { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet'), method: 0 },
    { name: 'content.xml', data: Buffer.from('<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>') },
    { name: 'META-INF/manifest.xml', data: Buffer.from('<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>') },
  ]),
);
add('xlsb.xlsx', 'a binary workbook (.xlsb) under an .xlsx name', 'refused', '.xlsb', () =>
  zip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: 'xl/workbook.bin', data: Buffer.from([0x83, 0x01, 0x00, 0x80, 0x01, 0x00]) },
    { name: 'xl/worksheets/sheet1.bin', data: Buffer.alloc(64) },
  ]),
);
add('docx.xlsx', 'a Word document (.docx) under an .xlsx name', 'refused', 'văn bản Word', () =>
  zip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: 'word/document.xml', data: Buffer.from('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>') },
  ]),
);

// Truncated at many offsets (a copy or a download that stopped).
for (const at of [30, 100, 1000, 0.25, 0.5, 0.75, 0.9, -100, -23, -1]) {
  const name = at < 0 ? `cat-cuoi-${-at}` : at < 1 ? `cat-${Math.round(at * 100)}pt` : `cat-${at}`;
  add(`${name}.xlsx`, `the seed cut at ${at < 0 ? `${-at} bytes before its end` : at < 1 ? `${at * 100}% of its length` : `byte ${at}`}`, 'refused', 'bị hỏng', () =>
    SEED.subarray(0, at < 0 ? SEED.length + at : at < 1 ? Math.floor(SEED.length * at) : at),
  );
}

// Damaged inside, the zip's structure intact.
add('crc-sai.xlsx', 'sheet 1 stored with a wrong CRC-32 in both headers', 'refused', 'CRC', () =>
  zip(parts().map((p) => (p.name === SHEET ? { ...p, crc: (crc32(p.data) ^ 0x5a5a5a5a) >>> 0 } : p))),
);
add('crc-sai-chuoi.xlsx', 'the shared strings stored with a wrong CRC-32', 'refused', 'CRC', () =>
  zip(parts().map((p) => (p.name === SST ? { ...p, crc: (crc32(p.data) + 1) >>> 0 } : p))),
);
add('crc-sai-exceljs.xlsx', 'a wrong CRC-32 in a file the lean reader leaves to exceljs', 'refused', 'CRC', () =>
  zip(parts({ [SHEET]: leanDeclines(text(SHEET)) }).map((p) => (p.name === SHEET ? { ...p, crc: 1 } : p))),
);
add('crc-sai-phan-khong-doc.xlsx', 'a wrong CRC-32 on docProps/core.xml, a part no reader of the lean path inflates', 'read', undefined, () =>
  zip(parts().map((p) => (p.name === 'docProps/core.xml' ? { ...p, crc: 1 } : p))),
);
add('bit-lat.xlsx', 'one byte of sheet 1\'s compressed data changed', 'refused', 'bị hỏng', () => {
  const b = zip(parts());
  const at = b.indexOf(Buffer.from(SHEET)) + SHEET.length + 200;
  b[at] ^= 0xff;
  return b;
});
add('kich-thuoc-noi-doi-nho.xlsx', 'sheet 1 says it inflates to 100 bytes (it inflates to 8 KB)', 'refused', 'bị hỏng', () =>
  zip(parts().map((p) => (p.name === SHEET ? { ...p, inflated: 100 } : p))),
);
add('kich-thuoc-noi-doi-lon.xlsx', 'sheet 1 says it inflates to 900 KB (it inflates to 8 KB)', 'refused', 'bị hỏng', () =>
  zip(parts().map((p) => (p.name === SHEET ? { ...p, inflated: 900_000 } : p))),
);
add('header-lech.xlsx', 'the central directory points sheet 1 at the wrong offset', 'refused', 'bị hỏng', () => {
  const b = zip(parts());
  const cd = b.readUInt32LE(b.length - 22 + 16);
  // The fifth record of the directory is sheet 1's (after [Content_Types].xml, _rels/, .rels, xl/ …): find it by name.
  const at = b.indexOf(Buffer.from(SHEET), cd) - 46;
  b.writeUInt32LE(b.readUInt32LE(at + 42) + 7, at + 42);
  return b;
});
add('nen-bzip2.xlsx', 'sheet 1 marked as compressed with method 12 (bzip2)', 'refused', 'cách nén', () =>
  zip(parts().map((p) => (p.name === SHEET ? { ...p, method: 12, raw: deflateRawSync(p.data) } : p))),
);
add('zip-ma-hoa.xlsx', 'sheet 1 flagged as encrypted (zip traditional encryption)', 'refused', 'mã hóa', () =>
  zip(parts().map((p) => (p.name === SHEET ? { ...p, flags: 1 } : p))),
);
add('zip64.xlsx', 'an end record that announces zip64 (0xFFFF entries)', 'refused', 'ZIP64', () => zip(parts(), { entryCount: 0xffff }));
add('xml-cat-giua-dong.xlsx', 'sheet 1\'s XML cut in the middle of its rows (the zip itself is sound)', 'refused', 'cắt cụt', () =>
  sheetEdit((s) => s.slice(0, s.indexOf('<row r="15"') + 30)),
);
add('xml-cat-sau-sheetdata.xlsx', 'sheet 1\'s XML cut right after </sheetData>', 'refused', 'cắt cụt', () =>
  sheetEdit((s) => s.slice(0, s.indexOf('</sheetData>') + 12)),
);
add('xml-cat-het-dong.xlsx', 'sheet 1\'s XML cut after row 12, with </sheetData> missing', 'refused', 'cắt cụt', () =>
  sheetEdit((s) => s.slice(0, s.indexOf('<row r="13"'))),
);
add('xml-cat-chuoi.xlsx', 'the shared strings cut short', 'refused', 'cắt cụt', () => sstEdit((s) => s.slice(0, Math.floor(s.length * 0.6))));
add('xml-cat-workbook.xlsx', 'xl/workbook.xml cut short', 'refused', 'cắt cụt', () =>
  withParts({ 'xl/workbook.xml': text('xl/workbook.xml').slice(0, text('xl/workbook.xml').indexOf('</sheets>')) }),
);
add('xml-cat-exceljs.xlsx', 'sheet 1 cut short in a file the lean reader leaves to exceljs', 'refused', 'cắt cụt', () =>
  sheetEdit((s) => leanDeclines(s).slice(0, s.indexOf('<row r="15"'))),
);
add('thieu-trang.xlsx', 'the workbook names a sheet whose part is missing (exceljs reads the three others)', 'read', undefined, () => withParts({ [SHEET]: null }));

// Zip bombs: ratio, absolute size, count, and sizes that lie.
add('bom-1gib.xlsx', 'sheet 1 inflating to 1 GiB of spaces (about 1 MB compressed)', 'refused', 'bom nén', () =>
  zip([...parts({ [SHEET]: null }), bombPart(SHEET, 1 << 30, text(SHEET).slice(0, text(SHEET).indexOf('<sheetData>') + 11), ' ', '</sheetData></worksheet>')]),
);
add('bom-ti-le.xlsx', 'an extra part inflating 5 MB of zeros from 5 KB (ratio 1,000 : 1, under the size limits)', 'refused', 'nén quá mức', () =>
  zip([...parts(), bombPart('xl/media/image1.bin', 5 << 20, '', '\0')]),
);
add('bom-tong.xlsx', 'three parts declaring 30 MB each at 50 : 1 (over the total, each under the part limit; refused from the directory, their data never read)', 'refused', 'hơn 64 MB', () =>
  zip([...parts(), ...[1, 2, 3].map((i) => ({ name: `xl/media/image${i}.bin`, data: Buffer.alloc(0), method: 0, compressedSize: 600_000, inflated: 30_000_000, crc: 0 }))]),
);
add('bom-phan.xlsx', 'one part declaring 40 MB at 40 : 1 (over the part limit; refused from the directory)', 'refused', 'hơn 32 MB', () =>
  zip([...parts(), { name: 'xl/media/image1.bin', data: Buffer.alloc(0), method: 0, compressedSize: 1_000_000, inflated: 40_000_000, crc: 0 }]),
);
add('bom-noi-doi.xlsx', 'sheet 1 declaring 8 KB but inflating to 20 MB (a lying header)', 'refused', 'bị hỏng', () => {
  const b = bombPart(SHEET, 20 << 20, text(SHEET).slice(0, text(SHEET).indexOf('<sheetData>') + 11), ' ', '</sheetData></worksheet>');
  return zip([...parts({ [SHEET]: null }), { ...b, inflated: 8192 }]);
});
add('bom-noi-doi-exceljs.xlsx', 'the same lying sheet in a file the lean reader leaves to exceljs', 'refused', 'bị hỏng', () => {
  const b = bombPart(SHEET, 20 << 20, leanDeclines(text(SHEET).slice(0, text(SHEET).indexOf('<sheetData>') + 11)), ' ', '</sheetData></worksheet>');
  return zip([...parts({ [SHEET]: null }), { ...b, inflated: 8192 }]);
});
add('qua-nhieu-phan.xlsx', '1,019 parts (1,000 of one byte each)', 'refused', 'quá nhiều phần', () =>
  zip([...parts(), ...Array.from({ length: 1000 }, (_, i) => ({ name: `p/${i}`, data: Buffer.from([i & 255]), method: 0 }))]),
);

// XML entities: expansion ("billion laughs") and external entities.
const LAUGHS =
  '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
  Array.from({ length: 8 }, (_, i) => `<!ENTITY lol${i + 2} "${`&lol${i + 1};`.repeat(10)}">`).join('') +
  ']>';
const afterProlog = (s: string, insert: string) => s.replace(/^(<\?xml[^>]*\?>)/, `$1${insert}`);
add('entity-chuoi.xlsx', 'a billion-laughs DTD in the shared strings, used by a string', 'refused', 'DOCTYPE', () =>
  sstEdit((s) => afterProlog(s, LAUGHS).replace('<t>x</t>', '<t>&lol9;</t>')),
);
add('entity-trang.xlsx', 'a billion-laughs DTD in sheet 1', 'refused', 'DOCTYPE', () =>
  sheetEdit((s) => afterProlog(s, LAUGHS).replace('<c r="B10" s="5" t="s"><v>15</v></c>', '<c r="B10" s="5" t="inlineStr"><is><t>&lol9;</t></is></c>')),
);
add('entity-ngoai.xlsx', 'an external entity (file:///etc/passwd) in sheet 1', 'refused', 'DOCTYPE', () =>
  sheetEdit((s) => afterProlog(s, '<!DOCTYPE w [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>').replace('<c r="B10" s="5" t="s"><v>15</v></c>', '<c r="B10" s="5" t="inlineStr"><is><t>&xxe;</t></is></c>')),
);
add('entity-ngoai-workbook.xlsx', 'an external parameter entity (http) in xl/workbook.xml', 'refused', 'DOCTYPE', () =>
  withParts({ 'xl/workbook.xml': afterProlog(text('xl/workbook.xml'), '<!DOCTYPE w [<!ENTITY % ext SYSTEM "http://127.0.0.1:9/x.dtd"> %ext;]>') }),
);
add('entity-exceljs.xlsx', 'a DTD in [Content_Types].xml of a file the lean reader leaves to exceljs', 'refused', 'DOCTYPE', () =>
  withParts({
    '[Content_Types].xml': afterProlog(text('[Content_Types].xml'), '<!DOCTYPE t [<!ENTITY a "a">]>'),
    [SHEET]: leanDeclines(text(SHEET)),
  }),
);
add('entity-phan-khong-doc.xlsx', 'a DTD in docProps/core.xml, a part the lean path never parses', 'read', undefined, () =>
  withParts({ 'docProps/core.xml': afterProlog(text('docProps/core.xml'), LAUGHS) }),
);
add('ma-ky-tu-sai.xlsx', 'a character reference past Unicode (&#x110000;) in a commune name', 'refused', 'bị hỏng', () => sharedString(15, 'An&#x110000;Lạc'));

// Sheet geometry: sizes that exceljs would expand or allocate.
add('gop-o-khong-lo.xlsx', 'one merge over J1:XFD1048576 (the 11 KB file that ran the CLI out of memory)', 'refused', 'vùng gộp ô', () =>
  withParts({ [SHEET]: merges(['J1:XFD1048576']) }),
);
add('gop-o-khong-lo-exceljs.xlsx', 'the same merge in a file the lean reader leaves to exceljs', 'refused', 'vùng gộp ô', () =>
  withParts({ [SHEET]: leanDeclines(merges(['J1:XFD1048576'])) }),
);
add('gop-o-nhieu.xlsx', '2,100 merges of 50 cells each (105,000 cells together)', 'refused', 'vùng gộp ô', () =>
  withParts({ [SHEET]: merges(Array.from({ length: 2100 }, (_, i) => `J${100 + i}:BG${100 + i}`)) }),
);
add('kiem-tra-du-lieu-exceljs.xlsx', 'a data validation over A1:XFD1048576 in a file the lean reader leaves to exceljs', 'refused', 'kiểm tra dữ liệu', () =>
  sheetEdit((s) =>
    leanDeclines(s).replace(
      '<pageMargins',
      '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A1:XFD1048576"><formula1>"x"</formula1></dataValidation></dataValidations><pageMargins',
    ),
  ),
);
add('kiem-tra-du-lieu.xlsx', 'the same data validation in a file the lean reader reads (it never expands validations)', 'read', undefined, () =>
  sheetEdit((s) =>
    s.replace(
      '<pageMargins',
      '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A1:XFD1048576"><formula1>"x"</formula1></dataValidation></dataValidations><pageMargins',
    ),
  ),
);
add('cot-max-exceljs.xlsx', '<col max="1000000000"> in a file the lean reader leaves to exceljs', 'refused', 'vượt giới hạn của Excel', () =>
  sheetEdit((s) => leanDeclines(s).replace('<col min="3" max="8"', '<col min="3" max="1000000000"')),
);
add('dong-1048576.xlsx', 'a text in A1048576, the last row Excel has', 'read', undefined, () =>
  sheetEdit((s) => s.replace('</sheetData>', '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>dòng cuối</t></is></c></row></sheetData>')),
);
add('cot-16384.xlsx', 'a text in XFD10, the last column Excel has', 'read', undefined, () =>
  sheetEdit((s) => s.replace('</row><row r="11"', '<c r="XFD10" t="inlineStr"><is><t>cột cuối</t></is></c></row><row r="11"')),
);
add('kich-thuoc-khai-bao.xlsx', 'a sheet declaring A1:XFD1048576 and 16,384 styled columns', 'read', undefined, () =>
  sheetEdit((s) => s.replace('<dimension ref="A1:H30"/>', '<dimension ref="A1:XFD1048576"/>').replace('<col min="3" max="8"', '<col min="3" max="16384"')),
);
add('dong-1048576-exceljs.xlsx', 'cells in A1048576 and XFD1 in a file the lean reader leaves to exceljs', 'read', undefined, () =>
  sheetEdit((s) =>
    leanDeclines(s)
      .replace('</sheetData>', '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>dòng cuối</t></is></c></row></sheetData>')
      .replace('<row r="1" spans="1:1" x14ac:dyDescent="0.25"><c r="A1" s="1" t="s"><v>0</v></c>', '<row r="1" spans="1:1" x14ac:dyDescent="0.25"><c r="A1" s="1" t="s"><v>0</v></c><c r="XFD1" t="inlineStr"><is><t>cột cuối</t></is></c>'),
  ),
);
add('nhieu-dong.xlsx', '100,000 rows of one cell each under the grid', 'read', undefined, () =>
  sheetEdit((s) => s.replace('</sheetData>', Array.from({ length: 100_000 }, (_, i) => `<row r="${100 + i}"><c r="J${100 + i}"><v>${i % 10}</v></c></row>`).join('') + '</sheetData>')),
);
add('qua-nhieu-o-exceljs.xlsx', '420,420 cells (420 rows of a text and 1,000 empty cells) in a file the lean reader leaves to exceljs', 'refused', 'quá nhiều ô', () => {
  // Each row's text is 240 random letters: the part then compresses about 25 : 1, under the ratio limit.
  let seed = 3;
  const word = () => Array.from({ length: 240 }, () => String.fromCharCode(97 + ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) % 26)).join('');
  const rows = Array.from({ length: 420 }, (_, i) => `<row r="${100 + i}"><c r="A${100 + i}" t="inlineStr"><is><t>${word()}</t></is></c>${'<c/>'.repeat(1000)}</row>`);
  return sheetEdit((s) => leanDeclines(s).replace('</sheetData>', rows.join('') + '</sheetData>'));
});
add('gop-qua-o-danh-dau.xlsx', 'a merge across the mark cells of one commune (D10:H10)', 'read', undefined, () => withParts({ [SHEET]: merges(['D10:H10']) }));
add('gop-qua-hai-xa.xlsx', 'a merge across two communes\' mark cells (D10:D11)', 'read', undefined, () => withParts({ [SHEET]: merges(['D10:D11']) }));

// Cell contents.
add('o-32767.xlsx', 'a 32,767-character text in a mark cell', 'read', undefined, () => cell('D10', `<c r="D10" s="4" t="inlineStr"><is><t>${'x'.repeat(32_767)}</t></is></c>`));
add('ten-32767.xlsx', 'a 32,767-character commune name', 'read', undefined, () => sharedString(15, 'A'.repeat(32_767)));
add('chuoi-100k.xlsx', 'a shared string of 100,000 varied letters (past Excel\'s own limit) in a name cell', 'read', undefined, () => {
  const letters = 'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạ ';
  let s = 1;
  return sharedString(15, Array.from({ length: 100_000 }, () => letters[(s = (Math.imul(s, 1103515245) + 12345) >>> 0) % letters.length]).join(''));
});
add('cong-thuc-div0.xlsx', 'a formula =1/0 with its cached #DIV/0! in a mark cell', 'read', undefined, () => cell('D10', '<c r="D10" s="4" t="e"><f>1/0</f><v>#DIV/0!</v></c>'));
add('loi-ref.xlsx', 'an error value #REF! in a mark cell', 'read', undefined, () => cell('D10', '<c r="D10" s="4" t="e"><v>#REF!</v></c>'));
add('cong-thuc-x.xlsx', 'a formula ="x" with its cached x in a mark cell', 'read', undefined, () => cell('D10', '<c r="D10" s="4" t="str"><f>"x"</f><v>x</v></c>'));
add('cong-thuc-khong-ket-qua.xlsx', 'a formula without a cached result in a mark cell', 'read', undefined, () => cell('D10', '<c r="D10" s="4"><f>NOW()</f></c>'));
add('so-trong-o-danh-dau.xlsx', 'the number 1e308 in a mark cell', 'read', undefined, () => cell('D10', '<c r="D10" s="4"><v>1e308</v></c>'));
add('ngay-trong-o-danh-dau.xlsx', 'a date cell (t="d") in a mark cell', 'read', undefined, () => cell('D10', '<c r="D10" s="4" t="d"><v>2025-09-30T00:00:00Z</v></c>'));
add('ky-tu-dieu-khien.xlsx', 'control characters (&#x1; &#x8; &#x1B;) in a commune name', 'read', undefined, () => sharedString(15, 'An&#x1;&#x8;L&#x1B;ạc'));
add('surrogate-le.xlsx', 'a lone surrogate (&#xD800;) in a commune name', 'read', undefined, () => sharedString(15, 'An &#xD800;Lạc'));
add('bidi-zero-width.xlsx', 'right-to-left override and zero-width characters in a commune name', 'read', undefined, () => sharedString(15, 'An\u202e\u200bLạc\u200d'));

// Structure.
add('khong-trang.xlsx', 'a workbook without any sheet', 'refused', 'không có trang nào', () =>
  withParts({ 'xl/workbook.xml': text('xl/workbook.xml').replace(/<sheets>.*<\/sheets>/, '<sheets></sheets>') }),
);
add('duong-dan-ngoai.xlsx', 'a sheet relationship pointing outside the zip (../../../../etc/passwd): nothing outside is opened, the three other sheets are read', 'read', undefined, () =>
  withParts({ 'xl/_rels/workbook.xml.rels': text('xl/_rels/workbook.xml.rels').replace('Target="worksheets/sheet1.xml"', 'Target="../../../../etc/passwd"') }),
);
add('ten-phan-di-nguoc.xlsx', 'an extra part named ../../evil.sh (never extracted)', 'read', undefined, () =>
  zip([...parts(), { name: '../../evil.sh', data: Buffer.from('#!/bin/sh\necho pwned\n') }]),
);

// ---------------------------------------------------------------- writing

function main(): void {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const manifest: HostileFixture[] = [];
  for (const f of fixtures) {
    writeFileSync(join(OUT, f.file), f.bytes());
    manifest.push({ file: f.file, what: f.what, expect: f.expect, ...(f.reason ? { reason: f.reason } : {}) });
  }
  writeFileSync(join(OUT, 'expected.json'), JSON.stringify(manifest, null, 2) + '\n');
  const size = (f: string) => readFileSync(join(OUT, f)).length;
  const rows = manifest.map((f) => `| \`${f.file}\` | ${size(f.file).toLocaleString('en')} | ${f.what} | ${f.expect === 'refused' ? `refused, exit 2: "…${f.reason}…"` : 'read, exit 0 or 1'} |`);
  const readme = `# Hostile corpus

Files a damaged copy, another program or an attacker could hand the importer. Written by
\`npx tsx scripts/build-hostile-fixtures.ts\` (deterministic; do not edit by hand) from
seeds/ha-quang.xlsx; \`expected.json\` holds the same table for tests/unit/hostile.test.ts, which
runs every file through the CLI's \`validate\` and \`import --db\` as child processes.

Outcomes:
- **refused**: \`validate\` and \`import\` both exit 2 with one Vietnamese line on stderr holding
  the quoted fragment; the database is byte-for-byte unchanged (cell values, audit, units).
- **read**: exit 0 or 1 (1 = the file has findings of severity error; the seed itself has two).

Every run: under 15 s and under 1.5 GB of peak memory (RSS). The limits the refusals come from
are in electron/core/excel/limits.ts.

Made by the test at run time (not committed): a directory named \`thu-muc.xlsx\` (refused: "là thư
mục"), a missing path (refused: "không tìm thấy tệp"), and a folder of 2,000 files (import of the
folder: every file refused, exit 2, database unchanged, its \`--json\` report read through a slow
pipe complete).

| File | Bytes | What it is | Expected |
|---|---:|---|---|
${rows.join('\n')}
`;
  writeFileSync(join(OUT, 'README.md'), readme);
  console.log(`${manifest.length} tệp, ${readdirSync(OUT).reduce((n, f) => n + size(f), 0).toLocaleString('en')} byte`);
}

main();
