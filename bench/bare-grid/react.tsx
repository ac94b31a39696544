// For comparison only (bench/ui.ts): the same bare grid as main.ts, through ag-grid-react as the
// app uses it: how much of the app's first render is the React wrapper itself.
import { AllCommunityModule, ModuleRegistry } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { createRoot } from 'react-dom/client';
import { GROUP_HEADER_HEIGHT, gridTheme } from '../../renderer/src/platform/gridTheme';
import { sizedGridAndRows } from './payload';

ModuleRegistry.registerModules([AllCommunityModule]);

const { el, payload } = sizedGridAndRows();

void payload
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
