// One file opened in the preview: why it has its status, each change against the stored values
// (commune · column: old → new, the file's own cell address on hover), and the rules' findings.
import type { ImportFileResult } from '../../../shared/api';
import { FindingList } from '../findings/FindingList';
import { formatCount } from '../platform/format';
import { changeText, CONFLICT_OF_ORIGIN, STATUS_HINT } from './importWords';

const CHANGES_SHOWN = 200;

interface Props {
  result: ImportFileResult;
  /** For a duplicate: the file of the same commune that comes first. */
  firstOfCommune?: string;
  /** "sẽ thay đổi" in a preview, "đã thay đổi" once stored. */
  verb: string;
}

export function ImportFileDetail({ result: r, firstOfCommune, verb }: Props) {
  return (
    <div className="import-detail">
      <p className={`status-hint hint-${r.status}`}>
        {r.status === 'rejected' && r.reason ? `Không nhập được tệp: ${r.reason}` : r.status === 'conflict' && r.reason ? `${r.reason} ${CONFLICT_OF_ORIGIN}` : STATUS_HINT[r.status]}
        {firstOfCommune && ` Tệp đứng trước của xã này: “${firstOfCommune}”.`}
      </p>
      {r.status !== 'rejected' && r.status !== 'unknown-unit' && (
        <>
          <h4 className="detail-title">
            {r.changes.length ? `${formatCount(r.changes.length)} ô ${verb}` : 'Không có ô nào khác với dữ liệu đã lưu'}
          </h4>
          {r.changes.length > 0 && (
            <ul className="changes-words">
              {r.changes.slice(0, CHANGES_SHOWN).map((c, i) => (
                <li key={i} data-testid="import-change" title={`Trong tệp: ${c.sheet}${c.cell ? ` ô ${c.cell}` : ''}`}>
                  {changeText(c)}
                </li>
              ))}
            </ul>
          )}
          {r.changes.length > CHANGES_SHOWN && <p className="muted">… và {formatCount(r.changes.length - CHANGES_SHOWN)} ô khác.</p>}
        </>
      )}
      {(r.status !== 'rejected' || r.findings.length > 0) && <FindingList findings={r.findings} />}
    </div>
  );
}
