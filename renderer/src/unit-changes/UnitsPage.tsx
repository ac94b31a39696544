// "Đơn vị hành chính": the units under the office as they are and were (kind, validity, codes,
// former names, what replaced them), and the changes an officer makes to them (add, rename, merge
// several into one from a date, retire one, a change table), each one step of the history that
// "Hoàn tác" takes back (DOMAIN.md §11.1).
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Input, UnitsView } from '../../../shared/api';
import { KINDS, type UnitKind } from '../../../shared/units/kinds';
import { officeWords } from '../../../shared/units/words';
import { api, errorText } from '../platform/api';
import { ChangeTablePanel } from './ChangeTablePanel';
import { DayInput } from './DayInput';
import { UnitHistory } from './UnitHistory';
import { UnitTable } from './UnitTable';
import { parentsOf, rowKinds, titleOf, today } from './unitWords';
import './units.css';

interface Props {
  reloadKey: number;
  /** After a change: the tree and the grids show the units as they are now. */
  onChanged(): void;
  onMessage(kind: 'info' | 'error', text: string): void;
}

const REFORM_DAY = '2025-07-01';

function KindSelect({ kinds, value, onChange, name }: { kinds: UnitKind[]; value: UnitKind; onChange(k: UnitKind): void; name: string }) {
  return (
    <select name={name} value={value} onChange={(e) => onChange(e.currentTarget.value as UnitKind)}>
      {kinds.map((k) => (
        <option key={k} value={k}>
          {KINDS[k].word}
        </option>
      ))}
    </select>
  );
}

export function UnitsPage({ reloadKey, onChanged, onMessage }: Props) {
  const [view, setView] = useState<UnitsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [parentId, setParentId] = useState<number | null>(null);
  const [picked, setPicked] = useState<number[]>([]);
  const [add, setAdd] = useState({ kind: 'xa' as UnitKind, name: '', code: '', date: '' });
  const [merge, setMerge] = useState({ kind: 'xa' as UnitKind, name: '', code: '', date: REFORM_DAY });

  const load = useCallback(async () => {
    try {
      setView(await api.unitsView({}));
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load, reloadKey]);

  const parents = useMemo(() => (view ? parentsOf(view, today()) : []), [view]);
  const parent = parents.find((p) => p.id === parentId) ?? parents[0];
  const words = parent ? officeWords(parent.kind, parent.name) : null;
  const kinds = rowKinds(parent);
  const rows = useMemo(() => (view && parent ? view.units.filter((u) => u.parentId === parent.id) : []), [view, parent]);

  /** Runs one change; the page, the tree and the grids reload after it. */
  async function change(input: Input<'changeUnits'>, after?: () => void) {
    setBusy(true);
    try {
      const r = await api.changeUnits(input);
      onMessage('info', `Đã lưu: ${r.summary}`);
      after?.();
      await load();
      onChanged();
    } catch (e) {
      onMessage('error', `Không thay đổi được: ${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  }

  async function undo(changeId: number) {
    setBusy(true);
    try {
      await api.undoUnitChange({ changeId });
      onMessage('info', 'Đã hoàn tác bước thay đổi đơn vị.');
      await load();
      onChanged();
    } catch (e) {
      onMessage('error', `Không hoàn tác được: ${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  }

  if (error) return <div className="page-message error">Không đọc được danh sách đơn vị: {error}</div>;
  if (!view) return <div className="page-message">Đang tải…</div>;
  const rowWord = words?.rowWord ?? 'xã';

  return (
    <div className="units-page" data-testid="units-page">
      <div className="completeness-head">
        <h1>Đơn vị hành chính{parent ? ` – ${titleOf(parent)}` : ''}</h1>
        {parents.length > 1 && (
          <label className="units-parent">
            Xem đơn vị thuộc
            <select value={parent?.id} onChange={(e) => { setParentId(Number(e.currentTarget.value)); setPicked([]); }} data-testid="units-parent">
              {parents.map((p) => (
                <option key={p.id} value={p.id}>
                  {titleOf(p)}
                  {p.validTo ? ' (đã hết hiệu lực)' : ''}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {parent && (
        <div className="units-forms">
          <form
            className="card"
            data-testid="unit-add"
            onSubmit={(e) => {
              e.preventDefault();
              void change(
                { op: 'add', parentId: parent.id, kind: add.kind, name: add.name, ...(add.code.trim() ? { code: add.code.trim() } : {}), ...(add.date ? { date: add.date } : {}) },
                () => setAdd((a) => ({ ...a, name: '', code: '' })),
              );
            }}
          >
            <h2>{words?.addRow ?? 'Thêm xã'}</h2>
            <div className="units-fields">
              {kinds.length > 1 && (
                <label>
                  Loại
                  <KindSelect name="add-kind" kinds={kinds} value={add.kind} onChange={(kind) => setAdd({ ...add, kind })} />
                </label>
              )}
              <label>
                Tên
                <input name="add-name" value={add.name} onChange={(e) => setAdd({ ...add, name: e.currentTarget.value })} maxLength={200} required />
              </label>
              <label>
                Mã (nếu có)
                <input name="add-code" value={add.code} onChange={(e) => setAdd({ ...add, code: e.currentTarget.value })} maxLength={40} size={8} />
              </label>
              <label>
                Từ ngày (nếu có)
                <DayInput name="add-date" value={add.date} onChange={(date) => setAdd({ ...add, date })} />
              </label>
            </div>
            <button type="submit" className="btn" disabled={busy || !add.name.trim()}>
              Thêm
            </button>
          </form>
          <form
            className="card"
            data-testid="unit-merge"
            onSubmit={(e) => {
              e.preventDefault();
              void change(
                { op: 'merge', unitIds: picked, parentId: parent.id, kind: merge.kind, name: merge.name, date: merge.date, ...(merge.code.trim() ? { code: merge.code.trim() } : {}) },
                () => {
                  setPicked([]);
                  setMerge((m) => ({ ...m, name: '', code: '' }));
                },
              );
            }}
          >
            <h2>
              Nhập các {rowWord} đã chọn thành một ({picked.length} đã chọn)
            </h2>
            <div className="units-fields">
              {kinds.length > 1 && (
                <label>
                  Loại
                  <KindSelect name="merge-kind" kinds={kinds} value={merge.kind} onChange={(kind) => setMerge({ ...merge, kind })} />
                </label>
              )}
              <label>
                Tên đơn vị mới
                <input name="merge-name" value={merge.name} onChange={(e) => setMerge({ ...merge, name: e.currentTarget.value })} maxLength={200} />
              </label>
              <label>
                Mã mới (nếu có)
                <input name="merge-code" value={merge.code} onChange={(e) => setMerge({ ...merge, code: e.currentTarget.value })} maxLength={40} size={8} />
              </label>
              <label>
                Từ ngày
                <DayInput name="merge-date" value={merge.date} onChange={(date) => setMerge({ ...merge, date })} />
              </label>
            </div>
            <button type="submit" className="btn btn-primary" disabled={busy || picked.length < 2 || !merge.name.trim() || !merge.date}>
              Nhập {picked.length >= 2 ? `${picked.length} ${rowWord}` : ''}
            </button>
          </form>
        </div>
      )}
      <UnitTable
        view={view}
        rows={rows}
        picked={picked}
        busy={busy}
        nameColumn={words?.nameColumn ?? 'Tên đơn vị'}
        today={today()}
        onPick={(id, on) => setPicked((p) => (on ? [...p, id] : p.filter((x) => x !== id)))}
        onRename={(unitId, name) => change({ op: 'rename', unitId, name })}
        onRetire={(unitId, date) => change({ op: 'retire', unitId, date })}
      />
      <UnitHistory changes={view.changes} busy={busy} onUndo={undo} />
      <ChangeTablePanel
        onApplied={async (text) => {
          onMessage('info', text);
          await load();
          onChanged();
        }}
        onMessage={onMessage}
      />
    </div>
  );
}
