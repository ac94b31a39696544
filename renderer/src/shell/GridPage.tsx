// One open grid: loads it, keeps it editable with undo/redo, runs the rules live (useLiveCheck,
// once the rows are on screen) and shows the grid, the district's levels, the problems and, on
// demand, the history of the cell the user is on (Lịch sử ô, Ctrl+Shift+L) with its put-back.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { GridView } from '../../../shared/api';
import type { RuleFinding } from '../../../shared/rules';
import { getTemplate, type TemplateId } from '../../../shared/templates';
import { api, arrived, errorText } from '../platform/api';
import '../notes/notes.css';
import { AppendixGrid, type AppendixGridHandle } from '../grid/AppendixGrid';
import { AuditPanel } from '../audit/AuditPanel';
import { ComputedRollup } from '../count-tables/ComputedRollup';
import { MarkBasis } from '../count-tables/MarkBasis';
import '../count-tables/counts.css';
import { NoteDialog, type NoteTarget } from '../notes/NoteDialog';
import { NoteLine } from '../notes/NoteLine';
import { useCellNotes } from '../notes/useCellNotes';
import { noteKey } from '../platform/cells';
import { PrintControls } from '../print/PrintControls';
import { isEditableElement, type FocusedCell } from '../grid/cellTargets';
import { isBasisKey } from '../grid/gridKeys';
import { unitTitle } from '../platform/format';
import { ProblemsPanel } from '../findings/ProblemsPanel';
import { RollupLine } from '../grid/RollupLine';
import { useEditableGrid } from '../grid/useEditableGrid';
import { useLiveCheck } from '../grid/useLiveCheck';
import type { SaveFn } from '../platform/useSaver';

const NO_FINDINGS: RuleFinding[] = [];

export interface FocusRequest {
  unitId: number;
  /** A column to put the focus on (the first error of a grid); without one, the commune's name. The district's id: the total row. */
  col?: string | null;
  /** A new request for the same commune still scrolls to it. */
  nonce: number;
}

/** The open history panel: of which report, and which cell (null: none chosen yet). */
interface AuditView {
  reportId: number;
  cell: FocusedCell | null;
}

interface PageProps {
  template: TemplateId;
  unitId?: number;
  /** Changes when the database changed under the grid (an import, a failed save). */
  reloadKey: number;
  save: SaveFn;
  /** Commits the cell being typed into; resolves once every edit asked for is stored. */
  flush(): Promise<void>;
  /** When the last edit was stored: the history panel reads the cell's history again. */
  savedAt?: string;
  focus: FocusRequest | null;
  onOpened(view: GridView | null): void;
}

const loadKey = (template: TemplateId, unitId: number | undefined, reloadKey: number, restored: number) => `${template} ${unitId} ${reloadKey} ${restored}`;

export function GridPage({ template, unitId, reloadKey, save, flush, savedAt, focus, onOpened }: PageProps) {
  // Already here (asked for by the page's first chunk): the grid is built in the page's first
  // render, not in one more after it.
  const [state, setState] = useState<{ view: GridView | null; error: string | null; loads: number }>(() => ({
    view: arrived('openGrid', { template, unitId }) ?? null,
    error: null,
    loads: 0,
  }));
  /** That first view, and for which load: it is not asked for again. */
  const given = useRef(state.view && { load: loadKey(template, unitId, reloadKey, 0), view: state.view });
  const [audit, setAudit] = useState<AuditView | null>(null);
  /** A put-back reloads the grid: the cell it concerned gets the focus again. */
  const [refocus, setRefocus] = useState<FocusedCell | null>(null);
  const [restored, setRestored] = useState(0);
  const opened = useRef(onOpened);
  opened.current = onOpened;

  useEffect(() => {
    const g = given.current;
    if (g?.load === loadKey(template, unitId, reloadKey, restored)) {
      opened.current(g.view);
      return;
    }
    given.current = null;
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
  }, [template, unitId, reloadKey, restored]);

  const restore = useCallback(
    async (auditId: number) => {
      await flush();
      await api.restore({ auditId });
      setRefocus(audit?.cell ?? null);
      setRestored((n) => n + 1);
    },
    [flush, audit],
  );

  if (state.error) return <div className="page-message error">Không mở được biểu: {state.error}</div>;
  const view = state.view;
  if (!view || view.report.template !== template) return <div className="page-message">Đang mở biểu…</div>;
  return (
    <GridEditor
      key={`${view.report.id}:${state.loads}`}
      view={view}
      save={save}
      focus={focus}
      audit={audit?.reportId === view.report.id ? audit : null}
      onAudit={setAudit}
      onRestore={restore}
      refocus={refocus}
      savedAt={savedAt}
    />
  );
}

interface EditorProps {
  view: GridView;
  save: SaveFn;
  focus: FocusRequest | null;
  audit: AuditView | null;
  onAudit(a: AuditView | null): void;
  onRestore(auditId: number): Promise<void>;
  refocus: FocusedCell | null;
  savedAt?: string;
}

function GridEditor({ view, save, focus, audit, onAudit, onRestore, refocus, savedAt }: EditorProps) {
  const template = getTemplate(view.report.template);
  const { grid, act: edit, undo, redo } = useEditableGrid(view, save);
  // A locked report takes no edit here (the main process refuses them too) until "Mở khóa".
  const [locked, setLocked] = useState(!!view.report.locked);
  const [lockError, setLockError] = useState<string | null>(null);
  const act = useCallback((writes: Parameters<typeof edit>[0]) => (locked ? [] : edit(writes)), [locked, edit]);
  const toggleLock = () =>
    api.setLocked({ reportId: view.report.id, locked: !locked }).then(
      (r) => {
        setLocked(r.locked);
        setLockError(null);
      },
      (e: unknown) => setLockError(errorText(e)),
    );
  const [note, setNote] = useState<NoteTarget | null>(null);
  const gridRef = useRef<AppendixGridHandle>(null);
  // The rows show first; findings are null until the whole grid is checked, then follow each edit at once.
  const { findings, error: checkError } = useLiveCheck(template, view.report.id, grid);
  // The cell the user is on, kept without re-rendering; the panel follows it while open.
  const cellRef = useRef<FocusedCell | null>(refocus);
  const auditRef = useRef(audit);
  auditRef.current = audit;
  // "Căn cứ" (Ctrl+Shift+K): the counts behind the mark the user is on; it follows the cell while open.
  const [basis, setBasis] = useState<{ byKey: boolean; cell: FocusedCell | null } | null>(null);
  const basisOpen = useRef(false);
  basisOpen.current = basis !== null;
  const toggleBasis = useCallback((byKey: boolean) => setBasis((b) => (b ? null : { byKey, cell: cellRef.current })), []);
  const reportId = view.report.id;
  // Notes and follow-up flags: corner marks in the grid; the focused cell's note in the title bar.
  const { notes, error: notesError, reload: reloadNotes } = useCellNotes(reportId);
  const notesRef = useRef(notes);
  notesRef.current = notes;
  /** The focused cell's note key, kept only while it has one (moving among cells without notes renders nothing). */
  const [noteHere, setNoteHere] = useState<string | null>(null);
  const onCellFocus = useCallback(
    (cell: FocusedCell | null) => {
      if (!cell) return;
      cellRef.current = cell;
      const k = noteKey(cell.unitId, cell.key);
      setNoteHere(notesRef.current.has(k) ? k : null);
      if (auditRef.current) onAudit({ reportId, cell });
      if (basisOpen.current) setBasis((b) => b && { ...b, cell });
    },
    [onAudit, reportId],
  );
  // Notes read again (one just written or removed): the cell the user is on shows its own.
  useEffect(() => {
    const c = cellRef.current;
    setNoteHere(c && notes.has(noteKey(c.unitId, c.key)) ? noteKey(c.unitId, c.key) : null);
  }, [notes]);
  const markHere = noteHere ? notes.get(noteHere) : undefined;
  const openNote = useCallback((c: FocusedCell) => setNote({ reportId, unitId: c.unitId, key: c.key, label: `${c.unitName} · ${c.label}` }), [reportId]);
  const toggleAudit = useCallback(() => onAudit(auditRef.current ? null : { reportId, cell: cellRef.current }), [onAudit, reportId]);

  // Ctrl+Z undoes, Ctrl+Y and Ctrl+Shift+Z redo: anywhere but in a text field. Ctrl+Shift+L: Lịch sử ô.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Shift+F2, as Excel's note: a note and a follow-up flag on the cell the user is on.
      if (e.key === 'F2' && e.shiftKey && !e.ctrlKey && !e.altKey && !document.querySelector('[role="dialog"]')) {
        const c = cellRef.current;
        if (!c || c.computed) return;
        e.preventDefault();
        e.stopPropagation();
        openNote(c);
        return;
      }
      if (isBasisKey(e) && !document.querySelector('[role="dialog"]')) {
        e.preventDefault();
        e.stopPropagation();
        toggleBasis(true);
        return;
      }
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      if (e.shiftKey && (e.code === 'KeyL' || e.key.toLowerCase() === 'l') && !document.querySelector('[role="dialog"]')) {
        e.preventDefault();
        toggleAudit();
        return;
      }
      const z = e.code === 'KeyZ' || e.key.toLowerCase() === 'z';
      const y = e.code === 'KeyY' || e.key.toLowerCase() === 'y';
      const isUndo = z && !e.shiftKey;
      const isRedo = y || (z && e.shiftKey);
      if (!isUndo && !isRedo) return;
      if (isEditableElement(e.target) || document.querySelector('[role="dialog"]')) return;
      e.preventDefault();
      e.stopPropagation();
      step(isUndo ? 'undo' : 'redo');
    };
    const step = (c: 'undo' | 'redo') => {
      const changes = c === 'undo' ? undo() : redo();
      if (changes) gridRef.current?.showChanges(changes);
    };
    window.addEventListener('keydown', onKey, true);
    // The desktop menu's Hoàn tác / Làm lại: the grid's history, or the text field's own when typing.
    const offMenu = window.appMenu?.onCommand((c) => {
      if (c !== 'undo' && c !== 'redo') return;
      if (isEditableElement(document.activeElement)) document.execCommand(c);
      else if (!document.querySelector('[role="dialog"]')) step(c);
    });
    return () => {
      window.removeEventListener('keydown', onKey, true);
      offMenu?.();
    };
  }, [undo, redo, toggleAudit, openNote, toggleBasis]);

  const viewRef = useRef(view);
  viewRef.current = view;
  useEffect(() => {
    if (!focus) return;
    const v = viewRef.current;
    if (!focus.col) gridRef.current?.revealUnit(focus.unitId);
    else {
      const row = focus.unitId === v.unit.id ? 'total' : v.grid.rows.findIndex((r) => r.unitId === focus.unitId);
      if (row !== -1) gridRef.current?.focusCell(row, focus.col);
    }
  }, [focus]);

  // After a put-back the grid is new: back to the cell it concerned.
  const refocusRef = useRef(refocus);
  useEffect(() => {
    const c = refocusRef.current;
    if (!c) return;
    const row = c.unitId === view.unit.id ? 'total' : view.grid.rows.findIndex((r) => r.unitId === c.unitId);
    if (row !== -1) gridRef.current?.focusCell(row, c.key);
  }, [view]);

  const closeAudit = useCallback(() => {
    onAudit(null);
    const c = cellRef.current;
    const row = c ? (c.unitId === view.unit.id ? 'total' : view.grid.rows.findIndex((r) => r.unitId === c.unitId)) : -1;
    if (c && row !== -1) gridRef.current?.focusCell(row, c.key);
  }, [onAudit, view]);

  return (
    <div className="grid-page">
      <div className="grid-title">
        <h1>
          {template.appendix} – {template.name}
        </h1>
        <span className="grid-unit">{unitTitle(view.unit)}</span>
        {markHere ? (
          <NoteLine mark={markHere} />
        ) : (
          <span className="grid-hint">
            Gõ x hoặc phím cách để đánh dấu, Delete để xóa, Ctrl+Z để hoàn tác, Ctrl+V để dán từ Excel.
          </span>
        )}
        <button
          type="button"
          className="btn btn-small"
          aria-pressed={!!audit}
          data-testid="audit-toggle"
          title="Xem ô đang chọn đã thay đổi thế nào, từ đâu, và đặt lại giá trị cũ (Ctrl+Shift+L)"
          onClick={toggleAudit}
        >
          Lịch sử ô
        </button>
        <button
          type="button"
          className="btn btn-small"
          aria-pressed={!!basis}
          data-testid="basis-toggle"
          title="Số liệu, tỉ lệ, ngưỡng và số người còn thiếu đằng sau dấu x đang chọn (Ctrl+Shift+K)"
          onClick={() => toggleBasis(false)}
        >
          Căn cứ
        </button>
        <button
          type="button"
          className="btn btn-small"
          aria-pressed={locked}
          data-testid="lock-toggle"
          title={locked ? 'Mở khóa để sửa hoặc nhập lại số liệu của phụ lục này (được ghi vào lịch sử)' : 'Khóa số liệu đã hoàn thành: không sửa, không nhập đè'}
          onClick={toggleLock}
        >
          {locked ? 'Mở khóa' : 'Khóa số liệu'}
        </button>
        <PrintControls template={template} grid={grid} aggregate={view.unit} />
      </div>
      {locked && (
        <p className="lock-banner" role="status" data-testid="lock-banner">
          {template.appendix} đã khóa số liệu: không sửa được, không nhập đè. Chọn “Mở khóa” nếu cần sửa.
        </p>
      )}
      {notesError && (
        <p className="lock-banner" role="alert">
          {notesError}
        </p>
      )}
      {lockError && (
        <p className="lock-banner" role="alert">
          {lockError}
        </p>
      )}
      <AppendixGrid ref={gridRef} template={template} grid={grid} aggregate={view.unit} findings={findings ?? NO_FINDINGS} onAct={act} onCellFocus={onCellFocus} notes={notes} />
      <RollupLine template={template} grid={grid} aggregate={view.unit} />
      <ComputedRollup template={template} grid={grid} districtId={view.unit.id} />
      {basis && (
        <MarkBasis
          template={template}
          grid={grid}
          districtId={view.unit.id}
          cell={basis.cell}
          focusOnOpen={basis.byKey}
          onClose={() => {
            setBasis(null);
            const c = cellRef.current;
            const row = c ? (c.unitId === view.unit.id ? 'total' : view.grid.rows.findIndex((r) => r.unitId === c.unitId)) : -1;
            if (c && row !== -1) gridRef.current?.focusCell(row, c.key);
          }}
        />
      )}
      {audit && <AuditPanel reportId={reportId} cell={audit.cell} savedAt={savedAt} onRestore={onRestore} onClose={closeAudit} notesVersion={notes} />}
      {note && (
        <NoteDialog
          target={note}
          onClose={(saved) => {
            setNote(null);
            if (saved) reloadNotes();
            const c = cellRef.current;
            const row = c ? (c.unitId === view.unit.id ? 'total' : view.grid.rows.findIndex((r) => r.unitId === c.unitId)) : -1;
            if (c && row !== -1) gridRef.current?.focusCell(row, c.key);
          }}
        />
      )}
      <ProblemsPanel findings={findings} error={checkError} onJump={(f) => f.row !== null && gridRef.current?.focusCell(f.row, f.col)} />
    </div>
  );
}
