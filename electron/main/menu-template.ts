// The Vietnamese application menu as data; electron/main/main.ts turns it into a Menu.
import type { MenuCommand } from '../../shared/menu';

export type { MenuCommand };

export interface MenuItemSpec {
  label?: string;
  role?: string;
  accelerator?: string;
  command?: MenuCommand;
  /** Show the shortcut but let the page handle the key itself (the grid's own Ctrl+Z). */
  registerAccelerator?: boolean;
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
        { label: 'Gửi biểu cho các xã…', command: 'sendForms' },
        { label: 'Xã đã gửi, xã chưa gửi', command: 'completeness' },
        { type: 'separator' },
        { label: 'In biểu…', accelerator: 'CmdOrCtrl+P', command: 'print' },
        { label: 'Lưu biểu thành PDF…', command: 'printPdf' },
        { type: 'separator' },
        { label: 'Sao lưu và khôi phục…', command: 'backups' },
        { type: 'separator' },
        { label: 'Thoát', role: 'quit' },
      ],
    },
    {
      label: 'Chỉnh sửa',
      submenu: [
        { label: 'Hoàn tác', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, command: 'undo' },
        { label: 'Làm lại', accelerator: 'CmdOrCtrl+Y', registerAccelerator: false, command: 'redo' },
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
        // The district's pages, as the tree's links open them (the district in view, or the first).
        { label: 'Tổng quan', command: 'overview' },
        { label: 'Cần theo dõi', command: 'followUps' },
        { label: 'Mục tiêu kế hoạch', command: 'targets' },
        { label: 'Đơn vị hành chính', command: 'units' },
        { type: 'separator' },
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
