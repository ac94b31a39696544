// Routing by hash: "#/grid/<templateId>" (the first district) or "#/grid/<templateId>/<unitId>";
// "#/completeness" or "#/completeness/<unitId>": which communes have sent their forms;
// "#/overview" or "#/overview/<unitId>": the charts of the levels (Tổng quan);
// "#/follow-up" or "#/follow-up/<unitId>": the notes and follow-up flags (Cần theo dõi);
// "#/backups": the database's backups ("Sao lưu và khôi phục");
// "#/targets" or "#/targets/<unitId>": the plan's targets ("Mục tiêu kế hoạch");
// "#/counts/<countTemplateId>[/<unitId>[/<year>]]": a district's count table (DOMAIN.md §9);
// "#/units": the units and their changes ("Đơn vị hành chính").
// No React here: the page's first chunk (early.ts) reads the route (useHash.ts follows it).
import { isTemplateId, type TemplateId } from '../../../shared/templates';
import { isCountTemplateId, type CountTemplateId } from '../../../shared/counts/templates';

export type Route =
  | { page: 'home' }
  | { page: 'grid'; template: TemplateId; unitId?: number }
  | { page: 'completeness'; unitId?: number }
  | { page: 'overview'; unitId?: number }
  | { page: 'follow-up'; unitId?: number }
  | { page: 'backups' }
  | { page: 'targets'; unitId?: number }
  | { page: 'counts'; template: CountTemplateId; unitId?: number; year?: string }
  | { page: 'units' };

/** A part of the address undone from its %-escapes, or null for a malformed one ("%E0"): read as no route, not thrown. */
function decoded(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

export function parseHash(hash: string): Route {
  const m = /^#\/grid\/([^/?#]+)(?:\/(\d+))?\/?$/.exec(hash);
  if (m) {
    const id = decoded(m[1]);
    if (id !== null && isTemplateId(id)) return { page: 'grid', template: id, unitId: m[2] ? Number(m[2]) : undefined };
  }
  const c = /^#\/completeness(?:\/(\d+))?\/?$/.exec(hash);
  if (c) return { page: 'completeness', unitId: c[1] ? Number(c[1]) : undefined };
  const o = /^#\/overview(?:\/(\d+))?\/?$/.exec(hash);
  if (o) return { page: 'overview', unitId: o[1] ? Number(o[1]) : undefined };
  const f = /^#\/follow-up(?:\/(\d+))?\/?$/.exec(hash);
  if (f) return { page: 'follow-up', unitId: f[1] ? Number(f[1]) : undefined };
  if (/^#\/backups\/?$/.test(hash)) return { page: 'backups' };
  const t = /^#\/targets(?:\/(\d+))?\/?$/.exec(hash);
  if (t) return { page: 'targets', unitId: t[1] ? Number(t[1]) : undefined };
  const k = /^#\/counts\/([a-z-]+)(?:\/(\d+)(?:\/(\d{4}))?)?\/?$/.exec(hash);
  if (k && isCountTemplateId(k[1])) return { page: 'counts', template: k[1], unitId: k[2] ? Number(k[2]) : undefined, year: k[3] };
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

/** "Cần theo dõi": the district's notes and follow-up flags. */
export function followUpHash(unitId?: number): string {
  return `#/follow-up${unitId ? `/${unitId}` : ''}`;
}

/** "Mục tiêu kế hoạch": the plan's targets, checked on the grids. */
export function targetsHash(unitId?: number): string {
  return `#/targets${unitId ? `/${unitId}` : ''}`;
}

/** A district's count table: of a year, or the newest stored. */
export function countsHash(template: CountTemplateId, unitId?: number, year?: string): string {
  return `#/counts/${template}${unitId ? `/${unitId}${year ? `/${year}` : ''}` : ''}`;
}

export function navigate(hash: string, replace = false): void {
  if (replace) window.location.replace(hash);
  else window.location.hash = hash;
}
