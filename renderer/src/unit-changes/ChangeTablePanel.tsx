// A change table (DOMAIN.md §11.4) applied in the app: the file is read and matched first, and the
// officer sees the rows that apply and the refused ones with their reasons before anything is
// stored; applying stores the whole file as one step of the history.
import { useRef, useState } from 'react';
import type { ChangeTableResult } from '../../../shared/api';
import { splitKind } from '../../../shared/units/kinds';
import { api, errorText } from '../platform/api';
import { fileToBase64 } from '../platform/bytes';

interface Props {
  onApplied(message: string): Promise<void>;
  onMessage(kind: 'info' | 'error', text: string): void;
}

export function ChangeTablePanel({ onApplied, onMessage }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ name: string; data: string } | null>(null);
  const [preview, setPreview] = useState<ChangeTableResult | null>(null);
  const [busy, setBusy] = useState(false);

  async function read(f: File) {
    setBusy(true);
    try {
      const sent = { name: f.name, data: await fileToBase64(f) };
      setPreview(await api.previewChangeTable({ file: sent }));
      setFile(sent);
    } catch (e) {
      setPreview(null);
      setFile(null);
      onMessage('error', `Không đọc được bảng chuyển đổi: ${errorText(e)}`);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  async function apply() {
    if (!file) return;
    setBusy(true);
    try {
      const r = await api.applyChangeTable({ file });
      const ok = r.rows.filter((x) => x.status === 'ok').length;
      setPreview(null);
      setFile(null);
      await onApplied(
        r.changeId === null
          ? `Bảng chuyển đổi ${r.file} không làm thay đổi gì (đã áp dụng trước đây).`
          : `Đã áp dụng bảng chuyển đổi ${r.file}: ${ok} dòng${r.created.length ? `, tạo ${r.created.join(', ')}` : ''}.`,
      );
    } catch (e) {
      onMessage('error', `Không áp dụng được bảng chuyển đổi: ${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  }

  const ok = preview?.rows.filter((r) => r.status === 'ok').length ?? 0;
  const refused = (preview?.rows.length ?? 0) - ok;

  return (
    <section className="units-section" data-testid="change-table">
      <h2>Áp dụng bảng chuyển đổi đơn vị hành chính</h2>
      <p className="muted">
        Tệp Excel có dòng tiêu đề: Tỉnh | Huyện cũ | Xã cũ | Mã xã cũ | Xã mới | Mã xã mới | Ghi chú | Ngày hiệu lực (theo bảng chuyển đổi của Tổng cục Thống kê). Bạn xem trước
        từng dòng trước khi lưu; dòng bị từ chối không áp dụng gì.
      </p>
      <input
        ref={input}
        type="file"
        accept=".xlsx,.xls,.ods"
        hidden
        data-testid="change-table-file"
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          if (f) void read(f);
        }}
      />
      <button type="button" className="btn" disabled={busy} onClick={() => input.current?.click()}>
        Chọn tệp bảng chuyển đổi…
      </button>
      {preview && (
        <div data-testid="change-table-preview">
          <p className="units-preview-summary" role="status">
            Tệp {preview.file}: {ok} dòng sẽ được áp dụng, {refused} dòng bị từ chối.
            {preview.created.length > 0 && ` Sẽ tạo: ${preview.created.join(', ')}.`}
          </p>
          <table className="completeness-table units-preview">
            <thead>
              <tr>
                <th className="num">Dòng</th>
                <th>Xã cũ</th>
                <th>Huyện cũ</th>
                <th>Xã mới</th>
                <th>Thay đổi</th>
                <th>Kết quả</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.row} data-testid="change-table-row" data-status={r.status} className={r.status === 'refused' ? 'refused' : undefined}>
                  <td className="num">{r.row}</td>
                  <td>{r.old}</td>
                  <td>{r.district ?? ''}</td>
                  <td>{r.new}</td>
                  <td>{r.change ?? ''}</td>
                  <td>{r.status === 'ok' ? `Áp dụng${r.unit && r.unit !== splitKind(r.old).name && r.unit !== r.old ? ` (khớp với ${r.unit})` : ''}` : `Từ chối: ${r.reason ?? ''}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="units-preview-actions">
            <button type="button" className="btn btn-primary" disabled={busy || ok === 0} onClick={() => void apply()}>
              Áp dụng {ok} dòng
            </button>
            <button type="button" className="btn" disabled={busy} onClick={() => { setPreview(null); setFile(null); }}>
              Bỏ qua
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
