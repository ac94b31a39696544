// The right end of a printable list's heading (Xã đã gửi biểu, Cần theo dõi): a filter the
// officer ticks and "In danh sách", both left off the paper; then, on paper only, when it was
// printed. Each list keeps its own print page (portrait or landscape) in its stylesheet.
import { formatDateTime } from './format';

interface Props {
  /** The filter's words ("Chỉ hiện xã chưa gửi"). */
  filterLabel: string;
  filtered: boolean;
  onFilter(on: boolean): void;
  /** The test ids the pages had, kept: the checkbox's and the button's. */
  filterTestId: string;
  printTestId: string;
}

export function ListPrintControls({ filterLabel, filtered, onFilter, filterTestId, printTestId }: Props) {
  return (
    <>
      <span className="toolbar-fill" />
      <label className="no-print check-label">
        <input type="checkbox" checked={filtered} onChange={(e) => onFilter(e.currentTarget.checked)} data-testid={filterTestId} />
        {filterLabel}
      </label>
      <button type="button" className="btn no-print" onClick={() => window.print()} data-testid={printTestId}>
        In danh sách
      </button>
    </>
  );
}

/** "In lúc 08:10 06/12/2026.", on paper only. */
export function PrintedAt() {
  return <p className="print-only">In lúc {formatDateTime(new Date().toISOString())}.</p>;
}
