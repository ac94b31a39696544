// Routing by hash: "#/grid/<templateId>" (the first district) or "#/grid/<templateId>/<unitId>".
import { useSyncExternalStore } from 'react';
import { isTemplateId, type TemplateId } from '../../shared/templates';

export type Route = { page: 'home' } | { page: 'grid'; template: TemplateId; unitId?: number };

export function parseHash(hash: string): Route {
  const m = /^#\/grid\/([^/?#]+)(?:\/(\d+))?\/?$/.exec(hash);
  if (m) {
    const id = decodeURIComponent(m[1]);
    if (isTemplateId(id)) return { page: 'grid', template: id, unitId: m[2] ? Number(m[2]) : undefined };
  }
  return { page: 'home' };
}

export function gridHash(template: TemplateId, unitId?: number): string {
  return `#/grid/${template}${unitId ? `/${unitId}` : ''}`;
}

function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

/** The current hash, re-rendering on every change. */
export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}

export function navigate(hash: string, replace = false): void {
  if (replace) window.location.replace(hash);
  else window.location.hash = hash;
}
