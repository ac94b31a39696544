// Routing by hash: "#/grid/<templateId>" (the first district) or "#/grid/<templateId>/<unitId>";
// "#/completeness" or "#/completeness/<unitId>": which communes have sent their forms;
// "#/overview" or "#/overview/<unitId>": the charts of the levels (Tổng quan);
// "#/backups": the database's backups ("Sao lưu và khôi phục"); "#/units": the units and their changes.
// No React here: the page's first chunk (early.ts) reads the route (useHash.ts follows it).
import { isTemplateId, type TemplateId } from '../../../shared/templates';

export type Route =
  | { page: 'home' }
  | { page: 'grid'; template: TemplateId; unitId?: number }
  | { page: 'completeness'; unitId?: number }
  | { page: 'overview'; unitId?: number }
  | { page: 'backups' }
  | { page: 'units' };

export function parseHash(hash: string): Route {
  const m = /^#\/grid\/([^/?#]+)(?:\/(\d+))?\/?$/.exec(hash);
  if (m) {
    const id = decodeURIComponent(m[1]);
    if (isTemplateId(id)) return { page: 'grid', template: id, unitId: m[2] ? Number(m[2]) : undefined };
  }
  const c = /^#\/completeness(?:\/(\d+))?\/?$/.exec(hash);
  if (c) return { page: 'completeness', unitId: c[1] ? Number(c[1]) : undefined };
  const o = /^#\/overview(?:\/(\d+))?\/?$/.exec(hash);
  if (o) return { page: 'overview', unitId: o[1] ? Number(o[1]) : undefined };
  if (/^#\/backups\/?$/.test(hash)) return { page: 'backups' };
  if (/^#\/units\/?$/.test(hash)) return { page: 'units' };
  return { page: 'home' };
}

export const BACKUPS_HASH = '#/backups';

/** "Đơn vị hành chính": the units, their changes (add, rename, merge, retire, a change table) and their history. */
export const UNITS_HASH = '#/units';

export function gridHash(template: TemplateId, unitId?: number): string {
  return `#/grid/${template}${unitId ? `/${unitId}` : ''}`;
}

export function completenessHash(unitId?: number): string {
  return `#/completeness${unitId ? `/${unitId}` : ''}`;
}

/** "Tổng quan": the charts of the district's levels. */
export function overviewHash(unitId?: number): string {
  return `#/overview${unitId ? `/${unitId}` : ''}`;
}

export function navigate(hash: string, replace = false): void {
  if (replace) window.location.replace(hash);
  else window.location.hash = hash;
}
