// Forms cannot be forged or mis-filed silently (issue 8, item 2). A form's origin is signed by the
// database that issued it (electron/core/form-seal.ts); on import, an origin that does not
// verify, an origin of another database that does not match by name, or a name cell that names
// another commune than the origin, is a conflict (or rejected) with a reason naming the communes,
// and nothing is stored — nor counted as sent — unless the officer ticks the file (force).
// Real forms from a real store, edited the way a person with Excel (or a zip tool) would.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN_SHEET } from '../../electron/core/excel/forms';
import { SHEET_LAYOUT } from '../../electron/core/excel/write';
import { pickDistrict } from '../../electron/core/export';
import { formForCommune } from '../../electron/core/forms-out';
import { importBuffer } from '../../electron/core/import';
import { Store } from '../../electron/core/store/store';
import type { UnitRecord } from '../../electron/core/store/types';
import { parseOrigin, serializeOrigin, type FormOrigin } from '../../shared/form-origin';
import { columnsOf } from '../../shared/grid';
import { getTemplate } from '../../shared/templates';
import { unitKey } from '../../shared/text/normalize';

const ROOT = join(import.meta.dirname, '..', '..');
const SEED = join(ROOT, 'seeds', 'ha-quang.xlsx');
const ISSUED = new Date('2025-09-15T08:00:00Z');
const ROW = SHEET_LAYOUT.firstCommuneRow;
const NAME_COL = 2;
/** Phụ lục 2, 2020, 3-year-olds: the Đánh giá, a text any commune may rewrite. */
const SHEET = 'Phụ lục 2';
const KEY = '2020/3 tuổi|Đánh giá';

let dir: string;
let n = 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pcgd-trust-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A database holding the Hà Quảng seed, as an officer's would after the first import. */
async function seeded(): Promise<Store> {
  const store = Store.open(join(dir, `db-${n++}.db`));
  expect((await importBuffer(store, 'ha-quang.xlsx', readFileSync(SEED))).status).toBe('ok');
  return store;
}

function commune(store: Store, name: string): UnitRecord {
  const u = store.children(pickDistrict(store).id).find((c) => unitKey(c.name) === unitKey(name));
  if (!u) throw new Error(`no commune ${name}`);
  return u;
}

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

/** The form edited: fn may retype cells of the grid sheets and rewrite the origin. */
async function edited(buf: Buffer, fn: (wb: ExcelJS.Workbook, origin: FormOrigin) => FormOrigin | void): Promise<Buffer> {
  const wb = await load(buf);
  const cell = wb.getWorksheet(ORIGIN_SHEET)!.getCell('A1');
  expect(wb.getWorksheet(ORIGIN_SHEET)!.getCell('A2').value).toBeNull(); // one chunk: small enough to edit in place
  const origin = parseOrigin(String(cell.value))!;
  const next = fn(wb, origin);
  if (next) cell.value = serializeOrigin(next);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Column of KEY on the form: after STT and the name, the template's columns in order. */
const KEY_COL = 3 + columnsOf(getTemplate('pcgd-mn'), getTemplate('pcgd-mn').defaultLayout).findIndex((c) => c.key === KEY);
const KEY_CELL = `${String.fromCharCode(64 + KEY_COL)}${ROW}`;

/** The Đánh giá a commune writes in its form. */
function writeAssessment(wb: ExcelJS.Workbook, text: string): void {
  wb.getWorksheet(SHEET)!.getCell(ROW, KEY_COL).value = text;
}

function retypeName(wb: ExcelJS.Workbook, name: string): void {
  for (const ws of wb.worksheets) if (ws.name !== ORIGIN_SHEET) ws.getCell(ROW, NAME_COL).value = name;
}

/** What an import could have touched: every stored cell, the audit, the submissions. */
function state(store: Store): string {
  const reports = store.listReports();
  return JSON.stringify({
    cells: reports.map((r) => [r.id, [...store.getValues(r.id)]]),
    audit: reports.map((r) => store.audit(r.id).length),
    sent: [...store.latestSubmissions(pickDistrict(store).id).keys()],
  });
}

function valueOf(store: Store, unit: UnitRecord): string | undefined {
  const report = store.listReports(pickDistrict(store).id).find((r) => r.template === 'pcgd-mn')!;
  return store.getValues(report.id).get(unit.id)?.[KEY];
}

describe('a genuine form of this database', () => {
  it('imports ok unchanged (no change) and filled (its change stored, the commune counted as sent)', async () => {
    const store = await seeded();
    try {
      const canYen = commune(store, 'Cần Yên');
      const form = await formForCommune(store, canYen.id, ISSUED);
      const same = await importBuffer(store, 'Can_Yen.xlsx', form);
      expect([same.status, same.unit, same.changes, same.reason]).toEqual(['ok', 'Cần Yên', [], undefined]);
      const filled = await edited(form, (wb) => writeAssessment(wb, 'Đạt (xã tự đánh giá)'));
      const r = await importBuffer(store, 'Can_Yen.xlsx', filled);
      expect([r.status, r.unit]).toEqual(['ok', 'Cần Yên']);
      expect(r.changes).toEqual([{ sheet: SHEET, cell: KEY_CELL, unitName: 'Cần Yên', column: 'Trẻ 3 tuổi 2020 · Đánh giá', old: expect.any(String), new: 'Đạt (xã tự đánh giá)' }]);
      expect(valueOf(store, canYen)).toBe('Đạt (xã tự đánh giá)');
      expect(store.latestSubmissions(pickDistrict(store).id).has(canYen.id)).toBe(true);
    } finally {
      store.close();
    }
  });
});

describe('a form that cannot be trusted is a conflict, stored only when ticked', () => {
  it('the origin rewritten to send Lương Thông’s values to Cần Yên (the issue’s case): conflict naming both, nothing stored, not counted', async () => {
    const store = await seeded();
    try {
      const canYen = commune(store, 'Cần Yên');
      const luongThong = commune(store, 'Lương Thông');
      const form = await formForCommune(store, luongThong.id, ISSUED);
      // Was: the origin won, the values went to Cần Yên, status ok, Cần Yên shown as sent.
      const forged = await edited(form, (wb, o) => {
        writeAssessment(wb, 'Giá trị giả');
        return { ...o, commune: canYen.name, communeId: canYen.id };
      });
      const before = state(store);
      const r = await importBuffer(store, 'Luong_Thong.xlsx', forged);
      expect(r.status).toBe('conflict');
      expect(r.reason).toContain('Chữ ký của biểu không khớp');
      expect(r.reason).toContain('Biểu ghi là của xã "Cần Yên" nhưng ô tên xã ghi "Lương Thông"');
      expect(state(store)).toBe(before);
      expect(store.latestSubmissions(pickDistrict(store).id).size).toBe(0);

      // Ticked by the officer: stored, into the commune the origin names, and counted.
      const forced = await importBuffer(store, 'Luong_Thong.xlsx', forged, { force: true });
      expect([forced.status, forced.unit]).toEqual(['ok', 'Cần Yên']);
      expect(valueOf(store, canYen)).toBe('Giá trị giả');
      expect([...store.latestSubmissions(pickDistrict(store).id).keys()]).toEqual([canYen.id]);
    } finally {
      store.close();
    }
  });

  it('a genuine origin whose name cell was retyped (a commune filled in its neighbour’s form): conflict naming both', async () => {
    const store = await seeded();
    try {
      const form = await formForCommune(store, commune(store, 'Cần Yên').id, ISSUED);
      const retyped = await edited(form, (wb) => {
        retypeName(wb, 'Lương Thông');
        writeAssessment(wb, 'Đạt');
      });
      const before = state(store);
      const r = await importBuffer(store, 'Can_Yen.xlsx', retyped);
      expect([r.status, r.unit, r.reason]).toEqual(['conflict', 'Cần Yên', 'Biểu ghi là của xã "Cần Yên" nhưng ô tên xã ghi "Lương Thông".']);
      expect(state(store)).toBe(before);
    } finally {
      store.close();
    }
  });

  it('the issued values rewritten (signature no longer verifies), or the signature removed: conflict', async () => {
    const store = await seeded();
    try {
      const form = await formForCommune(store, commune(store, 'Cần Yên').id, ISSUED);
      const before = state(store);
      const issuedEdited = await edited(form, (_wb, o) => ({
        ...o,
        grids: o.grids.map((g) => (g.template === 'pcgd-mn' ? { ...g, values: { ...g.values, [KEY]: 'khác' } } : g)),
      }));
      const noSig = await edited(form, (_wb, o) => ({ ...o, sig: undefined }));
      for (const buf of [issuedEdited, noSig]) {
        const r = await importBuffer(store, 'Can_Yen.xlsx', buf);
        expect(r.status).toBe('conflict');
        expect(r.reason).toMatch(/^Chữ ký của biểu không khớp: phần ghi biểu này của xã "Cần Yên" đã bị sửa sau khi gửi đi\.$/);
      }
      expect(state(store)).toBe(before);
    } finally {
      store.close();
    }
  });

  it('an origin that is no longer one (edited into something the app cannot read): conflict, matched by name', async () => {
    const store = await seeded();
    try {
      const form = await formForCommune(store, commune(store, 'Cần Yên').id, ISSUED);
      const wb = await load(form);
      const cell = wb.getWorksheet(ORIGIN_SHEET)!.getCell('A1');
      cell.value = String(cell.value).replace('"v":1', '"v":9');
      const broken = Buffer.from(await wb.xlsx.writeBuffer());
      const before = state(store);
      const r = await importBuffer(store, 'Can_Yen.xlsx', broken);
      expect([r.status, r.unit, r.reason]).toEqual([
        'conflict',
        'Cần Yên',
        'Phần ghi nguồn gốc của biểu (trang ẩn) bị hỏng hoặc đã bị sửa: không kiểm được đây có đúng là biểu đã gửi cho xã "Cần Yên" không.',
      ]);
      expect(state(store)).toBe(before);
    } finally {
      store.close();
    }
  });

  it('a form sent before forms were signed (no database, no signature): conflict with a clear reason', async () => {
    const store = await seeded();
    try {
      const form = await formForCommune(store, commune(store, 'Cần Yên').id, ISSUED);
      const old = await edited(form, (_wb, o) => ({ ...o, db: undefined, sig: undefined }));
      const before = state(store);
      const r = await importBuffer(store, 'Can_Yen.xlsx', old);
      expect([r.status, r.unit]).toEqual(['conflict', 'Cần Yên']);
      expect(r.reason).toContain('Biểu của xã "Cần Yên" được gửi đi từ phiên bản trước của ứng dụng, chưa có chữ ký');
      expect(state(store)).toBe(before);
      expect((await importBuffer(store, 'Can_Yen.xlsx', old, { force: true })).status).toBe('ok');
    } finally {
      store.close();
    }
  });
});

describe('a form of another database (its signature cannot be checked here)', () => {
  it('whose district, commune and name cell are this database’s by name: matched by name, ok, stored', async () => {
    const mine = await seeded();
    const other = await seeded(); // the same district on another PC: another secret
    try {
      const form = await formForCommune(other, commune(other, 'Cần Yên').id, ISSUED);
      const filled = await edited(form, (wb) => writeAssessment(wb, 'Đạt (từ máy khác)'));
      const r = await importBuffer(mine, 'Can_Yen.xlsx', filled);
      expect([r.status, r.unit, r.reason]).toEqual(['ok', 'Cần Yên', undefined]);
      expect(valueOf(mine, commune(mine, 'Cần Yên'))).toBe('Đạt (từ máy khác)');
    } finally {
      mine.close();
      other.close();
    }
  });

  it('whose name cell names another commune: conflict naming both', async () => {
    const mine = await seeded();
    const other = await seeded();
    try {
      const form = await formForCommune(other, commune(other, 'Cần Yên').id, ISSUED);
      const retyped = await edited(form, (wb) => retypeName(wb, 'Lương Thông'));
      const before = state(mine);
      const r = await importBuffer(mine, 'Can_Yen.xlsx', retyped);
      expect(r.status).toBe('conflict');
      expect(r.reason).toBe('Biểu được gửi đi từ một cơ sở dữ liệu khác, ghi là của xã "Cần Yên" (huyện "Hà Quảng"), nhưng ô tên xã ghi "Lương Thông".');
      expect(state(mine)).toBe(before);
    } finally {
      mine.close();
      other.close();
    }
  });

  it('of a district this database does not have: rejected, naming its commune and district, nothing stored', async () => {
    const mine = await seeded();
    const other = Store.open(join(dir, `db-${n++}.db`));
    try {
      const d = other.addUnit({ parentId: null, name: 'Bảo Lạc', kind: 'huyen' });
      const [c] = other.addUnits(d.id, ['Hưng Đạo'], 'xa');
      other.ensureReport('xmc', d.id, { results: ['2020'], periods: ['2021-2025', '2026-2030'] });
      const form = await formForCommune(other, c.id, ISSUED);
      const before = state(mine);
      const r = await importBuffer(mine, 'Hung_Dao.xlsx', form);
      expect(r.status).toBe('rejected');
      expect(r.reason).toBe('Biểu được gửi đi từ một cơ sở dữ liệu khác, ghi là của xã "Hưng Đạo" (huyện "Bảo Lạc"), không khớp với đơn vị nào của huyện "Hà Quảng" ở đây.');
      expect(state(mine)).toBe(before);
    } finally {
      mine.close();
      other.close();
    }
  });
});
