// The handler functions behind every method of the API contract. Plain Node: the Electron IPC
// and the loopback browser host both call these, after validating the payload.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Api, GridView, ReportInfo, UnitNode } from '../../shared/api';
import { TEMPLATES } from '../../shared/templates';
import { asciiName } from '../../shared/text/normalize';
import { exportBuffer, gridsOf, pickDistrict } from './export';
import { importBuffer } from './import';
import type { Store } from './store/store';
import type { ReportRecord, UnitRecord } from './store/types';

export interface HandlerDeps {
  store: Store;
  /** Folder holding ha-quang.xlsx and ha-quang.json. */
  seedsDir: string;
  /** Face-specific: a native save dialog in Electron, a download in the browser host. */
  saveFile: Api['saveFile'];
}

/** A user-facing failure: its message (Vietnamese) is shown as is. */
export class UserError extends Error {}

const unitNode = (u: UnitRecord): UnitNode => ({ id: u.id, parentId: u.parentId, name: u.name, kind: u.kind });
const reportInfo = (r: ReportRecord): ReportInfo => ({ id: r.id, unitId: r.unitId, template: r.template, layout: r.layout, updatedAt: r.updatedAt });

export function createHandlers({ store, seedsDir, saveFile }: HandlerDeps): Api {
  const decode = (data: string) => Buffer.from(data, 'base64');

  function gridView(report: ReportRecord): GridView {
    const unit = store.getUnit(report.unitId)!;
    const others = gridsOf(store, unit).filter((g) => g.template !== report.template);
    const knownUnits = store.children(unit.id).flatMap((u) => [u.name, ...store.aliases(u.id)]);
    return { report: reportInfo(report), unit: unitNode(unit), grid: store.loadGrid(report.id), context: others, knownUnits };
  }

  return {
    async overview() {
      return { units: store.listUnits().map(unitNode), reports: store.listReports().map(reportInfo) };
    },

    async loadDemo() {
      if (store.listUnits().length) throw new UserError('Cơ sở dữ liệu đã có dữ liệu: chỉ nạp dữ liệu mẫu khi chưa có gì.');
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

    async setCells({ reportId, writes }) {
      const changes = store.setValues(reportId, writes, { kind: 'typed' });
      return { changed: changes.length, savedAt: new Date().toISOString() };
    },

    async previewImport({ files }) {
      const out = [];
      for (const f of files) out.push(await importBuffer(store, f.name, decode(f.data), { dryRun: true }));
      return { files: out };
    },

    async applyImport({ files }) {
      const out = [];
      for (const f of files) out.push(await importBuffer(store, f.name, decode(f.data)));
      return { files: out };
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
      return { changed: store.restore(auditId).length };
    },
  };
}
