// The side panel: commune search, then the unit tree (tỉnh › huyện › xã) with each district's
// appendix grids.
import { memo, useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import type { UnitNode } from '../../../shared/api';
import { TEMPLATES, type TemplateId } from '../../../shared/templates';
import { CommuneSearch } from './CommuneSearch';
import { aggregateWords, unitTitle } from '../platform/format';
import { completenessHash, countsHash, followUpHash, gridHash, targetsHash, UNITS_HASH } from '../platform/route';

/** "Xã, phường (7)": the footer's word for the rows, capitalised. */
function rowsLabel(u: UnitNode): string {
  const w = aggregateWords(u).footerRows;
  return w.charAt(0).toUpperCase() + w.slice(1);
}

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

interface CommuneListProps {
  communes: UnitNode[];
  /** "Xã, phường", "Xã, thị trấn", "Thôn, tổ dân phố": the rows as the unit's office calls them. */
  label: string;
  /** Unfolded: the open grid is this unit's. */
  open: boolean;
  selectedUnit: number | null;
  onPick(u: UnitNode): void;
}

/**
 * A unit's communes, folded: built only while unfolded (the open grid's unit, or a click), and
 * rendered again only when they, the fold or the chosen commune change.
 */
const CommuneList = memo(function CommuneList({ communes, label, open, selectedUnit, onPick }: CommuneListProps) {
  const [shown, setShown] = useState(open);
  return (
    <details open={open || undefined} onToggle={(e) => setShown(e.currentTarget.open)}>
      <summary>
        {label} ({communes.length})
      </summary>
      {(open || shown) && (
        <ul role="group">
          {communes.map((c) => (
            <CommuneItem key={c.id} unit={c} selected={selectedUnit === c.id} onPick={onPick} />
          ))}
        </ul>
      )}
    </details>
  );
});

/** A unit's children in order, and split: its communes, the others. */
interface Kids {
  all: UnitNode[];
  communes: UnitNode[];
  others: UnitNode[];
}

const NO_KIDS: Kids = { all: [], communes: [], others: [] };

interface Props {
  units: UnitNode[];
  /** The open grid: its template and aggregating unit. */
  open: { template: TemplateId; unitId: number } | null;
  /** The district whose list of sent forms is on screen. */
  listed: number | null;
  /** The district whose notes and follow-up flags ("Cần theo dõi") are on screen. */
  followed?: number | null;
  /** The unit whose plan targets are on screen. */
  targetsOf?: number | null;
  selectedUnit: number | null;
  /** The units page is on screen. */
  unitsOpen?: boolean;
  onPickUnit(unit: UnitNode): void;
}

export function UnitTree({ units: unitsNow, open: openNow, listed, followed = null, targetsOf = null, selectedUnit, unitsOpen, onPickUnit }: Props) {
  // A country's tree holds thousands of communes: it follows the units and the open grid a
  // moment later, so that the grid is fetched and shown first.
  const units = useDeferredValue(unitsNow);
  const open = useDeferredValue(openNow);
  // The same arrays from one render to the next, as long as the units are the same.
  const kids = useMemo(() => {
    const m = new Map<number | null, Kids>();
    for (const u of units) {
      let k = m.get(u.parentId);
      if (!k) m.set(u.parentId, (k = { all: [], communes: [], others: [] }));
      k.all.push(u);
      (u.kind === 'xa' ? k.communes : k.others).push(u);
    }
    return m;
  }, [units]);
  const kidsOf = (id: number | null) => kids.get(id) ?? NO_KIDS;
  const pickRef = useRef(onPickUnit);
  pickRef.current = onPickUnit;
  const pick = useCallback((u: UnitNode) => pickRef.current(u), []);

  function node(u: UnitNode) {
    // A commune office's commune has its thôn and tổ dân phố as rows: it aggregates like a district.
    if (u.kind === 'xa' && !kids.has(u.id)) return <CommuneItem key={u.id} unit={u} selected={selectedUnit === u.id} onPick={pick} />;
    const { communes, others } = kidsOf(u.id);
    const aggregates = communes.length > 0 || u.kind !== 'tinh';
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
            <li role="treeitem" aria-selected={false}>
              <a className="tree-grid tree-counts" href={countsHash('xmc-count', u.id)} data-testid="tree-counts">
                Số liệu đạt chuẩn (XMC, MN, TH, THCS)
              </a>
            </li>
          )}
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
          {aggregates && (
            <>
            <li role="treeitem" aria-selected={followed === u.id}>
              <a
                className={`tree-grid tree-completeness${followed === u.id ? ' active' : ''}`}
                href={followUpHash(u.id)}
                aria-current={followed === u.id ? 'page' : undefined}
                title="Mọi ghi chú và ô cần theo dõi của các phụ lục; Enter mở ô đó trong biểu"
                data-testid="tree-follow-up"
              >
                Cần theo dõi
              </a>
            </li>
            <li role="treeitem" aria-selected={targetsOf === u.id}>
              <a
                className={`tree-grid${targetsOf === u.id ? ' active' : ''}`}
                href={targetsHash(u.id)}
                aria-current={targetsOf === u.id ? 'page' : undefined}
                data-testid="tree-targets"
              >
                Mục tiêu kế hoạch
              </a>
            </li>
            </>
          )}
          {others.map(node)}
          {communes.length > 0 && (
            <li role="treeitem" aria-expanded="true" aria-selected={false}>
              <CommuneList communes={communes} label={rowsLabel(u)} open={open?.unitId === u.id} selectedUnit={selectedUnit} onPick={pick} />
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
        <>
          <a className={`tree-grid tree-units${unitsOpen ? ' active' : ''}`} href={UNITS_HASH} aria-current={unitsOpen ? 'page' : undefined} data-testid="show-units">
            Đơn vị hành chính (thêm, đổi tên, nhập xã)
          </a>
          <ul className="tree" role="tree">
            {kidsOf(null).all.map(node)}
          </ul>
        </>
      )}
    </nav>
  );
}
