// Keys that reach the parts of the window without the mouse: F6 / Shift+F6 cycle the focus over
// the side panel (the unit tree), the grid and the problems panel, as in Office; Ctrl+F goes to
// the commune search; Ctrl+S answers that everything is stored (every edit is saved at once;
// an Excel user presses it anyway). None of them acts while a cell is being typed into or a
// dialog is open: those keys are the editor's and the dialog's.
import { useEffect, useRef } from 'react';
import { FOCUS_GRID_EVENT } from '../grid/AppendixGrid';

/** The regions F6 visits, in order; one that is not on screen is skipped. */
const REGIONS = ['.sidebar', '.grid-wrap', '.problems'] as const;

/** A cell editor of the grid is open (inline, or the popup of a Đánh giá). */
function editing(): boolean {
  return !!document.querySelector('.ag-cell-inline-editing, .ag-popup-editor');
}

function dialogOpen(): boolean {
  return !!document.querySelector('[role="dialog"], [role="alertdialog"]');
}

function focusRegion(selector: (typeof REGIONS)[number], el: HTMLElement): void {
  if (selector === '.grid-wrap') {
    // The grid puts the focus back on the cell it was on (the first cell the first time).
    window.dispatchEvent(new CustomEvent(FOCUS_GRID_EVENT, { detail: { resume: true } }));
    return;
  }
  const target =
    el.querySelector<HTMLElement>('[aria-current="page"], .tree-commune.selected') ??
    el.querySelector<HTMLElement>('button:not([disabled]), a[href], input:not([disabled]), summary, [tabindex]:not([tabindex="-1"])');
  if (target) target.focus();
  else {
    // Nothing to press in it (no findings): the region itself takes the focus, so it is read out.
    el.tabIndex = -1;
    el.focus();
  }
}

/** F6 (back = Shift+F6): the next region on screen after the one holding the focus. */
export function cycleRegions(back: boolean): boolean {
  const present = REGIONS.map((s) => ({ s, el: document.querySelector<HTMLElement>(s) })).filter((r): r is { s: (typeof REGIONS)[number]; el: HTMLElement } => !!r.el);
  if (!present.length) return false;
  const active = document.activeElement;
  const at = present.findIndex((r) => active instanceof Node && r.el.contains(active));
  const n = present.length;
  const next = at === -1 ? (back ? n - 1 : 0) : (at + (back ? n - 1 : 1)) % n;
  focusRegion(present[next].s, present[next].el);
  return true;
}

export interface KeyboardPaths {
  /** Ctrl+S: resolves once every save asked for is done. */
  onSave(): Promise<void>;
}

export function useKeyboardPaths(paths: KeyboardPaths): void {
  const ref = useRef(paths);
  ref.current = paths;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const ctrl = (e.ctrlKey || e.metaKey) && !e.altKey;
      const f6 = e.key === 'F6' && !e.ctrlKey && !e.altKey && !e.metaKey;
      const find = ctrl && !e.shiftKey && (e.code === 'KeyF' || e.key.toLowerCase() === 'f');
      const save = ctrl && !e.shiftKey && (e.code === 'KeyS' || e.key.toLowerCase() === 's');
      if (!f6 && !find && !save) return;
      if (save) e.preventDefault(); // the browser's "Save page as" is never what is meant here
      if (editing() || dialogOpen()) return;
      if (f6) {
        if (cycleRegions(e.shiftKey)) e.preventDefault();
      } else if (find) {
        const search = document.querySelector<HTMLInputElement>('.sidebar .search-input');
        if (!search) return;
        e.preventDefault();
        search.focus();
        search.select();
      } else void ref.current.onSave();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
