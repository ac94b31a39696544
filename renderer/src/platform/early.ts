// The first screen's data, asked for by the page's first chunk (main.tsx) while the rest of the
// app (React, AG Grid: boot.tsx) is still on its way and being evaluated. The app's first
// overview and openGrid calls take these answers (api.prefetch) while the host gathers them.
import { prefetch } from './api';
import { parseHash } from './route';

export function prefetchFirstScreen(): void {
  prefetch('overview', {});
  const route = parseHash(window.location.hash);
  if (route.page === 'grid') prefetch('openGrid', { template: route.template, unitId: route.unitId });
}
