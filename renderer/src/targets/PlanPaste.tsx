// "Dán nội dung kế hoạch": the plan's text pasted in, the targets its sentences state proposed
// (DOMAIN.md §10.6), each with how the grids meet it, for the officer to tick and add. The
// sentences the proposer cannot read are listed as they are, with why: never guessed.
import { useState } from 'react';
import type { Outputs } from '../../../shared/api';
import { api, errorText } from '../platform/api';
import { formatCount } from '../platform/format';
import { STATUS_WORDS } from './TargetsGrid';

interface Props {
  unitId: number;
  onAdd(cells: string[][]): void;
  onClose(): void;
}

type Proposed = Outputs['proposeTargets'];

function describe(cells: readonly string[]): string {
  const [, prog, level, kind, value, when, scope, mode] = cells;
  return [mode, prog, level, kind, value, when, scope].filter(Boolean).join(' · ');
}

export function PlanPaste({ unitId, onAdd, onClose }: Props) {
  const [text, setText] = useState('');
  const [when, setWhen] = useState('');
  const [result, setResult] = useState<Proposed | null>(null);
  const [chosen, setChosen] = useState<boolean[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const whenOk = when.trim() === '' || /^\d{4}(-\d{4})?$/.test(when.trim());

  async function propose() {
    setBusy(true);
    setError(null);
    try {
      const r = await api.proposeTargets({ unitId, text, when: when.trim() || undefined });
      setResult(r);
      setChosen(r.proposals.map(() => true));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const count = chosen.filter(Boolean).length;
  return (
    <section className="plan-paste" data-testid="plan-paste" aria-label="Dán nội dung kế hoạch">
      <h2>Dán nội dung kế hoạch</h2>
      <p className="muted">
        Dán toàn bộ hoặc phần “Mục tiêu” của kế hoạch. Ứng dụng đề xuất các chỉ tiêu đọc được từ các câu; hãy kiểm tra, đánh dấu và bấm “Thêm”. Câu
        không đọc được được liệt kê để tự nhập, không đoán.
      </p>
      <textarea
        className="plan-text"
        data-testid="plan-text"
        aria-label="Nội dung kế hoạch"
        rows={7}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="Ví dụ: Đến năm 2025: 85% trở lên các xã, thị trấn đạt chuẩn xóa mù chữ mức độ 2…"
      />
      <div className="plan-actions">
        <label>
          Năm/Giai đoạn khi kế hoạch không ghi:{' '}
          <input data-testid="plan-when" value={when} onChange={(e) => setWhen(e.target.value)} placeholder="2021-2025" size={10} aria-invalid={!whenOk} />
        </label>
        <button type="button" className="btn btn-primary" data-testid="plan-propose" disabled={busy || !text.trim() || !whenOk} onClick={propose}>
          Đề xuất chỉ tiêu
        </button>
        <button type="button" className="btn" onClick={onClose}>
          Đóng
        </button>
        {!whenOk && <span className="error-text">Ghi một năm (2024) hoặc một giai đoạn (2021-2025).</span>}
        {error && <span className="error-text">{error}</span>}
      </div>
      {result && (
        <div className="plan-result">
          <h3>
            Chỉ tiêu đề xuất ({formatCount(result.proposals.length)}) – đơn vị {result.scope}
          </h3>
          {result.proposals.length === 0 && <p className="muted">Không có câu nào nêu chỉ tiêu phổ cập giáo dục, xóa mù chữ.</p>}
          <ul className="proposals" data-testid="proposals">
            {result.proposals.map((p, i) => (
              <li key={i} data-testid="proposal" data-status={p.status}>
                <label>
                  <input type="checkbox" checked={chosen[i] ?? false} onChange={(e) => setChosen((c) => c.map((v, j) => (j === i ? e.target.checked : v)))} />{' '}
                  <strong>{describe(p.cells)}</strong>
                </label>
                <div className="proposal-text">“{p.cells[8]}”</div>
                <div className={`proposal-eval status-${p.status}`}>
                  {STATUS_WORDS[p.status]}: {p.message}
                </div>
              </li>
            ))}
          </ul>
          {result.unread.length > 0 && (
            <>
              <h3>Câu chưa đọc được ({formatCount(result.unread.length)}) – hãy tự nhập nếu đó là chỉ tiêu</h3>
              <ul className="unread" data-testid="unread">
                {result.unread.map((u, i) => (
                  <li key={i}>
                    Dòng {u.line}: “{u.sentence}” – <span className="muted">{u.reason}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className="plan-actions">
            <button
              type="button"
              className="btn btn-primary"
              data-testid="plan-add"
              disabled={count === 0}
              onClick={() => onAdd(result.proposals.filter((_, i) => chosen[i]).map((p) => p.cells))}
            >
              Thêm {formatCount(count)} chỉ tiêu đã chọn
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
