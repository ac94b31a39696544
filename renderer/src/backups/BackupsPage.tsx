// "Sao lưu và khôi phục": the database's backups with their dates and sizes, a backup now, and a
// restore that asks first. The same page is the recovery screen when the database could not be
// opened at start: it says what is wrong and points at the newest backup that passes the checks.
import { useCallback, useEffect, useState } from 'react';
import type { BackupEntry, BackupsView, RecoveryInfo } from '../../../shared/api';
import { api, errorText } from '../platform/api';
import { formatDateTime } from '../platform/format';
import { viNumber } from '../../../shared/text/intl';

const SIZE = viNumber({ maximumFractionDigits: 1 });

/** "720 KB", "1,2 MB" */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte`;
  if (bytes < 1024 * 1024) return `${SIZE().format(bytes / 1024)} KB`;
  return `${SIZE().format(bytes / (1024 * 1024))} MB`;
}

interface Props {
  /** Set when the app is in recovery: the page is then the recovery screen. */
  recovery?: RecoveryInfo;
  /** After a restore: the app reloads what it shows. */
  onRestored(message: string): void;
  onMessage(kind: 'info' | 'error', text: string): void;
}

export function BackupsPage({ recovery, onRestored, onMessage }: Props) {
  const [view, setView] = useState<BackupsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<BackupEntry | null>(null);

  const load = useCallback(async () => {
    try {
      setView(await api.backups({}));
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  async function backupNow() {
    setBusy(true);
    try {
      const { backup } = await api.backupNow({});
      onMessage('info', `Đã sao lưu lúc ${formatDateTime(backup.at)} (${formatSize(backup.size)}).`);
      await load();
    } catch (e) {
      onMessage('error', `Không sao lưu được: ${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  }

  async function restore(b: BackupEntry) {
    setAsking(null);
    setBusy(true);
    try {
      await api.restoreBackup({ name: b.name });
      onRestored(`Đã khôi phục dữ liệu từ bản sao lưu lúc ${formatDateTime(b.at)}.`);
    } catch (e) {
      onMessage('error', `Không khôi phục được: ${errorText(e)}`);
    } finally {
      setBusy(false);
      await load();
    }
  }

  const canRestore = recovery?.reason !== 'newer';
  const suggested = view?.suggested;

  return (
    <div className="backups-page" data-testid={recovery ? 'recovery' : 'backups'}>
      <div className="completeness-head">
        <h1>{recovery ? 'Cần khôi phục cơ sở dữ liệu' : 'Sao lưu và khôi phục'}</h1>
        <span className="toolbar-fill" />
        {!recovery && (
          <button type="button" className="btn btn-primary" onClick={backupNow} disabled={busy} data-testid="backup-now">
            Sao lưu ngay
          </button>
        )}
      </div>
      {recovery && (
        <div className="page-message error" role="alert" data-testid="recovery-message">
          <p>{recovery.message}</p>
          {canRestore ? (
            <p>
              Ứng dụng chưa dùng tệp này và không tạo dữ liệu mới thay cho nó.{' '}
              {suggested ? 'Hãy khôi phục bản sao lưu tốt mới nhất (đánh dấu bên dưới).' : 'Không có bản sao lưu nào dùng được trong thư mục sao lưu.'}
            </p>
          ) : (
            <p>Tệp được giữ nguyên, không bị thay đổi.</p>
          )}
        </div>
      )}
      {error && <div className="page-message error">Không đọc được danh sách sao lưu: {error}</div>}
      {view && (
        <p className="muted" data-testid="backups-dir">
          Cơ sở dữ liệu: {view.dbFile}. Các bản sao lưu nằm trong thư mục {view.dir} (tự động trước mỗi lần nhập tệp và mỗi ngày một lần; giữ 20 bản gần nhất và mỗi ngày một bản trong 30 ngày).
        </p>
      )}
      {view && view.backups.length === 0 && <p className="page-message">Chưa có bản sao lưu nào.</p>}
      {view && view.backups.length > 0 && (
        <table className="completeness-table">
          <thead>
            <tr>
              <th className="num">STT</th>
              <th>Lúc sao lưu</th>
              <th className="num">Dung lượng</th>
              <th>Tệp</th>
              {canRestore && <th />}
            </tr>
          </thead>
          <tbody>
            {view.backups.map((b, i) => (
              <tr key={b.name} data-testid="backup-row" data-name={b.name} data-suggested={b.name === suggested ? 'yes' : undefined}>
                <td className="num">{i + 1}</td>
                <td>
                  {formatDateTime(b.at)}
                  {b.name === suggested && <strong> (bản tốt mới nhất)</strong>}
                </td>
                <td className="num">{formatSize(b.size)}</td>
                <td>{b.name}</td>
                {canRestore && (
                  <td>
                    <button type="button" className="btn" disabled={busy} onClick={() => setAsking(b)} data-testid="backup-restore">
                      Khôi phục
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {asking && (
        <div className="card" role="alertdialog" aria-label="Xác nhận khôi phục" data-testid="restore-confirm">
          <p>
            Khôi phục dữ liệu từ bản sao lưu lúc {formatDateTime(asking.at)}? Mọi thay đổi sau thời điểm đó sẽ không còn trong ứng dụng; cơ sở dữ liệu hiện tại
            được sao lưu (hoặc chép nguyên trạng nếu đã hỏng) trước khi thay thế.
          </p>
          <button type="button" className="btn btn-primary" onClick={() => void restore(asking)} data-testid="restore-confirm-yes">
            Khôi phục
          </button>{' '}
          <button type="button" className="btn" onClick={() => setAsking(null)}>
            Hủy
          </button>
        </div>
      )}
    </div>
  );
}
