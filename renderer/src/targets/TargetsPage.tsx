// "Mục tiêu kế hoạch": the unit's plan targets as a grid, each checked on the stored grids
// (DOMAIN.md §10.2) as soon as it is typed. Every change saves the list whole; while a row
// cannot be read nothing is stored, the row says why, and the page says the list is not saved.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TargetRowView, TargetVersionInfo, UnitNode } from '../../../shared/api';
import { api, errorText } from '../platform/api';
import { formatCount, formatTime, unitTitle } from '../platform/format';
import { PlanPaste } from './PlanPaste';
import { TargetHistory } from './TargetHistory';
import { editCell, fromViews, isBlank, newRow, pasteBlock, replaceRows, withResults, type TargetRow } from './targetRows';
import { TargetsGrid, type TargetsGridHandle } from './TargetsGrid';
import './targets.css';

interface Props {
  unitId?: number;
  reloadKey: number;
  onOpened(unit: UnitNode | null): void;
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'unsaved'; invalid: number } | { kind: 'failed'; message: string };

function summary(rows: readonly TargetRow[]): string {
  const n = (s: TargetRow['status']) => rows.filter((r) => r.status === s).length;
  const parts = [`${formatCount(n('met'))} đạt`, `${formatCount(n('unmet'))} chưa đạt`];
  if (n('undecided')) parts.push(`${formatCount(n('undecided'))} chưa đủ dữ liệu`);
  if (n('invalid')) parts.push(`${formatCount(n('invalid'))} chưa đọc được`);
  return parts.join(' · ');
}

export function TargetsPage({ unitId, reloadKey, onOpened }: Props) {
  const [unit, setUnit] = useState<UnitNode | null>(null);
  const [rows, setRows] = useState<TargetRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [pasting, setPasting] = useState(false);
  const [versions, setVersions] = useState<TargetVersionInfo[]>([]);
  const [restoring, setRestoring] = useState(false);
  const gridRef = useRef<TargetsGridHandle>(null);
  const seq = useRef(0);

  useEffect(() => {
    let live = true;
    api
      .targets({ unitId })
      .then((v) => {
        if (!live) return;
        setUnit(v.unit);
        setRows(fromViews(v.rows));
        onOpened(v.unit);
        return api.targetHistory({ unitId: v.unit.id }).then((h) => live && setVersions(h.versions));
      })
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [unitId, reloadKey, onOpened]);

  /** The rows changed: shown at once, then saved whole and checked (the last change wins). */
  const change = useCallback(
    (next: TargetRow[]) => {
      setRows(next);
      if (!unit) return;
      const mine = ++seq.current;
      setSave({ kind: 'saving' });
      api
        .setTargets({ unitId: unit.id, rows: next.filter((r) => !isBlank(r)).map((r) => r.cells) })
        .then((res) => {
          if (mine !== seq.current) return;
          setRows((cur) => (cur ? withResults(cur, res.rows as TargetRowView[]) : cur));
          setSave(res.saved ? { kind: 'saved', at: new Date().toISOString() } : { kind: 'unsaved', invalid: res.rows.filter((r) => r.status === 'invalid').length });
          if (res.saved) return api.targetHistory({ unitId: unit.id }).then((h) => mine === seq.current && setVersions(h.versions));
        })
        .catch((e: unknown) => mine === seq.current && setSave({ kind: 'failed', message: errorText(e) }));
    },
    [unit],
  );

  /** Puts a kept list back (the newest one: Hoàn tác); the list it replaces is kept in turn. */
  const restore = useCallback(
    (historyId: number) => {
      if (!unit) return;
      const mine = ++seq.current;
      setRestoring(true);
      setSave({ kind: 'saving' });
      api
        .restoreTargets({ unitId: unit.id, historyId })
        .then(async (v) => {
          const h = await api.targetHistory({ unitId: unit.id });
          if (mine !== seq.current) return;
          setRows((cur) => replaceRows(cur ?? [], v.rows as TargetRowView[]));
          setVersions(h.versions);
          setSave({ kind: 'saved', at: new Date().toISOString() });
        })
        .catch((e: unknown) => mine === seq.current && setSave({ kind: 'failed', message: errorText(e) }))
        .finally(() => setRestoring(false));
    },
    [unit],
  );
  const undo = useCallback(() => {
    if (versions[0] && !restoring) restore(versions[0].id);
  }, [versions, restoring, restore]);

  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const onEdit = useCallback((row: number, col: number, value: string) => rowsRef.current && change(editCell(rowsRef.current, row, col, value.trim())), [change]);
  const onPaste = useCallback((row: number, col: number, block: string[][]) => rowsRef.current && change(pasteBlock(rowsRef.current, row, col, block)), [change]);

  if (error) return <div className="page-message error">Không mở được mục tiêu kế hoạch: {error}</div>;
  if (!rows || !unit) return <div className="page-message">Đang tải…</div>;

  function addRow() {
    const next = [...rows!, newRow()];
    setRows(next);
    requestAnimationFrame(() => gridRef.current?.focus(next.length - 1));
  }

  function removeRow() {
    const at = gridRef.current?.focusedRow();
    if (at === null || at === undefined || !rows![at]) return;
    change(rows!.filter((_, i) => i !== at));
    requestAnimationFrame(() => gridRef.current?.focus(Math.min(at, rows!.length - 2)));
  }

  function addProposals(cells: string[][]) {
    const kept = rows!.filter((r) => !isBlank(r));
    change([...kept, ...cells.map((c) => newRow(c))]);
    setPasting(false);
  }

  /** Ctrl+Z on the page undoes the last change of the list, unless a cell or field is being edited. */
  function onKeyDown(e: React.KeyboardEvent) {
    if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || e.key.toLowerCase() !== 'z') return;
    const t = e.target as HTMLElement;
    if (t.closest('input, textarea, select, [contenteditable="true"], .ag-cell-inline-editing')) return;
    e.preventDefault();
    undo();
  }

  return (
    <div className="targets-page" data-testid="targets-page" onKeyDown={onKeyDown}>
      <div className="targets-head">
        <h1>Mục tiêu kế hoạch – {unitTitle(unit)}</h1>
        <span className="targets-summary" data-testid="targets-summary">
          {formatCount(rows.filter((r) => !isBlank(r)).length)} chỉ tiêu: {summary(rows)}
        </span>
        <span className={`targets-save save-${save.kind}`} data-testid="targets-save" role="status">
          {save.kind === 'saving' && 'Đang lưu…'}
          {save.kind === 'saved' && `Đã lưu lúc ${formatTime(save.at)}`}
          {save.kind === 'unsaved' && `Chưa lưu: ${formatCount(save.invalid)} dòng chưa đọc được (xem cột Đánh giá)`}
          {save.kind === 'failed' && `Không lưu được: ${save.message}`}
        </span>
      </div>
      <div className="targets-actions">
        <button type="button" className="btn" data-testid="targets-add-row" onClick={addRow}>
          Thêm dòng
        </button>
        <button type="button" className="btn" data-testid="targets-remove-row" onClick={removeRow} title="Xóa dòng của ô đang chọn">
          Xóa dòng đang chọn
        </button>
        <button type="button" className="btn" data-testid="targets-paste-plan" aria-expanded={pasting} onClick={() => setPasting((p) => !p)}>
          Dán nội dung kế hoạch
        </button>
        <button type="button" className="btn" data-testid="targets-undo" disabled={!versions.length || restoring} onClick={undo} title="Đưa danh sách chỉ tiêu về như trước lần thay đổi gần nhất (Ctrl+Z)">
          Hoàn tác
        </button>
        <span className="muted">Gõ hoặc dán (Ctrl+V) các ô từ Excel; Đơn vị để trống là {unitTitle(unit)}.</span>
      </div>
      <TargetHistory versions={versions} busy={restoring} onRestore={restore} />
      {pasting && <PlanPaste unitId={unit.id} onAdd={addProposals} onClose={() => setPasting(false)} />}
      {rows.length === 0 && !pasting && (
        <p className="page-message" data-testid="targets-empty">
          Chưa có chỉ tiêu nào. Bấm “Dán nội dung kế hoạch” để đề xuất từ văn bản kế hoạch, hoặc “Thêm dòng” để tự nhập.
        </p>
      )}
      <TargetsGrid ref={gridRef} rows={rows} onEdit={onEdit} onPaste={onPaste} />
    </div>
  );
}
