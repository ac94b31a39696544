// The handlers of the "Mục tiêu kế hoạch" page (DOMAIN.md §10): a unit's plan targets, each
// checked on its stored grids, the page saved whole, and the targets a pasted plan text proposes.
import type { Api } from '../../shared/api';
import type { Store } from './store/store';
import { proposeFor, saveTargets, targetsView } from './targets';
import { unitOrDistrict } from './unit-or-district';

type TargetsApi = Pick<Api, 'targets' | 'setTargets' | 'proposeTargets'>;

export function targetsHandlers(store: Store): TargetsApi {
  return {
    async targets({ unitId }) {
      return targetsView(store, unitOrDistrict(store, unitId));
    },

    async setTargets({ unitId, rows }) {
      return saveTargets(store, unitOrDistrict(store, unitId), rows);
    },

    async proposeTargets({ unitId, text, when }) {
      return proposeFor(store, unitOrDistrict(store, unitId), text, when);
    },
  };
}
