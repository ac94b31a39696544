// The first screen's data, asked for before the rest of the app's modules (React, AG Grid) are
// evaluated: main.tsx imports this first. The app's first overview and openGrid calls take these
// answers (api.prefetch) while the host gathers them.
import { prefetch } from './api';
import { parseHash } from './route';

prefetch('overview', {});
const route = parseHash(window.location.hash);
if (route.page === 'grid') prefetch('openGrid', { template: route.template, unitId: route.unitId });
