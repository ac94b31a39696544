import { pcgdMn } from './pcgd-mn';
import { pcgdTh } from './pcgd-th';
import { pcgdThcs } from './pcgd-thcs';
import type { TemplateDef, TemplateId } from './types';
import { xmc } from './xmc';

export type { Layout, TemplateDef, TemplateId } from './types';

/** Every template the app knows, in appendix order. Adding a grid is adding an entry here. */
export const TEMPLATES = [xmc, pcgdMn, pcgdTh, pcgdThcs] as const;

/** The ids, derived from the definitions (the contract's z.enum takes them from here). */
export const TEMPLATE_IDS = TEMPLATES.map((t) => t.id) as [TemplateId, ...TemplateId[]];

export function getTemplate(id: string): TemplateDef {
  const t = TEMPLATES.find((x) => x.id === id);
  if (!t) throw new Error(`Không có biểu mẫu "${id}".`);
  return t;
}

export function isTemplateId(id: string): id is TemplateId {
  return TEMPLATES.some((t) => t.id === id);
}
