// The baseline of the UI bench (bench/ui.ts): a bare AG Grid of the same columns, header groups
// and rows as the app's grid, with the same theme and modules, and no app logic at all. Its
// rows come over HTTP as the app's do; its box is the size of the app's grid (?w=&h=).
import { AllCommunityModule, createGrid, ModuleRegistry } from 'ag-grid-community';
import { GROUP_HEADER_HEIGHT, gridTheme } from '../../renderer/src/platform/gridTheme';
import { sizedGridAndRows } from './payload';

ModuleRegistry.registerModules([AllCommunityModule]);

const { el, payload } = sizedGridAndRows();

void payload
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
