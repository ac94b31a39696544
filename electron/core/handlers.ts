// The handler functions behind every method of the API contract. Plain Node: the Electron IPC
// and the loopback browser host both call these, after validating the payload.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../shared/errors';
import type { Api, GridContext, GridView, ReportInfo, UnitNode } from '../../shared/api';
import { columnsOf } from '../../shared/grid';
import { contextTemplates } from '../../shared/rules';
import { getTemplate, TEMPLATES } from '../../shared/templates';
import { asciiName } from '../../shared/text/normalize';
import { officeWords } from '../../shared/units/words';
import { districtErrors } from './check-district';
import { checkCountWrites, countFindingsOn, countsHandlers } from './counts-handlers';
import { isCountTemplateId } from '../../shared/counts';
import { exportBuffer, gridsOf, pickDistrict } from './export';
import { followUpsOf } from './follow-ups';
import { importBuffer } from './import';
import { formsZip } from './forms-out';
import { targetsHandlers } from './targets-handlers';
import { unitOrDistrict } from './unit-or-district';
import { unitsHandlers } from './units-handlers';
import type { ParsePool } from './batch/pool';
import { BatchRegistry } from './batch/registry';
import { backupDir, backupStore, listBackups } from './store/backup';
import { asDbFault } from './store/db-faults';
import type { Store } from './store/store';
import type { ReportRecord, UnitRecord } from './store/types';

export interface HandlerDeps {
  store: Store;
  /** Worker threads that parse files; the face that creates it closes it. */
  pool: ParsePool;
  /** Folder holding ha-quang.xlsx and ha-quang.json; absent where the demo is never offered (the CLI). */
  seedsDir?: string;
  /** Face-specific: a native save dialog in Electron, a download in the browser host. */
  saveFile: Api['saveFile'];
  /** Replacing the database means closing and reopening it: the session (session.ts) does that. */
  restoreBackup?: Api['restoreBackup'];
  /** Shared with the session, which must not replace the database under a running batch. */
  batches?: BatchRegistry;
}

const entry = ({ name, at, size }: { name: string; at: string; size: number }) => ({ name, at, size });

/** Every method's database fault (locked, read-only, full…) as the officer's sentence naming the file. */
function withDbFaults(api: Api, file: string): Api {
  const wrapped = {} as Record<string, (input: unknown) => Promise<unknown>>;
  for (const [name, fn] of Object.entries(api) as [string, (input: unknown) => Promise<unknown>][]) {
    wrapped[name] = async (input) => {
      try {
        return await fn(input);
      } catch (e) {
        throw asDbFault(e, file);
      }
    };
  }
  return wrapped as unknown as Api;
}


const unitNode = (u: UnitRecord): UnitNode => ({ id: u.id, parentId: u.parentId, name: u.name, kind: u.kind });

export function createHandlers(deps: HandlerDeps): Api {
  return withDbFaults(handlersOf(deps), deps.store.file);
}

function handlersOf({ store, pool, seedsDir, saveFile, restoreBackup, batches = new BatchRegistry(store, pool) }: HandlerDeps): Api {
  const reportInfo = (r: ReportRecord): ReportInfo => ({ id: r.id, unitId: r.unitId, template: r.template, layout: r.layout, updatedAt: r.updatedAt, locked: store.isLocked(r.id) });
  const decode = (data: string) => Buffer.from(data, 'base64');
  const inputsOf = (files: { name: string; data: string }[]) => files.map((f, index) => ({ index, name: f.name, load: async () => decode(f.data) }));

  function gridView(report: ReportRecord): GridView {
    // The grid's total row and headers follow the unit's own kind word (a phường: "Tổng toàn phường").
    const unit = { ...unitNode(store.getUnit(report.unitId)!), detailedKind: store.reform.kindOf(report.unitId) };
    return { report: reportInfo(report), unit, grid: store.loadGrid(report.id) };
  }

  function gridContext(report: ReportRecord): GridContext {
    const unit = store.getUnit(report.unitId)!;
    // The other grids the rules look across (for a THCS grid: TH and XMC), not all of them.
    const others = gridsOf(store, unit, contextTemplates(getTemplate(report.template)).filter((t) => t !== report.template));
    // One query for every commune's aliases (a country has 3,321 communes).
    const aliases = store.childAliases(unit.id);
    const children = store.rows(unit.id);
    const knownUnits = children.flatMap((u) => [u.name, ...(aliases.get(u.id) ?? [])]);
    const countFindings = countFindingsOn(store, unit, children, report);
    const targets = store.reform.targets(unit.id).filter((t) => t.programme === report.template).map(({ id: _id, ...t }) => t);
    const base = { others, knownUnits, targets, rowWord: officeWords(unit.kind, unit.name).rowWord };
    return countFindings.length ? { ...base, countFindings } : base;
  }

  /**
   * A write must name a cell the report's grid has: a column of its template under its layout,
   * on a row of one of its unit's communes, or a Đánh giá of the total row (the unit's own
   * texts). Anything else would be stored where no grid shows it, or in another district's row.
   * One bad write refuses the whole call, so an edit is stored whole or not at all.
   */
  function checkWrites(reportId: number, writes: readonly { unitId: number; key: string }[]): void {
    const report = store.getReport(reportId);
    if (!report) throw new UserError('Không tìm thấy biểu này trong cơ sở dữ liệu.');
    if (isCountTemplateId(report.template)) return checkCountWrites(store, report, writes as readonly { unitId: number; key: string; value?: string }[]);
    const template = getTemplate(report.template);
    const kinds = new Map(columnsOf(template, report.layout).map((c) => [c.key, c.kind]));
    const unit = store.getUnit(report.unitId)!;
    const rows = new Set(store.rows(unit.id).map((u) => u.id));
    for (const w of writes) {
      const kind = kinds.get(w.key.normalize('NFC'));
      if (!kind) throw new UserError(`Không lưu được: "${w.key}" không phải là một cột của ${template.appendix}. Không ô nào của lần sửa này được lưu.`);
      const ownText = w.unitId === unit.id && kind === 'text';
      if (!rows.has(w.unitId) && !ownText) {
        const other = store.getUnit(w.unitId);
        const who = other ? `"${other.name}"` : `đơn vị #${w.unitId}`;
        // One of its communes no longer in force (merged, retired): its stored values stay as they were.
        if (other?.parentId === unit.id) throw new UserError(`Không lưu được: ${who} đã thôi hiệu lực, không còn là một dòng của ${template.appendix}. Không ô nào của lần sửa này được lưu.`);
        throw new UserError(`Không lưu được: ${who} không phải là một xã của ${unit.name} trong ${template.appendix}. Không ô nào của lần sửa này được lưu.`);
      }
    }
  }

  return {
    async overview() {
      // The unit tree lists a commune where it is a row of its parent's grids (store.rows): not
      // once merged or retired. Districts and provinces stay, retired or not: their grids do.
      const units = store.listUnits();
      const parents = new Set(units.flatMap((u) => (u.kind === 'xa' && u.parentId !== null ? [u.parentId] : [])));
      const rows = new Set([...parents].flatMap((p) => store.rows(p).map((u) => u.id)));
      const listed = units.filter((u) => u.kind !== 'xa' || u.parentId === null || rows.has(u.id));
      return { units: listed.map(unitNode), reports: store.listReports().map(reportInfo) };
    },

    async loadDemo() {
      if (store.listUnits().length) throw new UserError('Cơ sở dữ liệu đã có dữ liệu: chỉ nạp dữ liệu mẫu khi chưa có gì.');
      if (!seedsDir) throw new UserError('Bản này không kèm dữ liệu mẫu.');
      const meta = JSON.parse(await readFile(join(seedsDir, 'ha-quang.json'), 'utf8')) as { district: string; province: string; communes: string[] };
      const district = store.transaction(() => {
        const province = store.addUnit({ parentId: null, name: meta.province, kind: 'tinh' });
        const d = store.addUnit({ parentId: province.id, name: meta.district, kind: 'huyen' });
        for (const c of meta.communes) store.addUnit({ parentId: d.id, name: c, kind: 'xa' });
        return d;
      });
      const r = await importBuffer(store, 'ha-quang.xlsx', await readFile(join(seedsDir, 'ha-quang.xlsx')));
      if (r.status === 'rejected') throw new UserError(`Không nạp được dữ liệu mẫu: ${r.reason}`);
      return { unitId: district.id };
    },

    async createDistrict({ name, communes }) {
      const d = store.transaction(() => {
        const unit = store.addUnit({ parentId: null, name, kind: 'huyen' });
        for (const c of communes) store.addUnit({ parentId: unit.id, name: c, kind: 'xa' });
        for (const t of TEMPLATES) store.ensureReport(t.id, unit.id, t.defaultLayout);
        return unit;
      });
      return { unitId: d.id };
    },

    async openGrid({ reportId, template, unitId }) {
      let report: ReportRecord | undefined;
      if (reportId) report = store.getReport(reportId);
      else {
        const unit = unitId ? store.getUnit(unitId) : pickDistrict(store);
        const reports = unit ? store.listReports(unit.id).filter((r) => !template || r.template === template) : [];
        report = reports.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
        if (!report && unit && template) {
          const t = TEMPLATES.find((x) => x.id === template)!;
          report = store.ensureReport(t.id, unit.id, t.defaultLayout);
        }
      }
      if (!report) throw new UserError('Không tìm thấy biểu này trong cơ sở dữ liệu.');
      return gridView(report);
    },

    async openContext({ reportId }) {
      const report = store.getReport(reportId);
      if (!report) throw new UserError('Không tìm thấy biểu này trong cơ sở dữ liệu.');
      return gridContext(report);
    },

    async setCells({ reportId, writes }) {
      checkWrites(reportId, writes);
      const changes = store.setValues(reportId, writes, { kind: 'typed' });
      return { changed: changes.length, savedAt: new Date().toISOString() };
    },

    async startImport({ files, dryRun, force, accept, forceFiles }) {
      const chosen = accept ? new Set(accept) : null;
      const forced = new Set(forceFiles ?? []);
      const inputs = inputsOf(files)
        .filter((f) => !chosen || chosen.has(f.index))
        .map((f) => (forced.has(f.index) ? { ...f, force: true } : f));
      if (!dryRun) await backupStore(store); // before every import that stores: the state it starts from
      return { batchId: batches.start(inputs, { dryRun, force }) };
    },

    async importStatus({ batchId, since }) {
      const s = batches.status(batchId, since);
      if (!s) throw new UserError('Không tìm thấy đợt nhập này (có thể ứng dụng đã khởi động lại).');
      return s;
    },

    async cancelImport({ batchId }) {
      return { cancelled: batches.cancel(batchId) };
    },

    async completeness({ unitId }) {
      const unit = unitOrDistrict(store, unitId);
      const latest = store.latestSubmissions(unit.id);
      return {
        unit: unitNode(unit),
        communes: store.rows(unit.id).map((c) => {
          const s = latest.get(c.id);
          return { unitId: c.id, name: c.name, file: s?.file ?? null, at: s?.at ?? null, changes: s?.changes ?? null, errors: s?.errors ?? null };
        }),
      };
    },

    async exportForms({ unitId }) {
      const unit = unitOrDistrict(store, unitId);
      const zip = await formsZip(store, unit);
      return { name: `Bieu_gui_xa_${asciiName(unit.name)}.zip`, data: zip.data.toString('base64'), count: zip.count };
    },

    async exportWorkbook({ unitId }) {
      const unit = unitId ? store.getUnit(unitId) : pickDistrict(store);
      if (!unit) throw new UserError('Không tìm thấy đơn vị cần xuất.');
      const buf = await exportBuffer(store, unit.name);
      return { name: `Bao_cao_PCGD_XMC_${asciiName(unit.name)}.xlsx`, data: buf.toString('base64') };
    },

    saveFile,

    async audit({ reportId, unitId, key, limit }) {
      return { entries: store.audit(reportId, { unitId, key, limit }) };
    },

    async restore({ auditId }) {
      // Putting a value back is a write like any other: never into a commune no longer a row
      // (merged, retired), whose stored values stay as they were (DOMAIN.md §11).
      const target = store.auditTarget(auditId);
      const report = target && store.getReport(target.reportId);
      if (report && target.unitId !== null && target.unitId !== report.unitId && !store.rows(report.unitId).some((u) => u.id === target.unitId)) {
        const unit = store.getUnit(target.unitId);
        throw new UserError(
          `Không khôi phục được: ${unit ? `"${unit.name}"` : 'đơn vị này'} không còn là một dòng của biểu (đã thôi hiệu lực hoặc đã nhập vào đơn vị khác). Giá trị cũ vẫn được giữ trong lịch sử.`,
        );
      }
      return { changed: store.restore(auditId).length };
    },

    async backups() {
      return { dbFile: store.file, dir: backupDir(store.file), backups: listBackups(store.file).map(entry) };
    },

    async backupNow() {
      return { backup: entry(await backupStore(store)) };
    },

    restoreBackup:
      restoreBackup ??
      (async () => {
        throw new UserError('Ở đây không khôi phục được: hãy dùng lệnh restore khi ứng dụng đã đóng.', 'backup.unavailable');
      }),

    async checkDistrict({ unitId }) {
      const unit = unitOrDistrict(store, unitId);
      return { unit: unitNode(unit), ...districtErrors(store, unit) };
    },

    async setNote({ reportId, unitId, key, note, followUp }) {
      checkWrites(reportId, [{ unitId, key }]);
      store.setNote(reportId, unitId, key.normalize('NFC'), note, followUp);
      return { saved: true as const };
    },

    async notes({ reportId }) {
      if (!store.getReport(reportId)) throw new UserError('Không tìm thấy biểu này trong cơ sở dữ liệu.');
      return { notes: store.notes(reportId) };
    },

    async setLocked({ reportId, locked }) {
      if (!store.getReport(reportId)) throw new UserError('Không tìm thấy biểu này trong cơ sở dữ liệu.');
      store.setLocked(reportId, locked);
      return { locked: store.isLocked(reportId) };
    },

    async followUps({ unitId }) {
      const unit = unitOrDistrict(store, unitId);
      return { unit: unitNode(unit), items: followUpsOf(store, unit) };
    },

    async noteHistory({ reportId, unitId, key }) {
      if (!store.getReport(reportId)) throw new UserError('Không tìm thấy biểu này trong cơ sở dữ liệu.');
      return { entries: store.noteEvents(reportId, unitId, key.normalize('NFC')) };
    },

    ...targetsHandlers(store),
    ...countsHandlers(store),
    ...unitsHandlers(store),
  };
}
