// The live findings of the open grid, errors first; a click moves to the cell concerned.
import { memo, useCallback, useRef, useState } from 'react';
import type { RuleFinding, Severity } from '../../../shared/rules';
import { formatCount } from '../platform/format';

const TITLES: Record<Severity, string> = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' };
const ORDER: Severity[] = ['error', 'warning', 'info'];
/** Enough to work through; the rest are counted. */
const SHOWN = 300;

interface Props {
  /** null: the grid is being checked (just opened). */
  findings: RuleFinding[] | null;
  /** The grid could not be checked: why. */
  error?: string | null;
  onJump(f: RuleFinding): void;
}

/**
 * Keys that follow a finding when others come and go above it (an index would renumber the
 * whole list on every keystroke, and React would rebuild hundreds of items).
 */
const baseKeys = new WeakMap<RuleFinding, string>();

function findingKeys(list: RuleFinding[]): string[] {
  const seen = new Map<string, number>();
  return list.map((f) => {
    let base = baseKeys.get(f);
    if (base === undefined) baseKeys.set(f, (base = `${f.rule}|${f.row}|${f.col}`));
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n ? `${base}#${n}` : base;
  });
}

/** One finding; the live check keeps a finding's object while its row is unchanged, so most items skip rendering. */
const FindingItem = memo(function FindingItem({ finding, onJump }: { finding: RuleFinding; onJump(f: RuleFinding): void }) {
  return (
    <li>
      <button type="button" className="finding" data-rule={finding.rule} onClick={() => onJump(finding)}>
        {finding.message}
      </button>
    </li>
  );
});

const FOLD_KEY = 'pcgd.problems.folded';

/** Folded to its counts (a short screen gives the grid the room), remembered across reloads. */
function useFolded(): [boolean, () => void] {
  const [folded, setFolded] = useState(() => {
    try {
      return localStorage.getItem(FOLD_KEY) === '1';
    } catch {
      return false;
    }
  });
  const toggle = useCallback(() => {
    setFolded((f) => {
      try {
        localStorage.setItem(FOLD_KEY, f ? '0' : '1');
      } catch {
        // Storage refused: folded for this session only.
      }
      return !f;
    });
  }, []);
  return [folded, toggle];
}

export function ProblemsPanel({ findings, error, onJump }: Props) {
  const [folded, toggleFold] = useFolded();
  const jumpRef = useRef(onJump);
  jumpRef.current = onJump;
  const jump = useCallback((f: RuleFinding) => jumpRef.current(f), []);
  if (!findings) {
    return (
      <section className="problems" data-testid="problems" aria-label="Kết quả kiểm tra" aria-busy={!error}>
        <header className="problems-head">
          <span className="problems-title">Kiểm tra biểu</span>
          {error ? <span className="problems-error">Không kiểm tra được biểu: {error}</span> : <span className="muted">Đang kiểm tra…</span>}
        </header>
      </section>
    );
  }
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
        {findings.length > 0 && (
          <button type="button" className="btn btn-small problems-fold" data-testid="problems-fold" aria-expanded={!folded} onClick={toggleFold}>
            {folded ? 'Xem danh sách' : 'Thu gọn'}
          </button>
        )}
      </header>
      {findings.length > 0 && !folded && (
        <div className="problems-body">
          {ORDER.map((s) => {
            const list = by(s);
            if (!list.length) return null;
            const shown = list.slice(0, SHOWN);
            const keys = findingKeys(shown);
            return (
              <div key={s} className={`problems-group sev-${s}`}>
                <h3>
                  {TITLES[s]} ({formatCount(list.length)})
                </h3>
                <ul>
                  {shown.map((f, i) => (
                    <FindingItem key={keys[i]} finding={f} onJump={jump} />
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
