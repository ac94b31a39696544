// The import summary (DHIS2's is the model): how many files were stored, how many of them changed
// cells and how many cells; then every file skipped, with its reason.
import { formatCount } from '../platform/format';
import type { ImportSummaryData } from './importSummary';

function Count({ label, value, tone, testId }: { label: string; value: number; tone: string; testId: string }) {
  return (
    <div className={`summary-count tone-${tone}`} data-testid={testId} data-value={value}>
      <span className="summary-value">{formatCount(value)}</span>
      <span className="summary-label">{label}</span>
    </div>
  );
}

export function ImportSummaryView({ summary: s }: { summary: ImportSummaryData }) {
  const unchanged = s.stored.length - s.updated;
  const headline =
    s.state === 'done'
      ? 'Đã nhập xong.'
      : s.state === 'cancelled'
        ? 'Đã dừng theo yêu cầu: các tệp đã nhập được lưu trọn vẹn, các tệp sau chưa được nhập.'
        : `Đợt nhập dừng vì lỗi: ${s.error ?? 'lỗi không rõ'}. Các tệp đã nhập vẫn được lưu trọn vẹn.`;
  return (
    <section className="import-summary" data-testid="import-summary" data-state={s.state} aria-label="Kết quả nhập">
      <p className={`summary-headline state-${s.state}`}>{headline}</p>
      <div className="summary-counts">
        <Count label="tệp đã nhập" value={s.stored.length} tone="ok" testId="summary-imported" />
        <Count label="tệp có cập nhật" value={s.updated} tone="ok" testId="summary-updated" />
        <Count label="ô đã thay đổi" value={s.cells} tone="ok" testId="summary-cells" />
        <Count label="tệp bỏ qua" value={s.skipped.length} tone={s.skipped.length ? 'warning' : 'ok'} testId="summary-skipped" />
      </div>
      {unchanged > 0 && <p className="muted">Trong số tệp đã nhập, {formatCount(unchanged)} tệp không khác gì dữ liệu đã lưu.</p>}
      {s.skipped.length > 0 && (
        <>
          <h3>Tệp bỏ qua và lý do</h3>
          <div className="summary-table-wrap">
            <table className="changes" data-testid="summary-skipped-list">
              <thead>
                <tr>
                  <th>Tệp</th>
                  <th>Xã</th>
                  <th>Lý do</th>
                </tr>
              </thead>
              <tbody>
                {s.skipped.map((f) => (
                  <tr key={f.index} data-testid="summary-skipped-file">
                    <td>{f.file}</td>
                    <td>{f.unit ?? '–'}</td>
                    <td>{f.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {s.stored.length > 0 && (
        <details className="summary-stored">
          <summary>Các tệp đã nhập ({formatCount(s.stored.length)})</summary>
          <table className="changes">
            <thead>
              <tr>
                <th>Tệp</th>
                <th>Xã</th>
                <th>Ô đã thay đổi</th>
              </tr>
            </thead>
            <tbody>
              {s.stored.map((f) => (
                <tr key={f.index}>
                  <td>{f.file}</td>
                  <td>{f.unit ?? '–'}</td>
                  <td>{formatCount(f.changes.length)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
