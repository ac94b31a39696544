// One open grid: loads it (with the district's other grids), keeps it editable with undo/redo,
// runs the rules live and shows the grid, the district's levels and the problems.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { GridView } from '../../shared/api';
import { checkGrid } from '../../shared/rules';
import { getTemplate, type TemplateId } from '../../shared/templates';
import { api, errorText } from './api';
import { AppendixGrid, type AppendixGridHandle } from './AppendixGrid';
import { isEditableElement } from './cellTargets';
import { unitTitle } from './format';
import { ProblemsPanel } from './ProblemsPanel';
import { RollupLine } from './RollupLine';
import { useEditableGrid } from './useEditableGrid';
import type { SaveFn } from './useSaver';

export interface FocusRequest {
  unitId: number;
  /** A new request for the same commune still scrolls to it. */
  nonce: number;
}

interface PageProps {
  template: TemplateId;
  unitId?: number;
  /** Changes when the database changed under the grid (an import, a failed save). */
  reloadKey: number;
  save: SaveFn;
  focus: FocusRequest | null;
  onOpened(view: GridView | null): void;
}

export function GridPage({ template, unitId, reloadKey, save, focus, onOpened }: PageProps) {
  const [state, setState] = useState<{ view: GridView | null; error: string | null; loads: number }>({ view: null, error: null, loads: 0 });
  const opened = useRef(onOpened);
  opened.current = onOpened;

  useEffect(() => {
    let live = true;
    api
      .openGrid({ template, unitId })
      .then((view) => {
        if (!live) return;
        setState((s) => ({ view, error: null, loads: s.loads + 1 }));
        opened.current(view);
      })
      .catch((e: unknown) => {
        if (!live) return;
        setState((s) => ({ view: null, error: errorText(e), loads: s.loads }));
        opened.current(null);
      });
    return () => {
      live = false;
    };
  }, [template, unitId, reloadKey]);

  if (state.error) return <div className="page-message error">Không mở được biểu: {state.error}</div>;
  const view = state.view;
  if (!view || view.report.template !== template) return <div className="page-message">Đang mở biểu…</div>;
  return <GridEditor key={`${view.report.id}:${state.loads}`} view={view} save={save} focus={focus} />;
}

function GridEditor({ view, save, focus }: { view: GridView; save: SaveFn; focus: FocusRequest | null }) {
  const template = getTemplate(view.report.template);
  const { grid, act, undo, redo } = useEditableGrid(view, save);
  const gridRef = useRef<AppendixGridHandle>(null);
  const findings = useMemo(
    () => checkGrid({ template, grid }, { grids: [grid, ...view.context], knownUnits: view.knownUnits }),
    [template, grid, view],
  );

  // Ctrl+Z undoes, Ctrl+Y and Ctrl+Shift+Z redo: anywhere but in a text field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const z = e.code === 'KeyZ' || e.key.toLowerCase() === 'z';
      const y = e.code === 'KeyY' || e.key.toLowerCase() === 'y';
      const isUndo = z && !e.shiftKey;
      const isRedo = y || (z && e.shiftKey);
      if (!isUndo && !isRedo) return;
      if (isEditableElement(e.target) || document.querySelector('[role="dialog"]')) return;
      e.preventDefault();
      e.stopPropagation();
      const changes = isUndo ? undo() : redo();
      if (changes) gridRef.current?.showChanges(changes);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [undo, redo]);

  useEffect(() => {
    if (focus) gridRef.current?.revealUnit(focus.unitId);
  }, [focus]);

  return (
    <div className="grid-page">
      <div className="grid-title">
        <h1>
          {template.appendix} – {template.name}
        </h1>
        <span className="grid-unit">{unitTitle(view.unit)}</span>
        <span className="grid-hint">
          Gõ x hoặc phím cách để đánh dấu, Delete để xóa, Ctrl+Z để hoàn tác, Ctrl+V để dán từ Excel.
        </span>
      </div>
      <AppendixGrid ref={gridRef} template={template} grid={grid} aggregate={view.unit} findings={findings} onAct={act} />
      <RollupLine template={template} grid={grid} aggregate={view.unit} />
      <ProblemsPanel findings={findings} onJump={(f) => f.row !== null && gridRef.current?.focusCell(f.row, f.col)} />
    </div>
  );
}
