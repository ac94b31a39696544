// The open grid's findings. Its rules look across the district's other grids, which come apart
// from the grid (api.openContext, twice its size): the rows are painted first, the whole grid is
// checked once the context is here, then each edit re-checks only its own rows (LiveCheck).
import { startTransition, useEffect, useMemo, useState } from 'react';
import type { Grid } from '../../../shared/grid';
import type { RuleFinding } from '../../../shared/rules';
import { LiveCheck } from '../../../shared/rules/live';
import { targetGridFindings } from '../../../shared/targets/grid-findings';
import type { Target } from '../../../shared/targets/model';
import type { TemplateDef } from '../../../shared/templates';
import { afterPaint } from '../platform/afterPaint';
import { api, errorText } from '../platform/api';

export interface GridCheck {
  /** null: not checked yet (the context is on its way), or it could not be (error). */
  findings: RuleFinding[] | null;
  /** Why the grid could not be checked, in Vietnamese. */
  error: string | null;
}

const NO_TARGETS = { list: [] as Target[], rowWord: 'xã' };

export function useLiveCheck(template: TemplateDef, reportId: number, grid: Grid): GridCheck {
  const [state, setState] = useState<{ live: LiveCheck | null; targets: { list: Target[]; rowWord: string }; error: string | null }>({
    live: null,
    targets: NO_TARGETS,
    error: null,
  });
  useEffect(() => {
    let on = true;
    // The whole-grid check takes a few hundred ms at 3,321 communes: never before the first rows
    // are painted, and as a transition, so that a key pressed meanwhile is shown first.
    Promise.all([api.openContext({ reportId }), afterPaint()])
      .then(
        ([c]) =>
          on && startTransition(() => setState({ live: new LiveCheck(template, c.others, c.knownUnits), targets: { list: c.targets, rowWord: c.rowWord }, error: null })),
      )
      .catch((e: unknown) => on && setState({ live: null, targets: NO_TARGETS, error: errorText(e) }));
    return () => {
      on = false;
    };
  }, [template, reportId]);
  // The plan's targets of this programme (target.unmet, DOMAIN.md §10.3) follow each edit too.
  const findings = useMemo(() => {
    if (!state.live) return null;
    const found = state.live.check(grid);
    const { list, rowWord } = state.targets;
    return list.length ? [...found, ...targetGridFindings(list, template, grid, { rowWord })] : found;
  }, [state.live, state.targets, template, grid]);
  return { findings, error: state.error };
}
