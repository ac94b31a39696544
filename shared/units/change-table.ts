// The change table (DOMAIN.md §11.4), pure: a sheet's cells → its rows; rows + the database's
// units → the planned changes, each refused row with its Vietnamese reason. Old units are matched
// by (old district, name) or by code, never by a name alone: another district may hold the same
// name. Writing the plan (one audited, undoable step) is the store's business.
import { cleanText, fold } from '../text/normalize';
import { KINDS, splitKind, tierOf, unitTitle, type Tier, type UnitKind } from './kinds';
import { dayBefore, viDate } from './days';
import { exactKey, matchName } from './match';
import {
  CHANGE_KINDS,
  CODE_SCHEMES,
  linkOf,
  validOn,
  type ChangeKind,
  type SuccessorLink,
  type UnitCode,
  type UnitRecord,
  type UnitSnapshot,
} from './model';
import { REFORM_DATE } from './words';

/** A cell as a workbook reader gives it. */
export type Cell = string | number | boolean | Date | null | undefined;

export const CHANGE_TABLE_HEADINGS = ['Tỉnh', 'Huyện cũ', 'Xã cũ', 'Mã xã cũ', 'Xã mới', 'Mã xã mới', 'Ghi chú', 'Ngày hiệu lực'] as const;

export interface ChangeRow {
  /** The sheet row (1-based). */
  row: number;
  province: string;
  district: string;
  old: string;
  oldCode: string;
  new: string;
  newCode: string;
  note: string;
  /** ISO date, or null when the cell cannot be read as one. */
  date: string | null;
  /** The date cell as written, for the reason when it cannot be read. */
  dateText: string;
}

const headingKey = (s: string) => cleanText(s).toLowerCase().replace(/\s*\/\s*/g, '/');

function text(c: Cell): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return cleanText(String(c));
}

/** A code as text with its leading zeros: a number cell 1414 → "01414". */
function codeText(c: Cell): string {
  if (typeof c === 'number' && Number.isInteger(c) && c >= 0) return String(c).padStart(5, '0');
  return text(c);
}

/** A date cell, or text dd/mm/yyyy; empty = 01/07/2025. */
function dateOf(c: Cell): string | null {
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? null : c.toISOString().slice(0, 10);
  const s = text(c);
  if (s === '') return REFORM_DATE;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return t.toISOString().slice(0, 10);
}

/**
 * The change table of a sheet (rows of cells, row 1 first, column A first): its header within
 * the first 10 rows, its rows until the first empty one. Null when the sheet holds none.
 */
export function readChangeTable(cells: readonly (readonly Cell[])[]): { headerRow: number; rows: ChangeRow[] } | null {
  const want = CHANGE_TABLE_HEADINGS.map(headingKey);
  const header = cells.slice(0, 10).findIndex((r) => want.every((h, i) => headingKey(text(r[i])) === h));
  if (header < 0) return null;
  const rows: ChangeRow[] = [];
  for (let i = header + 1; i < cells.length; i++) {
    const r = cells[i] ?? [];
    if (CHANGE_TABLE_HEADINGS.every((_, j) => text(r[j]) === '')) break;
    rows.push({
      row: i + 1,
      province: text(r[0]),
      district: text(r[1]),
      old: text(r[2]),
      oldCode: codeText(r[3]),
      new: text(r[4]),
      newCode: codeText(r[5]),
      note: text(r[6]),
      date: dateOf(r[7]),
      dateText: text(r[7]),
    });
  }
  return { headerRow: header + 1, rows };
}

/** The first sheet that holds a change table (its name is free). */
export function findChangeTable(sheets: readonly { name: string; cells: readonly (readonly Cell[])[] }[]) {
  for (const s of sheets) {
    const t = readChangeTable(s.cells);
    if (t) return { sheet: s.name, ...t };
  }
  return null;
}

/** "Nhập toàn bộ (sáp nhập …)" → Nhập toàn bộ; the rest of the text is a note. Tones and case ignored. */
export function changeOf(note: string): { change: ChangeKind; rest: string } | null {
  const f = fold(note);
  for (const c of CHANGE_KINDS) {
    const w = fold(c);
    if (f.startsWith(w)) return { change: c, rest: cleanText(note.slice(c.length)).replace(/^[:,;.\-–\s]+/, '') };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------

/** One row of `units apply --json`. */
export interface ChangeRowResult {
  row: number;
  old: string;
  district: string | null;
  new: string;
  change: ChangeKind | null;
  status: 'ok' | 'refused';
  /** The old unit matched, as stored. */
  unit: string | null;
  reason: string | null;
  /** The row's spelling, added to the old unit's aliases. */
  alias?: string;
}

/** A unit the plan creates; its id is negative until the store gives it one. */
export type PlannedUnit = UnitRecord;

export interface ChangePlan {
  rows: ChangeRowResult[];
  /** Titles of the units created, in order ("Tỉnh Cao Bằng", "Xã Tổng Cọt"). */
  created: string[];
  units: PlannedUnit[];
  links: SuccessorLink[];
  aliases: { unitId: number; alias: string }[];
  /** valid_to to set: old communes linked whole, then districts all of whose communes are. */
  closes: { unitId: number; validTo: string }[];
  /** New names of units renamed in the app (the old name is among `aliases`). */
  renames?: { unitId: number; name: string }[];
}

interface Working {
  units: UnitRecord[];
  links: SuccessorLink[];
  nextId: number;
}

const isTier = (u: UnitRecord, t: Tier) => tierOf(u.kind) === t;
const title = (u: UnitRecord) => unitTitle(u.kind, u.name);
const lowerTitle = (kind: UnitKind, name: string) => `${KINDS[kind].word.toLowerCase()} ${name}`;

function findOldUnit(
  r: ChangeRow,
  w: Working,
  before: string,
): { unit: UnitRecord; by: 'code' | 'exact' | 'loose' } | { reason: string } {
  const oldName = splitKind(r.old, 'commune');
  const oldLabel = lowerTitle(oldName.kind ?? 'xa', oldName.name);
  const district = r.district ? splitKind(r.district, 'district') : null;
  const districtLabel = district ? lowerTitle(district.kind ?? 'huyen', district.name) : '';
  const parentOf = (u: UnitRecord) => w.units.find((p) => p.id === u.parentId);

  if (r.oldCode) {
    const byCode = w.units.filter((u) => isTier(u, 'commune') && u.codes.some((c) => c.scheme === CODE_SCHEMES.old && c.code === r.oldCode));
    if (byCode.length > 1) return { reason: `Có ${byCode.length} xã cùng mã ${r.oldCode} trong cơ sở dữ liệu: không biết là xã nào.` };
    if (byCode.length === 1) {
      const u = byCode[0];
      const parent = parentOf(u);
      if (district && (!parent || exactKey(parent.name) !== exactKey(district.name))) {
        return { reason: `Mã xã cũ ${r.oldCode} là ${lowerTitle(u.kind, u.name)}${parent ? ` thuộc ${lowerTitle(parent.kind, parent.name)}` : ''}, không thuộc ${districtLabel}.` };
      }
      return { unit: u, by: 'code' };
    }
  }
  if (!district) {
    return {
      reason: r.oldCode
        ? `Không có xã nào mang mã ${r.oldCode} trong cơ sở dữ liệu, và dòng không ghi huyện cũ.`
        : `Dòng không ghi huyện cũ hay mã xã cũ: không đối chiếu ${oldLabel} theo tên một mình (huyện khác có thể có xã cùng tên).`,
    };
  }
  const districts = w.units.filter((u) => isTier(u, 'district') && validOn(u, before) && exactKey(u.name) === exactKey(district.name));
  if (districts.length === 0) return { reason: `Không tìm thấy ${districtLabel} trong cơ sở dữ liệu.` };
  if (districts.length > 1) return { reason: `Có ${districts.length} ${districtLabel} trong cơ sở dữ liệu: ghi mã xã cũ để biết là xã nào.` };
  const communes = w.units.filter((u) => u.parentId === districts[0].id && isTier(u, 'commune') && validOn(u, before));
  const m = matchName(r.old, communes, { loose: true });
  if (m.found.length === 0) return { reason: `Không tìm thấy ${oldLabel} thuộc ${districtLabel} trong cơ sở dữ liệu.` };
  if (m.found.length > 1) {
    return { reason: `${capital(oldLabel)} khớp ${m.found.length} xã thuộc ${districtLabel} (${m.found.map((u) => u.name).join(', ')}): ghi mã xã cũ để biết là xã nào.` };
  }
  return { unit: m.found[0], by: m.by === 'loose' ? 'loose' : 'exact' };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function findOrPlanProvince(r: ChangeRow, w: Working, plan: ChangePlan): UnitRecord | { reason: string } {
  if (!r.province) return { reason: 'Dòng không ghi tỉnh.' };
  const p = splitKind(r.province, 'province');
  const kind: UnitKind = p.kind === 'thanh-pho-tw' ? 'thanh-pho-tw' : 'tinh';
  const found = w.units.filter((u) => isTier(u, 'province') && exactKey(u.name) === exactKey(p.name));
  if (found.length > 1) return { reason: `Có ${found.length} ${lowerTitle(kind, p.name)} trong cơ sở dữ liệu.` };
  if (found.length === 1) return found[0];
  const created: UnitRecord = { id: -w.nextId++, kind, name: p.name, parentId: null, validFrom: null, validTo: null, codes: [], aliases: [] };
  w.units.push(created);
  plan.units.push(created);
  plan.created.push(title(created));
  return created;
}

/**
 * The changes a table makes to the database. Rows are checked in order; a refused row applies
 * nothing, the others apply. Applying the plan and planning the same table again gives an empty
 * plan (nothing created, linked, aliased or closed).
 */
export function planChanges(rows: readonly ChangeRow[], db: UnitSnapshot, source = ''): ChangePlan {
  const w: Working = {
    units: db.units.map((u) => ({ ...u, codes: [...u.codes], aliases: [...u.aliases] })),
    links: [...db.links],
    nextId: 1,
  };
  const plan: ChangePlan = { rows: [], created: [], units: [], links: [], aliases: [], closes: [] };
  const closedTo = new Map<number, string>();
  const touchedDistricts = new Map<number, string>();

  for (const r of rows) {
    const result: ChangeRowResult = {
      row: r.row, old: r.old, district: r.district || null, new: r.new, change: null, status: 'refused', unit: null, reason: null,
    };
    plan.rows.push(result);
    const refuse = (reason: string) => {
      result.reason = reason;
    };
    const change = changeOf(r.note);
    if (!change) {
      refuse(`Ghi chú "${r.note}" không cho biết loại thay đổi (Giữ nguyên, Đổi tên, Nhập toàn bộ hay Nhập một phần).`);
      continue;
    }
    result.change = change.change;
    if (!r.date) {
      refuse(`Ngày hiệu lực "${r.dateText}" không đọc được (ghi ngày/tháng/năm, ví dụ 01/07/2025).`);
      continue;
    }
    if (!r.old || !r.new) {
      refuse(r.old ? 'Dòng không ghi xã mới.' : 'Dòng không ghi xã cũ.');
      continue;
    }
    const date = r.date;
    const before = dayBefore(date);
    const old = findOldUnit(r, w, before);
    if ('reason' in old) {
      refuse(old.reason);
      continue;
    }
    const link = linkOf(change.change);
    // The new unit: one of this province's units in force on the date, or one to create.
    const newName = splitKind(r.new, 'commune');
    const newKind: UnitKind = newName.kind ?? 'xa';
    const provinceSeen = w.units.find((u) => isTier(u, 'province') && r.province && exactKey(u.name) === exactKey(splitKind(r.province, 'province').name));
    const existingNew = w.units.filter(
      (u) => isTier(u, 'commune') && u.parentId !== null && u.parentId === provinceSeen?.id && validOn(u, date) && exactKey(u.name) === exactKey(newName.name),
    );
    const clash = existingNew.find(
      (u) =>
        u.kind !== newKind ||
        (r.newCode !== '' && u.codes.some((c) => c.scheme === CODE_SCHEMES.new && c.code !== r.newCode)),
    );
    if (clash) {
      const code = clash.codes.find((c) => c.scheme === CODE_SCHEMES.new)?.code;
      refuse(`Tên đơn vị mới "${r.new}" trùng với ${lowerTitle(clash.kind, clash.name)}${code ? ` (mã ${code})` : ''} đã có.`);
      continue;
    }
    // A whole old unit goes to one new unit only.
    const target = existingNew[0];
    const conflicting = w.links.find((l) => l.from === old.unit.id && l.link === 'whole' && (!target || l.to !== target.id));
    if (conflicting) {
      const to = w.units.find((u) => u.id === conflicting.to);
      refuse(`${capital(lowerTitle(old.unit.kind, old.unit.name))} đã ${conflicting.change.toLowerCase()} vào ${to ? lowerTitle(to.kind, to.name) : 'đơn vị khác'} từ ngày ${viDate(conflicting.date)}.`);
      continue;
    }
    if (link === 'whole' && w.links.some((l) => l.from === old.unit.id && (!target || l.to !== target.id))) {
      refuse(`${capital(lowerTitle(old.unit.kind, old.unit.name))} đã được chia cho đơn vị khác: không thể đồng thời ${change.change.toLowerCase()}.`);
      continue;
    }

    // The row applies.
    const province = findOrPlanProvince(r, w, plan);
    if ('reason' in province) {
      refuse(province.reason);
      continue;
    }
    result.status = 'ok';
    result.unit = old.unit.name;
    let newUnit = target;
    if (!newUnit) {
      const codes: UnitCode[] = r.newCode ? [{ scheme: CODE_SCHEMES.new, code: r.newCode }] : [];
      newUnit = { id: -w.nextId++, kind: newKind, name: newName.name, parentId: province.id, validFrom: date, validTo: null, codes, aliases: [] };
      w.units.push(newUnit);
      plan.units.push(newUnit);
      plan.created.push(title(newUnit));
    }
    if (!w.links.some((l) => l.from === old.unit.id && l.to === newUnit.id)) {
      const l: SuccessorLink = {
        from: old.unit.id, to: newUnit.id, change: change.change, link, date,
        source: `${source}${source ? ', ' : ''}dòng ${r.row}`,
        ...(change.rest ? { note: change.rest } : {}),
      };
      w.links.push(l);
      plan.links.push(l);
    }
    // A spelling the unit does not know yet becomes an alias ("Tổng Cọt" for the stored "Tổng Cột").
    const spelled = splitKind(r.old, 'commune').name;
    if (old.by !== 'code' && cleanText(spelled) !== cleanText(splitKind(old.unit.name).name) && !old.unit.aliases.some((a) => cleanText(a) === cleanText(spelled))) {
      old.unit.aliases.push(spelled);
      plan.aliases.push({ unitId: old.unit.id, alias: spelled });
      result.alias = spelled;
    }
    if (link === 'whole' && (old.unit.validTo === null || old.unit.validTo > before) && !closedTo.has(old.unit.id)) {
      closedTo.set(old.unit.id, before);
      plan.closes.push({ unitId: old.unit.id, validTo: before });
    }
    if (old.unit.parentId !== null) touchedDistricts.set(old.unit.parentId, before);
  }

  // An old district closes once all its communes are closed.
  for (const [districtId, before] of touchedDistricts) {
    const d = w.units.find((u) => u.id === districtId);
    if (!d || !isTier(d, 'district') || (d.validTo !== null && d.validTo <= before)) continue;
    const communes = w.units.filter((u) => u.parentId === districtId && isTier(u, 'commune'));
    const closed = (u: UnitRecord) => closedTo.has(u.id) || (u.validTo !== null && u.validTo <= before);
    if (communes.length > 0 && communes.every(closed)) plan.closes.push({ unitId: districtId, validTo: before });
  }
  return plan;
}

/** The snapshot after a plan: what the store writes, for previews and tests. New ids follow the largest. */
export function applyPlan(db: UnitSnapshot, plan: ChangePlan): UnitSnapshot {
  let next = Math.max(0, ...db.units.map((u) => u.id)) + 1;
  const ids = new Map<number, number>();
  for (const u of plan.units) ids.set(u.id, next++);
  const id = (n: number) => ids.get(n) ?? n;
  const units = db.units.map((u) => ({ ...u, aliases: [...u.aliases] }));
  for (const u of plan.units) units.push({ ...u, id: id(u.id), parentId: u.parentId === null ? null : id(u.parentId) });
  for (const a of plan.aliases) units.find((u) => u.id === id(a.unitId))!.aliases.push(a.alias);
  for (const c of plan.closes) units.find((u) => u.id === id(c.unitId))!.validTo = c.validTo;
  for (const r of plan.renames ?? []) units.find((u) => u.id === id(r.unitId))!.name = r.name;
  const links = [...db.links, ...plan.links.map((l) => ({ ...l, from: id(l.from), to: id(l.to) }))];
  return { units, links };
}
