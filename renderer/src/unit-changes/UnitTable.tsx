// The units under one parent, as they are and were: kind, validity, codes, other names, and what
// replaced them; each row can be chosen for a merge, renamed or retired from a date.
import { useState } from 'react';
import type { UnitsView } from '../../../shared/api';
import { KINDS } from '../../../shared/units/kinds';
import type { UnitRecord } from '../../../shared/units/model';
import { DayInput } from './DayInput';
import { endedBefore, titleOf, validityText, viDay } from './unitWords';

interface Props {
  view: UnitsView;
  rows: UnitRecord[];
  picked: number[];
  busy: boolean;
  nameColumn: string;
  today: string;
  onPick(unitId: number, on: boolean): void;
  onRename(unitId: number, name: string): Promise<void>;
  onRetire(unitId: number, date: string): Promise<void>;
}

type Editing = { unitId: number; op: 'rename'; value: string } | { unitId: number; op: 'retire'; value: string } | null;

export function UnitTable({ view, rows, picked, busy, nameColumn, today, onPick, onRename, onRetire }: Props) {
  const [editing, setEditing] = useState<Editing>(null);
  const byId = new Map(view.units.map((u) => [u.id, u]));

  function successors(u: UnitRecord): string {
    return view.links
      .filter((l) => l.from === u.id)
      .map((l) => `${titleOf(byId.get(l.to) ?? { kind: 'xa', name: '?' })} (${l.change.toLowerCase()}, ${viDay(l.date)})`)
      .join('; ');
  }

  function predecessors(u: UnitRecord): string {
    const from = view.links.filter((l) => l.to === u.id).map((l) => byId.get(l.from)?.name ?? '?');
    return from.length ? `từ ${from.join(', ')}` : '';
  }

  async function save() {
    const e = editing;
    if (!e || !e.value.trim()) return;
    await (e.op === 'rename' ? onRename(e.unitId, e.value) : onRetire(e.unitId, e.value));
    setEditing(null);
  }

  return (
    <section className="units-section">
      <table className="completeness-table units-table" data-testid="unit-table">
        <thead>
          <tr>
            <th aria-label="Chọn để nhập" />
            <th>{nameColumn}</th>
            <th>Loại</th>
            <th>Hiệu lực</th>
            <th>Mã</th>
            <th>Tên khác</th>
            <th>Thay đổi</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => {
            const ended = endedBefore(u, today);
            const mergedAway = view.links.some((l) => l.from === u.id && l.link === 'whole');
            const edit = editing?.unitId === u.id ? editing : null;
            return (
              <tr key={u.id} data-testid="unit-row" data-name={u.name} data-ended={ended ? 'yes' : undefined} className={ended ? 'ended' : undefined}>
                <td>
                  {!ended && !mergedAway && (
                    <input
                      type="checkbox"
                      aria-label={`Chọn ${titleOf(u)} để nhập`}
                      checked={picked.includes(u.id)}
                      onChange={(e) => onPick(u.id, e.currentTarget.checked)}
                    />
                  )}
                </td>
                <td>
                  {edit?.op === 'rename' ? (
                    <input
                      aria-label={`Tên mới của ${titleOf(u)}`}
                      value={edit.value}
                      autoFocus
                      onChange={(e) => setEditing({ ...edit, value: e.currentTarget.value })}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') void save();
                        if (e.key === 'Escape') setEditing(null);
                      }}
                    />
                  ) : (
                    titleOf(u)
                  )}
                </td>
                <td>{KINDS[u.kind].word}</td>
                <td>{validityText(u) || 'còn hiệu lực'}</td>
                <td>{u.codes.map((c) => c.code).join(', ')}</td>
                <td>{u.aliases.join(', ')}</td>
                <td>{[predecessors(u), successors(u) && `→ ${successors(u)}`].filter(Boolean).join(' ')}</td>
                <td className="units-actions">
                  {edit ? (
                    <>
                      {edit.op === 'retire' && (
                        <DayInput name="retire-date" aria-label={`Ngày ${titleOf(u)} thôi hiệu lực`} value={edit.value} onChange={(value) => setEditing({ ...edit, value })} />
                      )}
                      <button type="button" className="btn btn-primary" disabled={busy || !edit.value.trim()} onClick={() => void save()}>
                        {edit.op === 'rename' ? 'Lưu tên' : 'Thôi hiệu lực'}
                      </button>
                      <button type="button" className="btn" onClick={() => setEditing(null)}>
                        Hủy
                      </button>
                    </>
                  ) : (
                    !ended && (
                      <>
                        <button type="button" className="btn" disabled={busy} onClick={() => setEditing({ unitId: u.id, op: 'rename', value: u.name })}>
                          Đổi tên
                        </button>
                        <button type="button" className="btn" disabled={busy} onClick={() => setEditing({ unitId: u.id, op: 'retire', value: today })}>
                          Thôi hiệu lực…
                        </button>
                      </>
                    )
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
