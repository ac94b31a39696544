// The printed grid: a title and a <table> whose <thead> the browser repeats on every page. It
// lives at the end of <body> (a portal) and shows only in print; while it is there the rest of
// the page is not printed (print.css).
import { memo, useEffect, useMemo, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
import type { UnitNode } from '../../../shared/api';
import type { Grid } from '../../../shared/grid';
import type { TemplateDef } from '../../../shared/templates';
import { aggregateWords, formatDateTime, totalLabel, unitTitle } from '../platform/format';
import { printLayout } from './printLayout';
import './print.css';

interface Props {
  template: TemplateDef;
  grid: Grid;
  aggregate: UnitNode;
}

/** Memoised: built again only when the grid changes (an edit), not on every save state. */
export const PrintSheet = memo(function PrintSheet({ template, grid, aggregate }: Props) {
  const layout = useMemo(
    () => printLayout(template, grid, { nameColumn: aggregateWords(aggregate).nameColumn, totalRow: totalLabel(aggregate.kind) }),
    [template, grid, aggregate],
  );
  // The time on the sheet is the time it is printed (rendered again, at once, before printing).
  const [printedAt, setPrintedAt] = useState(() => new Date().toISOString());
  useEffect(() => {
    const stamp = () => flushSync(() => setPrintedAt(new Date().toISOString()));
    window.addEventListener('beforeprint', stamp);
    return () => window.removeEventListener('beforeprint', stamp);
  }, []);
  return createPortal(
    <div className="print-sheet" data-testid="print-sheet">
      <h1 className="print-title">
        {template.appendix} – {template.name}
      </h1>
      <p className="print-sub">
        {unitTitle(aggregate)} · In lúc {formatDateTime(printedAt)}
      </p>
      <table className="print-table">
        <colgroup>
          {layout.columns.map((c) => (
            <col key={c.id} style={{ width: `${c.width}%` }} />
          ))}
        </colgroup>
        <thead>
          {layout.header.map((row, i) => (
            <tr key={i}>
              {row.map((h) => (
                <th key={h.id} colSpan={h.colSpan} rowSpan={h.rowSpan}>
                  {h.text}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {layout.rows.map((r, i) => (
            <tr key={i} className={r.kind === 'total' ? 'print-total' : undefined}>
              {r.cells.map((text, j) => (
                <td key={j} className={`print-${layout.columns[j].kind}`}>
                  {text}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>,
    document.body,
  );
});
