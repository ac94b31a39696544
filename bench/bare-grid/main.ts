// The baseline of the UI bench (bench/ui.ts): a bare AG Grid of the same columns, header groups
// and rows as the app's grid, with the same theme and modules, and no app logic at all. Its
// rows come over HTTP as the app's do; its box is the size of the app's grid (?w=&h=).
import { AllCommunityModule, createGrid, ModuleRegistry, type ColDef, type ColGroupDef } from 'ag-grid-community';
import { GROUP_HEADER_HEIGHT, gridTheme } from '../../renderer/src/theme';

ModuleRegistry.registerModules([AllCommunityModule]);

interface Payload {
  columnDefs: (ColDef | ColGroupDef)[];
  rows: Record<string, string>[];
  total: Record<string, string>;
}

const q = new URLSearchParams(location.search);
const el = document.getElementById('grid')!;
el.style.width = `${Number(q.get('w') ?? 1100)}px`;
el.style.height = `${Number(q.get('h') ?? 600)}px`;

void fetch('./rows.json')
  .then((r) => r.json() as Promise<Payload>)
  .then((p) => {
    createGrid(el, {
      theme: gridTheme,
      columnDefs: p.columnDefs,
      rowData: p.rows,
      pinnedBottomRowData: [p.total],
      groupHeaderHeight: GROUP_HEADER_HEIGHT,
      suppressColumnVirtualisation: true,
    });
  });
