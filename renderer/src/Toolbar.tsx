// Import, export and the saved state.
import { SaveState } from './SaveState';
import type { SaveStatus } from './useSaver';

interface Props {
  status: SaveStatus;
  busy: string | null;
  canExport: boolean;
  onImport(): void;
  onExport(): void;
}

export function Toolbar({ status, busy, canExport, onImport, onExport }: Props) {
  return (
    <header className="toolbar">
      <span className="app-name" title="Phổ cập giáo dục – Xóa mù chữ">
        PCGD – XMC
      </span>
      <button type="button" className="btn" onClick={onImport} title="Chọn một hoặc nhiều tệp .xlsx (hoặc kéo thả tệp vào cửa sổ)">
        Nhập tệp Excel
      </button>
      <button type="button" className="btn" onClick={onExport} disabled={!canExport} data-testid="export" title="Tạo tệp Excel theo mẫu chính thức">
        Xuất báo cáo Excel
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
