// The handlers of the unit tree after the 2025 reform (DOMAIN.md §11): the first run of a
// province or commune office, the changes an officer makes in the app (each one audited,
// undoable step of unit_changes) and a change table previewed, then applied.
import { UserError } from '../../shared/errors';
import type { Api } from '../../shared/api';
import { TEMPLATES } from '../../shared/templates';
import { cleanText } from '../../shared/text/normalize';
import { KINDS, planAppChange, splitKind, TYPED_IN_APP, tierOf, unitTitle, viDate, type AppChange, type UnitKind, type UnitSnapshot } from '../../shared/units';
import type { Store } from './store/store';
import { applyChangeTableBytes } from './units';

type UnitsApi = Pick<Api, 'createOffice' | 'unitsView' | 'changeUnits' | 'undoUnitChange' | 'previewChangeTable' | 'applyChangeTable'>;

/** "xã Tổng Cọt"; a name that carries its kind word ("Phường Sông Hiến") is not given a second one. */
function phrase(snap: UnitSnapshot, unitId: number): string {
  const u = snap.units.find((x) => x.id === unitId);
  if (!u) return `đơn vị #${unitId}`;
  return splitKind(u.name).kind ? u.name : `${KINDS[u.kind].word.toLowerCase()} ${u.name}`;
}

/** What the history says of a change made in the app, in the officer's words. */
function summaryOf(snap: UnitSnapshot, c: AppChange): string {
  switch (c.op) {
    case 'add':
      return `Thêm ${unitTitle(c.kind, splitKind(c.name).name)}${c.date ? ` từ ngày ${viDate(c.date)}` : ''}.`;
    case 'rename':
      return `Đổi tên ${phrase(snap, c.unitId)} thành ${cleanText(c.name)} (tên cũ vẫn được nhận ra).`;
    case 'merge':
      return `Nhập ${c.unitIds.map((id) => phrase(snap, id)).join(', ')} thành ${unitTitle(c.kind, splitKind(c.name).name)} từ ngày ${viDate(c.date)}.`;
    case 'retire':
      return `${capital(phrase(snap, c.unitId))} thôi hiệu lực từ ngày ${viDate(c.date)}.`;
  }
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A row of a province office: "Phường Sông Hiến" keeps its kind word, "Xã Trường Hà" is stored as "Trường Hà". */
function communeRow(raw: string): { name: string; kind: UnitKind } {
  const split = splitKind(raw, 'commune');
  const kind = split.kind && tierOf(split.kind) === 'commune' ? split.kind : 'xa';
  return { name: kind === 'xa' ? split.name : cleanText(raw), kind };
}

export function unitsHandlers(store: Store): UnitsApi {
  return {
    async createOffice({ kind, name, rows }) {
      if (store.listUnits().length) throw new UserError('Cơ sở dữ liệu đã có đơn vị: chỉ tạo đơn vị mới khi chưa có gì.');
      const office = splitKind(name).name || cleanText(name);
      const unitId = store.transaction(() => {
        const province = tierOf(kind) === 'province';
        const root = store.addUnit({ parentId: null, name: office, kind: province ? 'tinh' : 'xa' });
        store.setKindWord(root.id, kind);
        // A commune office's rows are its thôn and tổ dân phố, kept as written.
        for (const r of rows) {
          const row = province ? communeRow(r) : { name: cleanText(r), kind: null };
          const u = store.addUnit({ parentId: root.id, name: row.name, kind: 'xa' });
          if (row.kind) store.setKindWord(u.id, row.kind);
        }
        for (const t of TEMPLATES) store.ensureReport(t.id, root.id, t.defaultLayout);
        return root.id;
      });
      return { unitId };
    },

    async unitsView() {
      return { ...store.reform.snapshot(), changes: store.reform.changes() };
    },

    async changeUnits(change) {
      const snap = store.reform.snapshot();
      const planned = planAppChange(snap, change);
      if ('refused' in planned) throw new UserError(planned.refused, 'units.refused');
      const summary = summaryOf(snap, change);
      let changeId: number | null;
      try {
        changeId = store.reform.applyPlan(planned.plan, TYPED_IN_APP, summary).changeId;
      } catch (e) {
        // Two siblings of one tier, one name and one start of validity (migration 7's index).
        if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new UserError(`Đã có đơn vị "${cleanText(change.op === 'retire' ? '' : change.name)}" cùng cấp, cùng ngày hiệu lực.`, 'units.clash');
        throw e;
      }
      if (changeId === null) throw new UserError('Thay đổi này không làm khác gì các đơn vị hiện có.', 'units.nothing');
      return { changeId, summary };
    },

    async undoUnitChange({ changeId }) {
      const entry = store.reform.changes().find((c) => c.id === changeId);
      if (!entry) throw new UserError('Không tìm thấy bước thay đổi này.', 'units.undo');
      if (entry.undone) throw new UserError('Bước này đã được hoàn tác.', 'units.undo');
      if (!store.reform.undoChange(changeId)) {
        throw new UserError('Không hoàn tác được: đơn vị do bước này tạo đã có số liệu hoặc có đơn vị khác thuộc về nó. Hãy hoàn tác các bước sau trước.', 'units.undo');
      }
      return { undone: true as const };
    },

    async previewChangeTable({ file }) {
      const r = await applyChangeTableBytes(store, file.name, Buffer.from(file.data, 'base64'), { dryRun: true });
      return { file: r.file, rows: r.rows, created: r.created };
    },

    async applyChangeTable({ file }) {
      const r = await applyChangeTableBytes(store, file.name, Buffer.from(file.data, 'base64'));
      return { file: r.file, rows: r.rows, created: r.created, changeId: r.changeId };
    },
  };
}
