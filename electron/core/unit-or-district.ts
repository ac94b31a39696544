// The unit a method names by id, or the first district when it names none: how most methods
// that take an optional unitId (count tables, plan targets, completeness…) choose their unit.
import { UserError } from '../../shared/errors';
import { pickDistrict } from './export';
import type { Store } from './store/store';
import type { UnitRecord } from './store/types';

export function unitOrDistrict(store: Store, unitId?: number): UnitRecord {
  const unit = unitId ? store.getUnit(unitId) : pickDistrict(store);
  if (!unit) throw new UserError('Không tìm thấy đơn vị.');
  return unit;
}
