// Import (files or a folder), export, the forms sent to the communes and who has sent them back,
// and the saved state.
import { SaveState } from './SaveState';
import type { SaveStatus } from '../platform/useSaver';

interface Props {
  status: SaveStatus;
  busy: string | null;
  canExport: boolean;
  onImport(): void;
  onImportFolder(): void;
  onExport(): void;
  onSendForms(): void;
  onCompleteness(): void;
  onOverview(): void;
  onBackups(): void;
}

export function Toolbar({ status, busy, canExport, onImport, onImportFolder, onExport, onSendForms, onCompleteness, onOverview, onBackups }: Props) {
  return (
    <header className="toolbar">
      <span className="app-name" title="Phổ cập giáo dục – Xóa mù chữ">
        PCGD – XMC
      </span>
      <button type="button" className="btn" onClick={onImport} title="Chọn một hoặc nhiều tệp .xlsx, .xls hoặc .ods (hoặc kéo thả tệp vào cửa sổ)">
        Nhập tệp Excel
      </button>
      <button type="button" className="btn" onClick={onImportFolder} data-testid="import-folder" title="Chọn một thư mục: nhập mọi tệp .xlsx, .xls và .ods trong đó">
        Nhập cả thư mục
      </button>
      <button type="button" className="btn" onClick={onExport} disabled={!canExport} data-testid="export" title="Tạo tệp Excel theo mẫu chính thức">
        Xuất báo cáo Excel
      </button>
      <span className="toolbar-sep" aria-hidden="true" />
      <button
        type="button"
        className="btn"
        onClick={onSendForms}
        disabled={!canExport}
        data-testid="send-forms"
        title="Tạo cho mỗi xã một tệp biểu đã điền sẵn số liệu (gộp trong một tệp .zip) để gửi đi"
      >
        Gửi biểu cho các xã
      </button>
      <button
        type="button"
        className="btn"
        onClick={onCompleteness}
        disabled={!canExport}
        data-testid="show-completeness"
        title="Xã nào đã gửi biểu, lúc nào, tệp nào; xã nào chưa gửi"
      >
        Xã đã gửi biểu
      </button>
      <button type="button" className="btn" onClick={onOverview} disabled={!canExport} data-testid="show-overview" title="Biểu đồ số xã theo mức đạt của từng phụ lục, với ngưỡng theo quy định">
        Tổng quan
      </button>
      <button type="button" className="btn" onClick={onBackups} data-testid="show-backups" title="Các bản sao lưu cơ sở dữ liệu: sao lưu ngay, khôi phục một bản">
        Sao lưu và khôi phục
      </button>
      {busy && (
        <span className="busy" role="status">
          <span className="spinner" aria-hidden="true" /> {busy}
        </span>
      )}
      <span className="toolbar-fill" />
      <SaveState status={status} />
    </header>
  );
}
