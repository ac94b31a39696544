// The changes an officer makes in the app (DOMAIN.md §11.1): add a commune, rename one (the old
// name stays an alias), merge several into one from a date, retire one. Pure: each gives the
// same plan shape as the change table, for the store to write as one audited, undoable step.
import { cleanText } from '../text/normalize';
import { KINDS, splitKind, tierOf, unitTitle, type UnitKind } from './kinds';
import { exactKey } from './match';
import { dayBefore } from './days';
import { CODE_SCHEMES, validOn, type SuccessorLink, type UnitRecord, type UnitSnapshot } from './model';
import type { ChangePlan } from './change-table';

export const TYPED_IN_APP = 'nhập trong ứng dụng';

export type AppChange =
  | { op: 'add'; parentId: number; kind: UnitKind; name: string; code?: string; date?: string }
  | { op: 'rename'; unitId: number; name: string }
  | { op: 'merge'; unitIds: number[]; parentId: number; kind: UnitKind; name: string; code?: string; date: string }
  | { op: 'retire'; unitId: number; date: string };

/** A plan, or the Vietnamese sentence saying why the change cannot be made. */
export type AppChangeResult = { plan: ChangePlan } | { refused: string };

const empty = (): ChangePlan & { renames: { unitId: number; name: string }[] } => ({ rows: [], created: [], units: [], links: [], aliases: [], closes: [], renames: [] });
const label = (u: Pick<UnitRecord, 'kind' | 'name'>) => `${KINDS[u.kind].word.toLowerCase()} ${u.name}`;

/** A unit of that name already under the parent on that day (the one being renamed aside). */
function sibling(db: UnitSnapshot, parentId: number, name: string, day: string | null, except?: number): UnitRecord | undefined {
  return db.units.find(
    (u) => u.parentId === parentId && u.id !== except && (day === null || validOn(u, day)) && u.validTo === null && exactKey(u.name) === exactKey(name),
  );
}

export function planAppChange(db: UnitSnapshot, change: AppChange): AppChangeResult {
  const byId = (id: number) => db.units.find((u) => u.id === id);
  const plan = empty();
  switch (change.op) {
    case 'add': {
      const name = splitKind(cleanText(change.name)).name;
      if (!name) return { refused: 'Chưa ghi tên đơn vị.' };
      if (!byId(change.parentId)) return { refused: 'Không tìm thấy đơn vị cấp trên.' };
      const clash = sibling(db, change.parentId, name, change.date ?? null);
      if (clash) return { refused: `Đã có ${label(clash)}.` };
      const u: UnitRecord = {
        id: -1, kind: change.kind, name, parentId: change.parentId, validFrom: change.date ?? null, validTo: null,
        codes: change.code ? [{ scheme: CODE_SCHEMES.new, code: change.code }] : [], aliases: [],
      };
      plan.units.push(u);
      plan.created.push(unitTitle(u.kind, u.name));
      return { plan };
    }
    case 'rename': {
      const u = byId(change.unitId);
      const name = splitKind(cleanText(change.name)).name;
      if (!u) return { refused: 'Không tìm thấy đơn vị cần đổi tên.' };
      if (!name || name === u.name) return { refused: 'Tên mới trùng tên cũ.' };
      const clash = u.parentId !== null ? sibling(db, u.parentId, name, null, u.id) : undefined;
      if (clash) return { refused: `Đã có ${label(clash)}.` };
      plan.renames.push({ unitId: u.id, name });
      // The old name keeps matching files that still write it.
      if (!u.aliases.some((a) => exactKey(a) === exactKey(u.name))) plan.aliases.push({ unitId: u.id, alias: u.name });
      return { plan };
    }
    case 'merge': {
      const olds = change.unitIds.map(byId);
      if (olds.length < 1 || olds.some((u) => !u)) return { refused: 'Không tìm thấy đơn vị cần nhập.' };
      if (new Set(change.unitIds).size !== change.unitIds.length) return { refused: 'Một đơn vị được chọn hai lần.' };
      const name = splitKind(cleanText(change.name)).name;
      if (!name) return { refused: 'Chưa ghi tên đơn vị mới.' };
      const before = dayBefore(change.date);
      for (const u of olds as UnitRecord[]) {
        if (tierOf(u.kind) !== 'commune') return { refused: `${label(u)} không phải cấp xã.` };
        if (!validOn(u, before)) return { refused: `${capital(label(u))} không còn hiệu lực trước ngày nhập.` };
        const whole = db.links.find((l) => l.from === u.id && l.link === 'whole');
        if (whole) return { refused: `${capital(label(u))} đã được nhập vào đơn vị khác.` };
      }
      const clash = db.units.find(
        // The merged units end the day before: the new one may take one of their names (Cần Yên).
        (u) => u.parentId === change.parentId && !change.unitIds.includes(u.id) && validOn(u, change.date) && exactKey(u.name) === exactKey(name),
      );
      if (clash) return { refused: `Đã có ${label(clash)} từ ngày này.` };
      const into: UnitRecord = {
        id: -1, kind: change.kind, name, parentId: change.parentId, validFrom: change.date, validTo: null,
        codes: change.code ? [{ scheme: CODE_SCHEMES.new, code: change.code }] : [], aliases: [],
      };
      plan.units.push(into);
      plan.created.push(unitTitle(into.kind, into.name));
      for (const u of olds as UnitRecord[]) {
        const l: SuccessorLink = { from: u.id, to: into.id, change: 'Nhập toàn bộ', link: 'whole', date: change.date, source: TYPED_IN_APP };
        plan.links.push(l);
        if (u.validTo === null || u.validTo > before) plan.closes.push({ unitId: u.id, validTo: before });
      }
      return { plan };
    }
    case 'retire': {
      const u = byId(change.unitId);
      if (!u) return { refused: 'Không tìm thấy đơn vị.' };
      const before = dayBefore(change.date);
      if (u.validTo !== null && u.validTo <= before) return { refused: `${capital(label(u))} đã hết hiệu lực.` };
      plan.closes.push({ unitId: u.id, validTo: before });
      return { plan };
    }
  }
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
