// Which communes have sent their forms back: when, from which file, how many cells changed; and
// which have not. The list prints on its own (In danh sách), filtered to those missing if asked.
import './sent-errors.css';
import { useEffect, useState } from 'react';
import type { Outputs } from '../../../shared/api';
import { api, errorText } from '../platform/api';
import { formatCount, formatDateTime, unitTitle } from '../platform/format';
import { ListPrintControls, PrintedAt } from '../platform/ListPrint';

type Completeness = Outputs['completeness'];

interface Props {
  unitId?: number;
  /** Changes when the database changed (an import). */
  reloadKey: number;
  onOpened(unit: Completeness['unit'] | null): void;
}

export function CompletenessPage({ unitId, reloadKey, onOpened }: Props) {
  const [data, setData] = useState<Completeness | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [onlyMissing, setOnlyMissing] = useState(false);

  useEffect(() => {
    let live = true;
    api
      .completeness({ unitId })
      .then((d) => {
        if (!live) return;
        setData(d);
        setError(null);
        onOpened(d.unit);
      })
      .catch((e: unknown) => {
        if (!live) return;
        setError(errorText(e));
        onOpened(null);
      });
    return () => {
      live = false;
    };
  }, [unitId, reloadKey, onOpened]);

  if (error) return <div className="page-message error">Không mở được danh sách: {error}</div>;
  if (!data) return <div className="page-message">Đang tải…</div>;

  const sent = data.communes.filter((c) => c.at !== null).length;
  const total = data.communes.length;
  const rows = onlyMissing ? data.communes.filter((c) => c.at === null) : data.communes;
  const title = onlyMissing ? 'Danh sách xã chưa gửi biểu' : 'Tình hình gửi biểu của các xã';

  return (
    <div className="completeness-page" data-testid="completeness">
      <div className="completeness-head">
        <h1>
          {title} – {unitTitle(data.unit)}
        </h1>
        <span className={`pill ${sent === total ? 'pill-ok' : 'pill-warning'}`} data-testid="completeness-counts" data-sent={sent} data-total={total}>
          Đã gửi {formatCount(sent)}/{formatCount(total)}
        </span>
        <span className="muted">Chưa gửi: {formatCount(total - sent)}</span>
        <ListPrintControls filterLabel="Chỉ hiện xã chưa gửi" filtered={onlyMissing} onFilter={setOnlyMissing} filterTestId="completeness-only-missing" printTestId="completeness-print" />
      </div>
      <PrintedAt />
      {rows.length === 0 ? (
        <p className="page-message">{onlyMissing ? 'Tất cả các xã đã gửi biểu.' : 'Huyện chưa có xã nào.'}</p>
      ) : (
        <table className="completeness-table">
          <thead>
            <tr>
              <th className="num">STT</th>
              <th>Xã, thị trấn</th>
              <th>Tình trạng</th>
              <th>Lúc gửi</th>
              <th>Tệp</th>
              <th className="num">Số ô thay đổi</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c, i) => (
              <tr key={c.unitId} data-testid="completeness-row" data-unit={c.name} data-sent={c.at ? 'yes' : 'no'} className={c.at ? undefined : 'not-sent'}>
                <td className="num">{i + 1}</td>
                <td>{c.name}</td>
                <td data-testid="completeness-state" data-errors={c.errors ?? undefined}>
                  {!c.at ? (
                    <span className="missing">Chưa gửi</span>
                  ) : c.errors ? (
                    <span className="sent-with-errors">Đã gửi, có {formatCount(c.errors)} lỗi</span>
                  ) : (
                    <span className="sent">Đã gửi</span>
                  )}
                </td>
                <td>{c.at ? formatDateTime(c.at) : ''}</td>
                <td>{c.file ?? ''}</td>
                <td className="num">{c.changes !== null ? formatCount(c.changes) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
