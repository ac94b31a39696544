import { AllCommunityModule, ModuleRegistry } from 'ag-grid-community';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { prefetchGrid } from './api';
import { App } from './App';
import { parseHash } from './route';
import './styles.css';

ModuleRegistry.registerModules([AllCommunityModule]);

// Opened on a grid (a reload, a bookmark): ask for it now, beside the overview.
const route = parseHash(window.location.hash);
if (route.page === 'grid') prefetchGrid({ template: route.template, unitId: route.unitId });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
