// The "Căn cứ" of a Phụ lục mark: for a cell of a result group "năm Y", the counts of that
// commune and year behind it (the count table of the same programme), with its rates,
// thresholds, the clause and the shortfall (BasisPanel). The marked level is read live from the
// grid on screen.
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { COUNT_TEMPLATES, countRowOf } from '../../../shared/counts';
import { groupsOf, type Grid } from '../../../shared/grid';
import { markedIndexes } from '../../../shared/rules/marks';
import type { TemplateDef } from '../../../shared/templates';
import type { FocusedCell } from '../platform/cells';
import { countsHash } from '../platform/route';
import { BasisPanel } from './BasisPanel';
import { useCountTables } from './useCountTable';

interface Props {
  template: TemplateDef;
  grid: Grid;
  districtId: number;
  /** The cell the user is on (null: none yet). */
  cell: FocusedCell | null;
  focusOnOpen: boolean;
  onClose(): void;
}

export function MarkBasis({ template, grid, districtId, cell, focusOnOpen: asked, onClose }: Props) {
  // The panel takes the focus once, when opened by its key: never again as the user moves on the grid.
  const once = useRef(asked);
  useEffect(() => {
    once.current = false;
  });
  // A panel that had the focus and gives way to another (a sentence to the figures) hands it on.
  const focusOnOpen = once.current || !!document.activeElement?.closest('.basis-panel');
  const counts = COUNT_TEMPLATES.find((c) => c.marks === template.id);
  const groups = useMemo(() => groupsOf(template, grid.layout), [template, grid.layout]);
  const group = cell ? groups.find((g) => g.marks.includes(cell.key) || g.assessment === cell.key) : undefined;
  const years = useMemo(() => [...new Set(groups.filter((g) => g.kind === 'result').map((g) => g.when))], [groups]);
  const tables = useCountTables(counts?.id, districtId, years);

  const note = (text: ReactNode) => (
    <NotePanel focusOnOpen={focusOnOpen} onClose={onClose}>
      {text}
    </NotePanel>
  );

  if (!counts) return note(`${template.appendix} không có biểu số liệu để so.`);
  if (!cell || cell.unitId === districtId) return note('Chọn một ô đánh dấu của một xã trong nhóm kết quả “năm …” để xem căn cứ.');
  if (!group || group.kind !== 'result' || (counts.markAge && group.age !== counts.markAge))
    return note(
      counts.markAge
        ? `Căn cứ chỉ có cho kết quả trẻ ${counts.markAge} của một năm: các nhóm khác không có chuẩn bằng số liệu.`
        : 'Căn cứ chỉ có cho kết quả của một năm (nhóm “năm …”); các giai đoạn đề xuất không so với số liệu.',
    );
  const year = group.when;
  const loaded = tables.get(year);
  if (!loaded || loaded.state === 'loading') return note('Đang đọc số liệu…');
  if (loaded.state === 'error') return note(`Không đọc được số liệu: ${loaded.message}`);
  const table = loaded.view.table;
  if (!table || table.year !== year)
    return note(
      <>
        Chưa có biểu {counts.sheet} năm {year} để làm căn cứ. <a href={countsHash(counts.id, districtId)}>Mở số liệu đạt chuẩn</a> để tạo biểu hoặc nhập tệp.
      </>,
    );
  const at = table.rows.findIndex((r) => r.unitId === cell.unitId);
  const stored = at < 0 ? null : table.rows[at];
  const row = grid.rows.find((r) => r.unitId === cell.unitId);
  const marks = row ? markedIndexes(row, group) : [];
  return (
    <BasisPanel
      template={counts}
      year={year}
      unit={cell.unitName}
      row={stored ? countRowOf(counts, year, stored) : null}
      prereqs={at < 0 ? null : table.prereqs[at]}
      marked={marks.length === 1 ? group.ranks[marks[0]] : null}
      focusOnOpen={focusOnOpen}
      onClose={onClose}
    />
  );
}

/** The panel with a sentence instead of figures (not a result mark, no table yet…). */
function NotePanel({ children, focusOnOpen, onClose }: { children: ReactNode; focusOnOpen: boolean; onClose(): void }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focusOnOpen) ref.current?.focus();
  }, [focusOnOpen]);
  return (
    <section
      ref={ref}
      className="basis-panel"
      data-testid="basis-panel"
      aria-label="Căn cứ"
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <header className="basis-head">
        <h2>Căn cứ</h2>
        <button type="button" className="btn btn-small" onClick={onClose} title="Đóng (Esc)">
          Đóng
        </button>
      </header>
      <div className="basis-body">
        <p className="muted">{children}</p>
      </div>
    </section>
  );
}
