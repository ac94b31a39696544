// For comparison only (bench/ui.ts): the same bare grid as main.ts, through ag-grid-react as the
// app uses it: how much of the app's first render is the React wrapper itself.
import { AllCommunityModule, ModuleRegistry, type ColDef, type ColGroupDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { createRoot } from 'react-dom/client';
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
    createRoot(el).render(
      <AgGridReact
        theme={gridTheme}
        columnDefs={p.columnDefs}
        rowData={p.rows}
        pinnedBottomRowData={[p.total]}
        groupHeaderHeight={GROUP_HEADER_HEIGHT}
        suppressColumnVirtualisation
      />,
    );
  });
