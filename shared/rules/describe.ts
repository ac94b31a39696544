// Vietnamese wording shared by the rule messages.
import type { GridGroup } from '../grid';
import { unitLabel } from '../text/normalize';

export function groupText(g: GridGroup): string {
  if (g.kind === 'period') return `giai đoạn ${g.when}`;
  return g.age ? `trẻ ${g.age} năm ${g.when}` : `năm ${g.when}`;
}

export function who(unit: string): string {
  return unit.trim() ? unitLabel(unit) : 'Dòng không ghi tên đơn vị';
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
