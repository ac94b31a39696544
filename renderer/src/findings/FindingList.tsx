// A file's findings from the rules, grouped by severity, each with the sheet and cell it names.
import type { Finding } from '../../../shared/report';
import type { Severity } from '../../../shared/rules';
import { formatCount } from '../platform/format';

export const SEVERITY_WORD: Record<Severity, string> = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' };

export function FindingList({ findings }: { findings: Finding[] }) {
  if (!findings.length) return <p className="muted">Không có lỗi hay cảnh báo nào.</p>;
  return (
    <>
      {(['error', 'warning', 'info'] as const).map((s) => {
        const list = findings.filter((f) => f.severity === s);
        if (!list.length) return null;
        return (
          <div key={s} className={`problems-group sev-${s}`}>
            <h4>
              {SEVERITY_WORD[s]} ({formatCount(list.length)})
            </h4>
            <ul>
              {list.map((f, i) => (
                <li key={i} className="import-finding" data-rule={f.rule}>
                  {f.sheet && (
                    <span className="where">
                      {f.sheet}
                      {f.cell ? `!${f.cell}` : ''}:{' '}
                    </span>
                  )}
                  {f.message}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </>
  );
}
