// The count tables' route: "#/counts/<template>[/<unitId>[/<year>]]", read back as written, and
// nothing else taken for it.
import { describe, expect, it } from 'vitest';
import { countsHash, parseHash } from '../../renderer/src/platform/route';

describe('counts route', () => {
  it('reads back what countsHash writes', () => {
    expect(parseHash(countsHash('xmc-count'))).toEqual({ page: 'counts', template: 'xmc-count', unitId: undefined, year: undefined });
    expect(parseHash(countsHash('thcs-count', 7))).toEqual({ page: 'counts', template: 'thcs-count', unitId: 7, year: undefined });
    expect(parseHash(countsHash('mn-count', 7, '2020'))).toEqual({ page: 'counts', template: 'mn-count', unitId: 7, year: '2020' });
  });
  it('takes no unknown template, no year without a unit, no year of other than four digits', () => {
    expect(parseHash('#/counts/xmc')).toEqual({ page: 'home' });
    expect(parseHash('#/counts/xmc-count/7/20')).toEqual({ page: 'home' });
    expect(parseHash('#/counts/xmc-count/7/2020/1')).toEqual({ page: 'home' });
    // A Phụ lục route is still a grid.
    expect(parseHash('#/grid/xmc/7')).toMatchObject({ page: 'grid', template: 'xmc', unitId: 7 });
  });
  it('reads an address with a malformed %-escape as the home page, without throwing (the page would not start)', () => {
    expect(parseHash('#/grid/%E0/7')).toEqual({ page: 'home' });
    expect(parseHash('#/grid/%78mc/7')).toMatchObject({ page: 'grid', template: 'xmc', unitId: 7 });
  });
});
