// The Vietnamese application menu as data; electron/main.ts turns it into a Menu.
export type MenuCommand = 'import' | 'export' | 'about';

export interface MenuItemSpec {
  label?: string;
  role?: string;
  accelerator?: string;
  command?: MenuCommand;
  type?: 'separator';
  submenu?: MenuItemSpec[];
}

export function menuTemplate(): MenuItemSpec[] {
  return [
    {
      label: 'Tệp',
      submenu: [
        { label: 'Nhập tệp Excel…', accelerator: 'CmdOrCtrl+O', command: 'import' },
        { label: 'Xuất báo cáo Excel…', accelerator: 'CmdOrCtrl+E', command: 'export' },
        { type: 'separator' },
        { label: 'Thoát', role: 'quit' },
      ],
    },
    {
      label: 'Chỉnh sửa',
      submenu: [
        { label: 'Hoàn tác', role: 'undo' },
        { label: 'Làm lại', role: 'redo' },
        { type: 'separator' },
        { label: 'Cắt', role: 'cut' },
        { label: 'Sao chép', role: 'copy' },
        { label: 'Dán', role: 'paste' },
        { label: 'Chọn tất cả', role: 'selectAll' },
      ],
    },
    {
      label: 'Xem',
      submenu: [
        { label: 'Tải lại', role: 'reload' },
        { type: 'separator' },
        { label: 'Phóng to', role: 'zoomIn' },
        { label: 'Thu nhỏ', role: 'zoomOut' },
        { label: 'Kích thước thật', role: 'resetZoom' },
        { type: 'separator' },
        { label: 'Toàn màn hình', role: 'togglefullscreen' },
      ],
    },
    { label: 'Trợ giúp', submenu: [{ label: 'Giới thiệu PCGD-XMC', command: 'about' }] },
  ];
}
