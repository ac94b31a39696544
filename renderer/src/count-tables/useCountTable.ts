// A district's stored count tables, as the Phụ lục page reads them (the "Căn cứ" of a mark, the
// roll-up from computed levels): asked once per template and year while the page is open.
import { useEffect, useState } from 'react';
import type { CountTableView } from '../../../shared/api';
import type { CountTemplateId } from '../../../shared/counts';
import { afterPaint } from '../platform/afterPaint';
import { api, errorText } from '../platform/api';

export type Loaded = { state: 'loading' } | { state: 'error'; message: string } | { state: 'done'; view: CountTableView };

/** The tables of `years` (each its own answer; an unknown year: no table). */
export function useCountTables(template: CountTemplateId | undefined, unitId: number, years: readonly string[]): Map<string, Loaded> {
  const [loaded, setLoaded] = useState<Map<string, Loaded>>(() => new Map());
  const key = years.join(',');
  useEffect(() => {
    if (!template) return;
    let live = true;
    // After the grid's first rows are painted: the grid and its check are asked for first.
    void afterPaint().then(() => {
      for (const year of key ? key.split(',') : []) {
        if (!live) return;
        setLoaded((m) => (m.has(year) ? m : new Map(m).set(year, { state: 'loading' })));
        api.openCounts({ unitId, template, year }).then(
          (view) => live && setLoaded((m) => new Map(m).set(year, { state: 'done', view })),
          (e: unknown) => live && setLoaded((m) => new Map(m).set(year, { state: 'error', message: errorText(e) })),
        );
      }
    });
    return () => {
      live = false;
    };
  }, [template, unitId, key]);
  return loaded;
}
