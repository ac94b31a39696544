// One file of a batch: its checkbox, name, commune, status, how many cells it changes and what
// the rules found; "Chi tiết" opens the changes and findings under it.
import { useState } from 'react';
import type { FileRow } from './importSummary';
import { ImportFileDetail } from './ImportFileDetail';
import { formatCount } from '../platform/format';
import { errorCount, HAS_ERRORS, STATUS_WORD, type RowStatus } from './importWords';
import './preview.css';

export interface RowChoice {
  checked: boolean;
  disabled: boolean;
}

interface Props {
  index: number;
  name: string;
  result?: FileRow;
  /** The words shown for a status in this phase ("Đã nhập" once stored). */
  words: Partial<Record<RowStatus, string>>;
  choice: RowChoice | null;
  onToggle?(index: number, on: boolean): void;
  defaultOpen: boolean;
  firstOfCommune?: string;
  verb: string;
}

function findingCounts(r: FileRow): string {
  const n = (s: string) => r.findings.filter((f) => f.severity === s).length;
  const parts = [n('error') && `${formatCount(n('error'))} lỗi`, n('warning') && `${formatCount(n('warning'))} cảnh báo`].filter(Boolean);
  return parts.length ? parts.join(', ') : '–';
}

export function ImportFileRow({ index, name, result, words, choice, onToggle, defaultOpen, firstOfCommune, verb }: Props) {
  const [open, setOpen] = useState(defaultOpen);
  const status: RowStatus = result?.status ?? 'pending';
  const detailId = `import-detail-${index}`;
  // Readable and matched, but the rules found errors: not "Sẵn sàng", and not ticked unasked.
  const flawed = !!result && result.status === 'ok' && errorCount(result) > 0;
  return (
    <tbody className="import-file" data-testid="import-file" data-status={status} data-file={name} data-has-errors={flawed ? 'true' : undefined}>
      <tr data-testid="import-file-row" data-status={status} data-index={index} className={choice?.checked ? 'chosen' : undefined}>
        <td className="col-choose">
          {choice && (
            <input
              type="checkbox"
              data-testid={`import-accept-${index}`}
              aria-label={`Chọn tệp ${name}`}
              checked={choice.checked}
              disabled={choice.disabled}
              onChange={(e) => onToggle?.(index, e.currentTarget.checked)}
            />
          )}
        </td>
        <td className="file-name">{name}</td>
        <td>
          {result?.unit ?? (result ? '–' : '')}
          {/* What storing the file creates besides its cells ("Tạo huyện mới: Huyện Mẫu, 12 xã"). */}
          {result?.note && (
            <div className="import-note" data-testid="import-note">
              {result.note}
            </div>
          )}
        </td>
        <td>
          {flawed && !words.ok ? (
            <span className="pill status-has-errors" data-testid="import-has-errors">
              {HAS_ERRORS}
            </span>
          ) : (
            <span className={`pill status-${status}`}>{words[status] ?? STATUS_WORD[status]}</span>
          )}
        </td>
        <td className="num">{result && result.status !== 'rejected' && result.status !== 'unknown-unit' ? (result.changes.length ? `${formatCount(result.changes.length)} ô` : 'Không đổi') : ''}</td>
        <td>{result ? findingCounts(result) : ''}</td>
        <td>
          {result && (
            <button type="button" className="link" aria-expanded={open} aria-controls={detailId} onClick={() => setOpen((o) => !o)}>
              {open ? 'Thu gọn' : 'Chi tiết'}
            </button>
          )}
        </td>
      </tr>
      {open && result && (
        <tr className="import-detail-row" id={detailId}>
          <td colSpan={7}>
            <ImportFileDetail result={result} firstOfCommune={firstOfCommune} verb={verb} />
          </td>
        </tr>
      )}
    </tbody>
  );
}
