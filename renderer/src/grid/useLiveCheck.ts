// The open grid's findings. Its rules look across the district's other grids, which come apart
// from the grid (api.openContext, twice its size): the rows are painted first, the whole grid is
// checked once the context is here, then each edit re-checks only its own rows (LiveCheck).
import { startTransition, useEffect, useMemo, useState } from 'react';
import type { Grid } from '../../../shared/grid';
import type { RuleFinding } from '../../../shared/rules';
import { LiveCheck } from '../../../shared/rules/live';
import type { TemplateDef } from '../../../shared/templates';
import { afterPaint } from '../platform/afterPaint';
import { api, errorText } from '../platform/api';

export interface GridCheck {
  /** null: not checked yet (the context is on its way), or it could not be (error). */
  findings: RuleFinding[] | null;
  /** Why the grid could not be checked, in Vietnamese. */
  error: string | null;
}

export function useLiveCheck(template: TemplateDef, reportId: number, grid: Grid): GridCheck {
  const [state, setState] = useState<{ live: LiveCheck | null; error: string | null }>({ live: null, error: null });
  useEffect(() => {
    let on = true;
    // The whole-grid check takes a few hundred ms at 3,321 communes: never before the first rows
    // are painted, and as a transition, so that a key pressed meanwhile is shown first.
    Promise.all([api.openContext({ reportId }), afterPaint()])
      .then(([c]) => on && startTransition(() => setState({ live: new LiveCheck(template, c.others, c.knownUnits), error: null })))
      .catch((e: unknown) => on && setState({ live: null, error: errorText(e) }));
    return () => {
      on = false;
    };
  }, [template, reportId]);
  const findings = useMemo(() => (state.live ? state.live.check(grid) : null), [state.live, grid]);
  return { findings, error: state.error };
}
