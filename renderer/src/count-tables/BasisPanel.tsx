// "Căn cứ": what a level rests on, for one commune and year (DOMAIN.md §9.5): the computed level
// and the marked one, the clause that decided it, every criterion with its rate, n/d, threshold
// and shortfall ("cần thêm 3 người …"), and the counts themselves. Shown beside a count row and
// beside a Phụ lục mark.
import { useEffect, useMemo, useRef } from 'react';
import { basisOf, levelText, markedText, type CountRow, type CountTemplateDef, type Prereqs, type Tri } from '../../../shared/counts';

const STATE: Record<Tri, string> = { pass: 'Đạt', fail: 'Chưa đạt', undecided: 'Chưa xác định' };
const RULE = { normal: 'xã thường', dbkk: 'xã ĐBKK' } as const;

interface Props {
  template: CountTemplateDef;
  year: string;
  /** The commune as named in the district. */
  unit: string;
  /** Its count row; null: the table has no counts for it (or there is no table). */
  row: CountRow | null;
  prereqs?: Prereqs | null;
  /** The marked level of the Phụ lục result group "năm Y" (null: no single mark). */
  marked: number | null;
  /** Why there is nothing to show, when row is null. */
  missing?: string;
  /** Focus the panel when it opens (it was asked for by a key). */
  focusOnOpen?: boolean;
  onClose(): void;
}

export function BasisPanel({ template, year, unit, row, prereqs, marked, missing, focusOnOpen, onClose }: Props) {
  const basis = useMemo(() => (row ? basisOf(template, row, prereqs) : null), [template, row, prereqs]);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focusOnOpen) ref.current?.focus();
  }, [focusOnOpen]);
  const both = row?.dbkk === null;
  return (
    <section
      ref={ref}
      className="basis-panel"
      data-testid="basis-panel"
      aria-label={`Căn cứ ${template.programme} năm ${year} – ${unit}`}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <header className="basis-head">
        <h2>
          Căn cứ – {template.programme} năm {year} – {unit}
        </h2>
        <button type="button" className="btn btn-small" onClick={onClose} title="Đóng (Esc)">
          Đóng
        </button>
      </header>
      <div className="basis-body">
        {!basis ? (
          <p className="muted">{missing ?? `Chưa có số liệu của ${unit} trong biểu ${template.sheet} năm ${year}.`}</p>
        ) : (
          <>
            <p className="basis-levels">
              Tính từ số liệu: <b data-testid="basis-level">{levelText(template, basis.explanation)}</b>
              <span className="sep"> · </span>
              Đánh dấu ở phụ lục: <b>{markedText(template, marked) || 'không có (hoặc nhiều hơn một) dấu x'}</b>
              {both && <span className="muted"> · biểu không cho biết xã có thuộc diện ĐBKK không: tính theo cả hai cách</span>}
            </p>
            <p className="basis-clause" data-testid="basis-clause">
              {basis.explanation.clause.kind === 'top' ? 'Đạt tất cả tiêu chí.' : `Vì sao: ${basis.explanation.clause.text}.`}
            </p>
            <table className="basis-table">
              <thead>
                <tr>
                  <th scope="col">Mức</th>
                  {both && <th scope="col">Theo</th>}
                  <th scope="col">Tiêu chí (tỉ lệ, số liệu, ngưỡng, còn thiếu)</th>
                  <th scope="col">Căn cứ pháp lý</th>
                  <th scope="col">Kết quả</th>
                </tr>
              </thead>
              <tbody>
                {basis.criteria.map((c, i) => (
                  <tr key={i} className={`basis-${c.state}`} data-testid="basis-criterion">
                    <td>{template.levels[c.level - 1].name}</td>
                    {both && <td>{RULE[c.rule]}</td>}
                    <td>{c.text}</td>
                    <td>{c.criterion.article}</td>
                    <td>{STATE[c.state]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="basis-counts">
              <span className="muted">Số liệu: </span>
              {basis.counts.map((c, i) => (
                <span key={c.title}>
                  {i > 0 && '; '}
                  {c.title}: <b>{c.value || '(trống)'}</b>
                </span>
              ))}
            </p>
          </>
        )}
      </div>
    </section>
  );
}
