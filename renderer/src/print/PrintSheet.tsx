// The printed grid: a title and a <table> whose <thead> the browser repeats on every page. It
// lives at the end of <body> (a portal) and exists only while printing; while it is there the
// rest of the page is not printed (print.css).
import { memo, useEffect, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
import type { UnitNode } from '../../../shared/api';
import type { Grid } from '../../../shared/grid';
import type { TemplateDef } from '../../../shared/templates';
import { commitEdits } from '../platform/editCommit';
import { aggregateWords, formatDateTime, totalLabel, unitTitle } from '../platform/format';
import { printLayout } from './printLayout';
import './print.css';

interface Props {
  template: TemplateDef;
  grid: Grid;
  aggregate: UnitNode;
}

/**
 * Shows (detail true) or removes the sheet without a print event: "Lưu PDF" holds it for the
 * whole of printToPDF rather than rely on that firing beforeprint.
 */
export const SHEET_EVENT = 'pcgd:print-sheet';

/**
 * Rendered only while printing (from 'beforeprint', synchronously, to 'afterprint'): a country's
 * grid is thousands of rows, and a hidden table following every edit would cost each keystroke.
 */
export const PrintSheet = memo(function PrintSheet({ template, grid, aggregate }: Props) {
  // The time on the sheet is the time it is printed.
  const [printedAt, setPrintedAt] = useState<string | null>(null);
  useEffect(() => {
    // Printed from elsewhere than our controls (the browser's menu), the cell being typed into
    // is committed here, in the same synchronous render as the sheet, so the sheet shows it.
    const start = () =>
      flushSync(() => {
        commitEdits();
        setPrintedAt(new Date().toISOString());
      });
    const end = () => setPrintedAt(null);
    const asked = (e: Event) => ((e as CustomEvent<boolean>).detail ? start() : end());
    window.addEventListener('beforeprint', start);
    window.addEventListener('afterprint', end);
    window.addEventListener(SHEET_EVENT, asked);
    return () => {
      window.removeEventListener('beforeprint', start);
      window.removeEventListener('afterprint', end);
      window.removeEventListener(SHEET_EVENT, asked);
    };
  }, []);
  if (printedAt === null) return null;
  return <Sheet template={template} grid={grid} aggregate={aggregate} printedAt={printedAt} />;
});

function Sheet({ template, grid, aggregate, printedAt }: Props & { printedAt: string }) {
  const layout = printLayout(template, grid, { nameColumn: aggregateWords(aggregate).nameColumn, totalRow: totalLabel(aggregate.kind, aggregate.detailedKind) });
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
}
