// export: the district workbook in the official look, built from the stored values only
// (totals computed), written to a temporary file first so a failure never leaves half a file.
import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../../shared/errors';
import type { Grid } from '../../shared/grid';
import { TEMPLATES, type TemplateId } from '../../shared/templates';
import { unitKey } from '../../shared/text/normalize';
import { writeWorkbook } from './excel/write';
import { countTablesOf } from './counts-store';
import type { Store } from './store/store';
import type { UnitRecord } from './store/types';

/** An export that cannot be made; its message (Vietnamese) says why. */
export class ExportError extends UserError {
  constructor(message: string) {
    super(message, 'export');
    this.name = 'ExportError';
  }
}

/** The unit named, else the first district (or the first unit that has communes). */
export function pickDistrict(store: Store, name?: string): UnitRecord {
  if (name) {
    const found = store.listUnits().find((u) => unitKey(u.name) === unitKey(name));
    if (!found) throw new ExportError(`không có đơn vị "${name}" trong cơ sở dữ liệu.`);
    return found;
  }
  // Every unit is listed only when there is no district (a database of a province's communes).
  const found = store.districts()[0] ?? store.listUnits().find((u) => store.children(u.id).length > 0);
  if (!found) throw new ExportError('cơ sở dữ liệu chưa có đơn vị nào: hãy nhập một tệp biểu trước.');
  return found;
}

/** The unit's grids as stored, one per template (the most recently changed when several), of `only`'s templates when given. */
export function gridsOf(store: Store, unit: UnitRecord, only?: readonly TemplateId[]): Grid[] {
  const reports = store.listReports(unit.id);
  return TEMPLATES.filter((t) => !only || only.includes(t.id)).flatMap((t) => {
    const mine = reports.filter((r) => r.template === t.id).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    return mine.length ? [store.loadGrid(mine[0].id)] : [];
  });
}

export async function exportBuffer(store: Store, unitName?: string, date = new Date()): Promise<Buffer> {
  const unit = pickDistrict(store, unitName);
  const grids = gridsOf(store, unit);
  if (!grids.length) throw new ExportError(`đơn vị "${unit.name}" chưa có biểu nào để xuất.`);
  const parent = unit.parentId ? store.getUnit(unit.parentId) : undefined;
  return writeWorkbook({
    unit: { name: unit.name, kind: unit.kind, detailedKind: store.reform.kindOf(unit.id) },
    parent: parent ? { name: parent.name, kind: parent.kind } : null,
    date,
    grids,
    counts: countTablesOf(store, unit, grids),
    targets: store.reform.targets(unit.id).map(({ id: _id, ...t }) => t),
  });
}

/** Writes atomically: a temporary file beside the target, then a rename. */
export async function writeFileAtomic(out: string, data: Buffer): Promise<void> {
  const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, out);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    const code = (e as NodeJS.ErrnoException).code;
    throw new ExportError(
      code === 'EBUSY' || code === 'EPERM' || code === 'EACCES'
        ? `không ghi được "${basename(out)}": tệp đang mở trong Excel hoặc thư mục không cho phép ghi.`
        : code === 'ENOENT'
          ? `thư mục "${dirname(out)}" không tồn tại.`
          : `không ghi được "${basename(out)}" (${code ?? 'lỗi hệ thống'}).`,
    );
  }
}

export async function exportToFile(store: Store, out: string, unitName?: string): Promise<void> {
  await writeFileAtomic(out, await exportBuffer(store, unitName));
}
