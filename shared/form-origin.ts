// What a commune's form says about where it came from: which district and commune it was issued
// for, when, and the values it carried then. The form carries it in a hidden sheet (forms.ts),
// so a returned file can be matched to its commune by id rather than by a name someone may have
// retyped, and its changes told apart from changes made in the app since it went out.
//
// The text travels inside a file that has been in other hands: parseOrigin trusts nothing and
// answers null for anything that is not exactly what serializeOrigin wrote. Since forms are
// signed, an origin also names the database that issued it (db) and carries that database's
// signature (sig) over signedText: the import checks it (electron/core/form-seal.ts) before
// it lets the origin say which commune the file is and what was issued. Forms sent before that
// have neither field.
import { z } from 'zod';
import { columnsOf } from './grid';
import { getTemplate, isTemplateId, type Layout, type TemplateId } from './templates';

export interface FormOrigin {
  v: 1;
  district: string;
  districtId: number;
  commune: string;
  communeId: number;
  /** ISO 8601, UTC. */
  issuedAt: string;
  grids: {
    template: TemplateId;
    layout: Layout;
    /** The commune's values as issued, by column key; a blank cell has no entry. */
    values: Record<string, string>;
  }[];
  /** Which database issued the form: an id derived from its secret (form-seal.ts). */
  db?: string;
  /** HMAC-SHA256 (hex) of signedText(origin) under the issuing database's secret. */
  sig?: string;
}

const id = z.number().int().positive();
// Bounds keep a tampered text from making the app hold something absurd; real values are short.
const name = z.string().trim().min(1).max(200);
const label = z.string().min(1).max(100);

const gridSchema = z
  .object({
    template: z.string().refine(isTemplateId),
    layout: z.object({ results: z.array(label).max(50), periods: z.array(label).max(50) }),
    values: z.record(z.string().max(200), z.string().max(500)),
  })
  // A key the template does not have under this layout would name a cell no sheet holds.
  .refine((g) => {
    // Zod goes on to object checks after a failed field check: the template may be unknown here.
    if (!isTemplateId(g.template)) return false;
    const keys = new Set(columnsOf(getTemplate(g.template), g.layout).map((c) => c.key));
    return Object.keys(g.values).every((k) => keys.has(k));
  });

const originSchema = z.object({
  v: z.literal(1),
  district: name,
  districtId: id,
  commune: name,
  communeId: id,
  issuedAt: z.iso.datetime(),
  grids: z.array(gridSchema).max(20),
  db: z.string().regex(/^[0-9a-f]{32}$/).optional(),
  sig: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});

/** Fixed key order, values sorted by key: the same origin always gives the same text. */
function canonical(o: FormOrigin) {
  return {
    v: o.v,
    ...(o.db === undefined ? {} : { db: o.db }),
    district: o.district,
    districtId: o.districtId,
    commune: o.commune,
    communeId: o.communeId,
    issuedAt: o.issuedAt,
    grids: o.grids.map((g) => ({
      template: g.template,
      layout: { results: [...g.layout.results], periods: [...g.layout.periods] },
      values: Object.fromEntries(Object.entries(g.values).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    })),
  };
}

/**
 * What the signature covers: everything that identifies the form (database, district, commune,
 * issue date) and everything that was issued (each grid, its layout, its values), in one
 * canonical text, so a change to any of it, or a re-ordering, breaks the signature.
 */
export function signedText(o: FormOrigin): string {
  return JSON.stringify(canonical(o));
}

export function serializeOrigin(o: FormOrigin): string {
  return JSON.stringify({ ...canonical(o), ...(o.sig === undefined ? {} : { sig: o.sig }) });
}

/** The origin a form carries, or null when the text is not one (edited, cut short, another app's). */
export function parseOrigin(text: string): FormOrigin | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  const r = originSchema.safeParse(data);
  if (!r.success) return null;
  const o = r.data;
  // The same shape the form was written from (canonical copies every array and record).
  const grids = o.grids as FormOrigin['grids'];
  return { ...canonical({ ...o, v: 1, grids }), ...(o.sig === undefined ? {} : { sig: o.sig }) };
}
