// A district's count table of one year (DOMAIN.md §9): the four templates as tabs, the year,
// an empty table made for a year on request; the grid edited like the Phụ lục grids (whole
// numbers only, paste, undo), with rates, the computed and the marked level live on each row,
// the district's roll-up from both, the count rules' findings, and the "Căn cứ" of a row.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CountTableView, GridView, UnitNode } from '../../../shared/api';
import { checkTable, COUNT_TEMPLATES, countColumns, countRowOf, getCountTemplate, normaliseCount, normaliseFlag, type CountTemplateDef, type TableCache, type CountTemplateId, type TableRow } from '../../../shared/counts';
import type { RuleFinding } from '../../../shared/rules';
import { BasisPanel } from '../count-tables/BasisPanel';
import { CountLevelsLine } from '../count-tables/CountLevelsLine';
import '../count-tables/counts.css';
import { ProblemsPanel } from '../findings/ProblemsPanel';
import { CountGrid, type CountGridHandle } from '../grid/CountGrid';
import { isEditableElement } from '../grid/cellTargets';
import { isBasisKey } from '../grid/gridKeys';
import type { CellWrite } from '../grid/gridEdits';
import { useEditableGrid } from '../grid/useEditableGrid';
import { api, errorText } from '../platform/api';
import { aggregateWords, unitTitle } from '../platform/format';
import { countsHash, navigate } from '../platform/route';
import type { SaveFn } from '../platform/useSaver';

interface Props {
  template: CountTemplateId;
  unitId?: number;
  year?: string;
  reloadKey: number;
  save: SaveFn;
  onOpened(unit: UnitNode | null): void;
}

/** The tabs' short names (the programme in full is the table's title). */
const TAB: Record<CountTemplateId, string> = { 'xmc-count': 'XMC', 'mn-count': 'Mầm non 5 tuổi', 'th-count': 'Tiểu học', 'thcs-count': 'THCS' };

export function CountsPage({ template, unitId, year, reloadKey, save, onOpened }: Props) {
  const [state, setState] = useState<{ view: CountTableView | null; error: string | null; loads: number }>({ view: null, error: null, loads: 0 });
  const [busy, setBusy] = useState(false);
  const opened = useRef(onOpened);
  opened.current = onOpened;

  useEffect(() => {
    let live = true;
    api
      .openCounts({ unitId, template, year })
      .then((view) => {
        if (!live) return;
        setState((s) => ({ view, error: null, loads: s.loads + 1 }));
        opened.current(view.unit);
      })
      .catch((e: unknown) => live && setState((s) => ({ view: null, error: errorText(e), loads: s.loads })));
    return () => {
      live = false;
    };
  }, [template, unitId, year, reloadKey]);

  const create = async (y: string) => {
    setBusy(true);
    try {
      const view = await api.createCounts({ unitId: state.view?.unit.id ?? unitId, template, year: y });
      setState((s) => ({ view, error: null, loads: s.loads + 1 }));
      navigate(countsHash(template, view.unit.id, y), true);
    } catch (e) {
      setState((s) => ({ ...s, error: errorText(e) }));
    } finally {
      setBusy(false);
    }
  };

  const t = getCountTemplate(template);
  const view = state.view;
  const table = view?.template === template ? view.table : null;
  return (
    <div className="grid-page counts-page">
      <div className="grid-title">
        <h1 title={`${t.formCode}: ${t.title.toLowerCase()}`}>Số liệu đạt chuẩn</h1>
        {view && <span className="grid-unit">{unitTitle(view.unit)}</span>}
        <nav className="counts-tabs" aria-label="Các biểu số liệu">
          {COUNT_TEMPLATES.map((c) => (
            <a key={c.id} href={countsHash(c.id, view?.unit.id, table?.year)} className={`counts-tab${c.id === template ? ' active' : ''}`} aria-current={c.id === template ? 'page' : undefined}>
              {TAB[c.id]}
            </a>
          ))}
        </nav>
        {view && <YearPicker view={view} current={table?.year} busy={busy} onPick={(y) => navigate(countsHash(template, view.unit.id, y))} onCreate={create} />}
      </div>
      {state.error && (
        <p className="lock-banner" role="alert">
          {state.error}
        </p>
      )}
      {!view ? (
        !state.error && <div className="page-message">Đang mở biểu…</div>
      ) : !table ? (
        <p className="page-message" data-testid="counts-empty">
          {unitTitle(view.unit)} chưa có biểu {t.sheet} ({t.title.toLowerCase()}) năm nào. Chọn năm rồi bấm “Tạo biểu trống”, hoặc nhập tệp Excel có biểu này.
        </p>
      ) : (
        <CountEditor key={`${table.reportId}:${state.loads}`} template={t} view={view} save={save} />
      )}
    </div>
  );
}

function YearPicker({ view, current, busy, onPick, onCreate }: { view: CountTableView; current?: string; busy: boolean; onPick(y: string): void; onCreate(y: string): void }) {
  const proposed = view.resultYears.find((y) => !view.years.includes(y)) ?? String(new Date().getFullYear());
  const [draft, setDraft] = useState(proposed);
  const valid = /^\d{4}$/.test(draft);
  return (
    <span className="counts-years">
      {view.years.length > 0 && (
        <label>
          Năm{' '}
          <select value={current} onChange={(e) => onPick(e.target.value)} data-testid="counts-year">
            {view.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      )}
      <form
        className="counts-create"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) onCreate(draft);
        }}
      >
        <label>
          Biểu trống năm{' '}
          <input value={draft} onChange={(e) => setDraft(e.target.value.trim())} inputMode="numeric" size={5} maxLength={4} aria-invalid={!valid} data-testid="counts-new-year" />
        </label>{' '}
        <button type="submit" className="btn btn-small" disabled={busy || !valid} data-testid="counts-create">
          {view.years.includes(draft) ? 'Mở' : 'Tạo biểu trống'}
        </button>
      </form>
    </span>
  );
}

function CountEditor({ template: t, view, save }: { template: CountTemplateDef; view: CountTableView; save: SaveFn }) {
  const table = view.table!;
  const year = table.year;
  // The table as a grid of its communes, so that undo, redo and saving are the Phụ lục grids' own.
  const asGrid = useMemo<GridView>(
    () => ({
      report: { id: table.reportId, unitId: view.unit.id, template: t.marks, layout: { results: [year], periods: [] }, updatedAt: table.updatedAt, locked: table.locked },
      unit: view.unit,
      grid: { template: t.marks, layout: { results: [year], periods: [] }, rows: table.rows.map((r) => ({ unit: r.name, unitId: r.unitId, values: { ...r.values } })), totalTexts: {} },
    }),
    [t, view, table, year],
  );
  const { grid, act: edit, undo, redo } = useEditableGrid(asGrid, save);
  const [refused, setRefused] = useState<string | null>(null);
  const counts = useMemo(() => new Set(countColumns(t).map((c) => c.key)), [t]);
  // Whole numbers ≥ 0 only (and x or blank as ĐBKK): what is not is left out and said.
  const act = useCallback(
    (writes: CellWrite[]) => {
      if (table.locked) return [];
      const ok: CellWrite[] = [];
      const bad: string[] = [];
      for (const w of writes) {
        const isCount = counts.has(w.key);
        if (!isCount && w.key !== 'dbkk') continue;
        const r = isCount ? normaliseCount(w.value) : normaliseFlag(w.value);
        if (r.ok) ok.push({ ...w, value: r.value });
        else bad.push(w.value.trim());
      }
      setRefused(
        bad.length
          ? `Không nhận ${bad.length === 1 ? `"${bad[0]}"` : `${bad.length} ô (${bad.slice(0, 3).map((b) => `"${b}"`).join(', ')}${bad.length > 3 ? ', …' : ''})`}: số liệu phải là số nguyên không âm (ví dụ 1.250), cột ĐBKK chỉ nhận x hoặc để trống.`
          : null,
      );
      return ok.length ? edit(ok) : [];
    },
    [counts, edit, table.locked],
  );

  const rows = useMemo<TableRow[]>(() => grid.rows.map((r) => ({ unitId: r.unitId!, name: r.unit, values: r.values })), [grid]);
  // Rows an edit did not touch keep their values object, and their findings (a province's table: thousands of rows).
  const cache = useMemo<TableCache>(() => new WeakMap(), [table]);
  const check = useMemo(() => checkTable(t, year, rows, table.prereqs, table.marks ?? undefined, cache), [t, year, rows, table, cache]);
  const gridRef = useRef<CountGridHandle>(null);
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const [basis, setBasis] = useState<{ open: boolean; byKey: boolean }>({ open: false, byKey: false });
  const toggleBasis = useCallback((byKey: boolean) => setBasis((b) => ({ open: !b.open, byKey })), []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isBasisKey(e) && !document.querySelector('[role="dialog"]')) {
        e.preventDefault();
        toggleBasis(true);
        return;
      }
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const z = e.code === 'KeyZ' || e.key.toLowerCase() === 'z';
      const y = e.code === 'KeyY' || e.key.toLowerCase() === 'y';
      if (!z && !y) return;
      if (isEditableElement(e.target) || document.querySelector('[role="dialog"]')) return;
      e.preventDefault();
      e.stopPropagation();
      const changes = z && !e.shiftKey ? undo() : redo();
      const first = changes?.[0];
      if (first) gridRef.current?.focusCell(grid.rows.findIndex((r) => r.unitId === first.unitId), first.key);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [undo, redo, toggleBasis, grid]);

  const closeBasis = useCallback(() => {
    setBasis({ open: false, byKey: false });
    gridRef.current?.focusCell(focusRow ?? 0, 'name');
  }, [focusRow]);

  const words = aggregateWords(view.unit);
  const member = view.unit.kind === 'huyen' ? 'xã' : 'đơn vị';
  const focused = focusRow === null ? null : rows[focusRow];
  return (
    <>
      <div className="counts-bar">
        <span className="grid-hint">
          {t.formCode} năm {year}. Gõ số nguyên, x ở cột ĐBKK, Delete để xóa, Ctrl+Z để hoàn tác, Ctrl+V để dán từ Excel; tỉ lệ và mức được tính tự động.
        </span>
        <button type="button" className="btn btn-small" aria-pressed={basis.open} data-testid="basis-toggle" title="Số liệu, tỉ lệ, ngưỡng và số người còn thiếu của xã đang chọn (Ctrl+Shift+K)" onClick={() => toggleBasis(false)}>
          Căn cứ
        </button>
      </div>
      {table.locked && (
        <p className="lock-banner" role="status">
          Biểu {t.sheet} năm {year} đã khóa số liệu: không sửa được.
        </p>
      )}
      {refused && (
        <p className="lock-banner" role="alert" data-testid="counts-refused">
          {refused}
        </p>
      )}
      <CountGrid
        ref={gridRef}
        template={t}
        year={year}
        grid={grid}
        aggregateId={view.unit.id}
        nameHeading={words.nameColumn}
        check={check}
        findings={check.findings}
        onAct={act}
        onRowFocus={setFocusRow}
      />
      <CountLevelsLine template={t} year={year} computed={check.levels.map((l) => (l ? l.level : null))} marked={table.marks ? check.marked : null} member={member} />
      {basis.open && (
        <BasisPanel
          template={t}
          year={year}
          unit={focused?.name ?? '(chưa chọn xã)'}
          row={focused ? countRowOf(t, year, focused) : null}
          prereqs={focusRow === null ? null : table.prereqs[focusRow]}
          marked={focusRow === null ? null : check.marked[focusRow]}
          missing={focused ? undefined : 'Chọn một ô trong dòng của xã để xem căn cứ.'}
          focusOnOpen={basis.byKey}
          onClose={closeBasis}
        />
      )}
      <ProblemsPanel findings={check.findings as RuleFinding[]} onJump={(f) => f.row !== null && gridRef.current?.focusCell(f.row, f.col)} />
    </>
  );
}
