// The live findings of the open grid, errors first; a click moves to the cell concerned.
import type { RuleFinding, Severity } from '../../shared/rules';
import { formatCount } from './format';

const TITLES: Record<Severity, string> = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' };
const ORDER: Severity[] = ['error', 'warning', 'info'];
/** Enough to work through; the rest are counted. */
const SHOWN = 300;

interface Props {
  findings: RuleFinding[];
  onJump(f: RuleFinding): void;
}

export function ProblemsPanel({ findings, onJump }: Props) {
  const by = (s: Severity) => findings.filter((f) => f.severity === s);
  const errors = by('error').length;
  const warnings = by('warning').length;
  return (
    <section className="problems" data-testid="problems" data-count-error={errors} data-count-warning={warnings} aria-label="Kết quả kiểm tra">
      <header className="problems-head">
        <span className="problems-title">Kiểm tra biểu</span>
        <span className={`pill ${errors ? 'pill-error' : 'pill-ok'}`}>{formatCount(errors)} lỗi</span>
        <span className={`pill ${warnings ? 'pill-warning' : 'pill-ok'}`}>{formatCount(warnings)} cảnh báo</span>
        {findings.length === 0 && <span className="problems-none">Không có lỗi hay cảnh báo nào.</span>}
      </header>
      {findings.length > 0 && (
        <div className="problems-body">
          {ORDER.map((s) => {
            const list = by(s);
            if (!list.length) return null;
            return (
              <div key={s} className={`problems-group sev-${s}`}>
                <h3>
                  {TITLES[s]} ({formatCount(list.length)})
                </h3>
                <ul>
                  {list.slice(0, SHOWN).map((f, i) => (
                    <li key={`${f.rule}-${f.row}-${f.col}-${i}`}>
                      <button type="button" className="finding" data-rule={f.rule} onClick={() => onJump(f)}>
                        {f.message}
                      </button>
                    </li>
                  ))}
                  {list.length > SHOWN && <li className="more">… và {formatCount(list.length - SHOWN)} mục khác</li>}
                </ul>
              </div>
            );
          })}
        </div>
      )}
    </section>
  );
}
