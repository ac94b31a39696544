// `export --as-of DATE` (DOMAIN.md §11.5): the province workbook by the units in force on DATE,
// one row per new commune, a mark where the old communes' marks give a lower bound and blank
// (with "chưa xác định" in the group's Đánh giá, where it has one) where they do not. Old grids
// are read, never rewritten. The header and total row take the province's words ("ỦY BAN NHÂN
// DÂN TỈNH …", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Tổng toàn tỉnh").
import { groupsOf, type Grid } from '../../shared/grid';
import { TEMPLATES } from '../../shared/templates';
import { unitKey } from '../../shared/text/normalize';
import { tierOf, validOn, type UnitSnapshot } from '../../shared/units';
import { ExportError, writeFileAtomic } from './export';
import { writeWorkbook } from './excel/write';
import type { Store } from './store/store';
import { rebaseView } from './units';

/** The province the export is for: the one named, else the only province with communes in force on the day. */
function provinceFor(snap: UnitSnapshot, asOf: string, name?: string) {
  const provinces = snap.units.filter((u) => tierOf(u.kind) === 'province' && (!name || unitKey(u.name) === unitKey(name.replace(/^(tỉnh|thành phố)\s+/i, ''))));
  const withCommunes = provinces.filter((p) => snap.units.some((u) => u.parentId === p.id && validOn(u, asOf)));
  if (withCommunes.length === 0) throw new ExportError(`không có tỉnh nào${name ? ` tên "${name}"` : ''} có xã trong cơ sở dữ liệu vào ngày ${asOf}: hãy áp dụng bảng chuyển đổi đơn vị trước (units apply).`);
  if (withCommunes.length > 1) throw new ExportError(`có ${withCommunes.length} tỉnh trong cơ sở dữ liệu: ghi --unit để chọn một.`);
  return withCommunes[0];
}

export async function exportAsOfBuffer(store: Store, asOf: string, unitName?: string, date = new Date()): Promise<Buffer> {
  const snap = store.reform.snapshot();
  const province = provinceFor(snap, asOf, unitName);
  const communes = snap.units.filter((u) => u.parentId === province.id && validOn(u, asOf) && tierOf(u.kind) === 'commune');
  const view = rebaseView(store, asOf);
  const titleOf = (u: (typeof communes)[number]) => `${u.kind === 'xa' ? 'Xã' : u.kind === 'phuong' ? 'Phường' : 'Đặc khu'} ${u.name}`;
  const reports = store.listReports();
  const grids: Grid[] = [];
  for (const t of TEMPLATES) {
    // The layout of the old grids of that template (the most recent), which the bounds are given for.
    const old = reports.filter((r) => r.template === t.id).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
    if (!old) continue;
    const groups = groupsOf(t, old.layout);
    const rows = communes.map((c) => {
      const values: Record<string, string> = {};
      const rebased = view.units.find((u) => u.unit === titleOf(c));
      for (const g of groups) {
        const b = rebased?.groups.find((x) => x.template === t.id && x.group === g.id);
        if (b?.level) {
          const i = g.marks.findIndex((_, j) => (t.scale === 'pass' ? (g.ranks[j] === 1 ? t.marks[0] : null) : t.marks[g.ranks[j] - 1]) === b.level);
          if (i >= 0) values[g.marks[i]] = 'x';
        } else if (g.assessment) values[g.assessment] = 'Chưa xác định';
      }
      return { unit: c.name, values };
    });
    grids.push({ template: t.id, layout: old.layout, rows, totalTexts: {} });
  }
  if (!grids.length) throw new ExportError('cơ sở dữ liệu chưa có biểu nào để suy ra mức theo đơn vị mới.');
  const [y, m, d] = asOf.split('-');
  // The marks are a lower bound and must be read as one (DOMAIN.md §11.5): said on every sheet.
  const noteAddendum = `Theo đơn vị hành chính có hiệu lực ngày ${d}/${m}/${y}: dấu "x" là mức tối thiểu suy ra từ kết quả các xã trước sắp xếp (xã mới đạt ít nhất mức mà mọi xã cũ hợp thành đều đạt); "Chưa xác định" khi một xã cũ chưa có dấu, chỉ nhập một phần, hoặc khác nhau về địa bàn đặc biệt khó khăn.`;
  return writeWorkbook({ unit: { name: province.name, kind: 'tinh' }, parent: null, date, grids, noteAddendum });
}

export async function exportAsOfToFile(store: Store, out: string, asOf: string, unitName?: string): Promise<void> {
  await writeFileAtomic(out, await exportAsOfBuffer(store, asOf, unitName));
}
