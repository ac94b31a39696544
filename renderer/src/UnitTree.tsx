// The side panel: commune search, then the unit tree (tỉnh › huyện › xã) with each district's
// appendix grids.
import { memo, useCallback, useDeferredValue, useRef, useState, type ReactNode } from 'react';
import type { UnitNode } from '../../shared/api';
import { TEMPLATES, type TemplateId } from '../../shared/templates';
import { CommuneSearch } from './CommuneSearch';
import { unitTitle } from './format';
import { completenessHash, gridHash } from './route';

/**
 * A commune of the tree. The shell re-renders on every save state; a country holds 3,321
 * communes, and only the one whose selection changed renders again.
 */
const CommuneItem = memo(function CommuneItem({ unit, selected, onPick }: { unit: UnitNode; selected: boolean; onPick(u: UnitNode): void }) {
  return (
    <li role="treeitem" aria-selected={selected}>
      <button type="button" className={`tree-commune${selected ? ' selected' : ''}`} onClick={() => onPick(unit)}>
        {unit.name}
      </button>
    </li>
  );
});

/** A unit's communes, folded: built only while unfolded (the open grid's unit, or a click). */
function CommuneList({ count, open, children }: { count: number; open: boolean; children: () => ReactNode }) {
  const [shown, setShown] = useState(open);
  return (
    <details open={open || undefined} onToggle={(e) => setShown(e.currentTarget.open)}>
      <summary>Xã, thị trấn ({count})</summary>
      {(open || shown) && <ul role="group">{children()}</ul>}
    </details>
  );
}

interface Props {
  units: UnitNode[];
  /** The open grid: its template and aggregating unit. */
  open: { template: TemplateId; unitId: number } | null;
  /** The district whose list of sent forms is on screen. */
  listed: number | null;
  selectedUnit: number | null;
  onPickUnit(unit: UnitNode): void;
}

export function UnitTree({ units: unitsNow, open: openNow, listed, selectedUnit, onPickUnit }: Props) {
  // A country's tree holds thousands of communes: it follows the units and the open grid a
  // moment later, so that the grid is fetched and shown first.
  const units = useDeferredValue(unitsNow);
  const open = useDeferredValue(openNow);
  const children = (id: number | null) => units.filter((u) => u.parentId === id);
  const pickRef = useRef(onPickUnit);
  pickRef.current = onPickUnit;
  const pick = useCallback((u: UnitNode) => pickRef.current(u), []);

  function node(u: UnitNode) {
    if (u.kind === 'xa') return <CommuneItem key={u.id} unit={u} selected={selectedUnit === u.id} onPick={pick} />;
    const kids = children(u.id);
    const communes = kids.filter((k) => k.kind === 'xa');
    const others = kids.filter((k) => k.kind !== 'xa');
    const aggregates = communes.length > 0 || u.kind === 'huyen';
    return (
      <li key={u.id} role="treeitem" aria-expanded="true" aria-selected={false}>
        <div className={`tree-unit kind-${u.kind}`}>{unitTitle(u)}</div>
        <ul role="group">
          {aggregates &&
            TEMPLATES.map((t) => {
              const active = open?.template === t.id && open.unitId === u.id;
              return (
                <li key={t.id} role="treeitem" aria-selected={active}>
                  <a className={`tree-grid${active ? ' active' : ''}`} href={gridHash(t.id, u.id)} aria-current={active ? 'page' : undefined}>
                    {t.appendix} – {t.name}
                  </a>
                </li>
              );
            })}
          {aggregates && communes.length > 0 && (
            <li role="treeitem" aria-selected={listed === u.id}>
              <a
                className={`tree-grid tree-completeness${listed === u.id ? ' active' : ''}`}
                href={completenessHash(u.id)}
                aria-current={listed === u.id ? 'page' : undefined}
                data-testid="tree-completeness"
              >
                Xã đã gửi biểu
              </a>
            </li>
          )}
          {others.map(node)}
          {communes.length > 0 && (
            <li role="treeitem" aria-expanded="true" aria-selected={false}>
              <CommuneList count={communes.length} open={open?.unitId === u.id}>
                {() => communes.map(node)}
              </CommuneList>
            </li>
          )}
        </ul>
      </li>
    );
  }

  return (
    <nav className="sidebar" data-testid="unit-tree" aria-label="Đơn vị và biểu">
      <CommuneSearch units={units} onPick={onPickUnit} />
      {units.length === 0 ? (
        <p className="muted tree-empty">Chưa có đơn vị nào.</p>
      ) : (
        <ul className="tree" role="tree">
          {children(null).map(node)}
        </ul>
      )}
    </nav>
  );
}
