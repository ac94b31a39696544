// Forms out: step 1 of the officer's year (DOMAIN.md §1), one fill-in file per commune of the
// district, each carrying the commune's values as stored now, so a commune corrects last year's
// marks rather than retyping them, and the import can later tell its changes from the app's.
import JSZip from 'jszip';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Grid } from '../../shared/grid';
import { asciiName } from '../../shared/text/normalize';
import { writeForm, type FormArgs } from './excel/forms';
import { ExportError, gridsOf, pickDistrict, writeFileAtomic } from './export';
import { countTablesOf } from './counts-store';
import { storeSeal, type FormSeal } from './form-seal';
import type { Store } from './store/store';
import type { UnitRecord } from './store/types';

export interface WriteFormsOptions {
  /** The district; the first one when absent (as for the export). */
  unitName?: string;
  /** One date for the whole batch: the forms' date line and their origin. */
  issuedAt?: Date;
  onProgress?(done: number, total: number): void;
}

export interface FormFile {
  commune: string;
  /** Full path of the written file. */
  file: string;
}

type CountTables = ReturnType<typeof countTablesOf>;

/**
 * The commune's row of each count table of the district (DOMAIN.md §9): as stored, or empty for
 * the commune to fill in when the table has no row of it yet.
 */
function communeCounts(tables: CountTables, commune: UnitRecord): FormArgs['counts'] {
  return tables.map(({ sheet, levels }) => {
    const at = sheet.rows.findIndex((r) => r.unit === commune.name);
    const row = at >= 0 ? sheet.rows[at] : { unit: commune.name, year: sheet.year, counts: {}, dbkk: false };
    const level = at >= 0 ? levels[at] : { level: 0, upper: 0, decided: true, dbkk: false };
    return { sheet: { ...sheet, rows: [row] }, levels: [level] };
  });
}

function formArgs(store: Store, district: UnitRecord, grids: Grid[], commune: UnitRecord, issuedAt: Date, seal: FormSeal, tables: CountTables = countTablesOf(store, district, grids)): FormArgs {
  const parent = district.parentId ? store.getUnit(district.parentId) : undefined;
  return {
    district: { name: district.name, kind: district.kind, detailedKind: store.reform.kindOf(district.id) },
    parent: parent ? { name: parent.name, kind: parent.kind } : null,
    commune: { id: commune.id, name: commune.name, kind: commune.kind, detailedKind: store.reform.kindOf(commune.id) },
    districtId: district.id,
    // loadGrid gives every row unit of the district (store.rows) a row, so the commune always has its own.
    grids: grids.map((g) => ({ ...g, rows: g.rows.filter((r) => r.unitId === commune.id), totalTexts: {} })),
    counts: communeCounts(tables, commune),
    issuedAt,
    seal,
  };
}

function requireGrids(store: Store, district: UnitRecord): Grid[] {
  const grids = gridsOf(store, district);
  if (!grids.length) throw new ExportError(`đơn vị "${district.name}" chưa có biểu nào để gửi cho xã.`);
  return grids;
}

// Names Windows refuses for a file whatever its extension ("Con.xlsx" cannot be created).
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * "Can_Nong.xlsx" per commune; a second commune of the same ASCII name gets "_2", a third "_3".
 * Compared without case, as Windows' file system does.
 */
export function formFileNames(communes: readonly { id: number; name: string }[]): string[] {
  const used = new Set<string>();
  return communes.map((c) => {
    let base = asciiName(c.name) || `Don_Vi_${c.id}`;
    if (RESERVED.test(base)) base = `Xa_${base}`;
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base}_${k}`;
    used.add(name.toLowerCase());
    return `${name}.xlsx`;
  });
}

/** The district's communes with their file names and stored grids, or a Vietnamese reason why not. */
function batchOf(store: Store, district: UnitRecord) {
  const communes = store.rows(district.id);
  if (!communes.length) throw new ExportError(`đơn vị "${district.name}" chưa có xã nào.`);
  const grids = requireGrids(store, district);
  // Read once for the batch: every commune's form carries its row of each table.
  return { communes, names: formFileNames(communes), grids, tables: countTablesOf(store, district, grids) };
}

/** One form per commune of the district, written into outDir (created when missing). */
export async function writeForms(store: Store, outDir: string, opts: WriteFormsOptions = {}): Promise<{ files: FormFile[] }> {
  const district = pickDistrict(store, opts.unitName);
  const { communes, names, grids, tables } = batchOf(store, district);
  const issuedAt = opts.issuedAt ?? new Date();
  const seal = storeSeal(store);
  try {
    await mkdir(outDir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ExportError(`không tạo được thư mục "${outDir}" (${code ?? 'lỗi hệ thống'}).`);
  }
  const files: FormFile[] = [];
  for (let i = 0; i < communes.length; i++) {
    const file = join(outDir, names[i]);
    await writeFileAtomic(file, await writeForm(formArgs(store, district, grids, communes[i], issuedAt, seal, tables)));
    files.push({ commune: communes[i].name, file });
    opts.onProgress?.(i + 1, communes.length);
  }
  return { files };
}

/** One commune's form as bytes (the app's single "send this commune its form" action). */
export async function formForCommune(store: Store, communeId: number, issuedAt: Date = new Date()): Promise<Buffer> {
  const commune = store.getUnit(communeId);
  if (!commune) throw new ExportError(`không có xã #${communeId} trong cơ sở dữ liệu.`);
  const district = commune.parentId ? store.getUnit(commune.parentId) : undefined;
  if (!district) throw new ExportError(`"${commune.name}" không thuộc huyện nào: không có biểu để gửi.`);
  // A commune merged or retired has no row of the district's grids any more (store.rows).
  if (!store.rows(district.id).some((u) => u.id === commune.id)) throw new ExportError(`xã "${commune.name}" đã thôi hiệu lực: không có biểu để gửi.`);
  return writeForm(formArgs(store, district, requireGrids(store, district), commune, issuedAt, storeSeal(store)));
}

/**
 * Every commune's form of a district in one .zip, for a face that can only hand over one file
 * (the browser host's download, one save dialog). The entries are stored, not compressed: an
 * .xlsx is a zip already and would not shrink.
 */
export async function formsZip(store: Store, district: UnitRecord, issuedAt: Date = new Date()): Promise<{ data: Buffer; count: number }> {
  const { communes, names, grids, tables } = batchOf(store, district);
  const seal = storeSeal(store);
  const entries: { name: string; data: Buffer }[] = [];
  for (let i = 0; i < communes.length; i++) {
    entries.push({ name: names[i], data: await writeForm(formArgs(store, district, grids, communes[i], issuedAt, seal, tables)) });
  }
  const zip = new JSZip();
  for (const e of entries) zip.file(e.name, e.data, { date: issuedAt, binary: true });
  return { data: await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' }), count: entries.length };
}
