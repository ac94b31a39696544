// What both bare-grid pages share: the grid's box sized as the app's grid (?w=&h=), and the rows
// fetched over HTTP as the app's are.
import type { ColDef, ColGroupDef } from 'ag-grid-community';

export interface Payload {
  columnDefs: (ColDef | ColGroupDef)[];
  rows: Record<string, string>[];
  total: Record<string, string>;
}

/** The sized grid element, and the rows to show in it. */
export function sizedGridAndRows(): { el: HTMLElement; payload: Promise<Payload> } {
  const q = new URLSearchParams(location.search);
  const el = document.getElementById('grid')!;
  el.style.width = `${Number(q.get('w') ?? 1100)}px`;
  el.style.height = `${Number(q.get('h') ?? 600)}px`;
  return { el, payload: fetch('./rows.json').then((r) => r.json() as Promise<Payload>) };
}
