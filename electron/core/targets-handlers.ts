// The handlers of the "Mục tiêu kế hoạch" page (DOMAIN.md §10): a unit's plan targets, each
// checked on its stored grids, the page saved whole, and the targets a pasted plan text proposes.
import type { Api } from '../../shared/api';
import { UserError } from '../../shared/errors';
import type { Store } from './store/store';
import { proposeFor, saveTargets, targetsView, unitNode } from './targets';
import { unitOrDistrict } from './unit-or-district';

type TargetsApi = Pick<Api, 'targets' | 'setTargets' | 'proposeTargets' | 'targetHistory' | 'restoreTargets'>;

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

    async targetHistory({ unitId }) {
      const unit = unitOrDistrict(store, unitId);
      return { unit: unitNode(unit), versions: store.reform.targetHistory(unit.id) };
    },

    async restoreTargets({ unitId, historyId }) {
      const unit = unitOrDistrict(store, unitId);
      const version = store.reform.targetVersion(historyId);
      // A version of another unit would overwrite this one's targets with a foreign plan.
      if (!version || version.unitId !== unit.id) throw new UserError('Không tìm thấy phiên bản mục tiêu này của đơn vị đang xem.', 'targets.history');
      store.reform.setTargets(unit.id, version.targets, { kind: 'restore' });
      return targetsView(store, unit);
    },
  };
}
