// What a workbook file may be before any parser spends memory on it: the one place its limits
// are set (both readers, the lean one and exceljs/JSZip, are held to them; guard.ts checks them
// from the zip's central directory before anything is inflated, zip.ts again while inflating).
//
// Chosen so that every real file passes with a wide margin. Measured: a commune form or a
// district workbook holds 12–20 parts, 15–320 KB inflated, its largest part under 110 KB,
// compressed 5–12 : 1; a 10,000-commune national workbook (npm run bench) holds 16 parts, 4 MB
// inflated, its sheet 3.6 MB at 6.8 : 1. A zip bomb (1 MB inflating to 1 GiB) is about 1,000 : 1.
import { UserError } from '../../../shared/errors';

export const LIMITS = {
  /** Parts (entries) in the zip: a workbook has a few dozen. */
  entries: 1_000,
  /** Inflated bytes of one part: 9× the 10,000-commune sheet. */
  partBytes: 32 * 1024 * 1024,
  /** Inflated bytes of all parts together. */
  totalBytes: 64 * 1024 * 1024,
  /** Inflated : compressed, for a part larger than ratioFloor (small parts may be anything). */
  ratio: 100,
  ratioFloor: 1024 * 1024,
  /** Cells covered by merged ranges in one sheet (exceljs expands every one of them). */
  mergedCells: 100_000,
  /** Cells of a sheet that exceljs is asked to load (the lean reader needs far less memory). */
  exceljsCells: 400_000,
  /** Excel's own bounds, which exceljs trusts when it builds columns and validation maps. */
  columns: 16_384,
  rows: 1_048_576,
} as const;

/** A file that cannot be read; its message (Vietnamese, one line) says why. */
export class ReadError extends UserError {
  constructor(message: string) {
    super(message, 'read');
    this.name = 'ReadError';
  }
}

const MB = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

/** A limit as the officer reads it ("1.000"). Called only when a refusal is worded: Intl's first
 * use costs a parse worker about 25 ms of locale loading, which every worker paid at start-up
 * when these sentences were built with the module. */
const count = (n: number) => n.toLocaleString('vi-VN');

/** The refusals, worded once; those quoting a count are built when asked for. */
export const REFUSED = {
  broken: 'tệp .xlsx bị hỏng hoặc không đầy đủ (có thể tải về hoặc sao chép chưa xong).',
  get entries() {
    return `tệp chứa quá nhiều phần (hơn ${count(LIMITS.entries)}), không phải một sổ làm việc bình thường: có thể là tệp độc hại.`;
  },
  part: (name: string) => `phần "${name}" của tệp giải nén ra hơn ${MB(LIMITS.partBytes)}, vượt giới hạn: có thể là tệp độc hại (bom nén).`,
  total: `tệp giải nén ra hơn ${MB(LIMITS.totalBytes)}, vượt giới hạn: có thể là tệp độc hại (bom nén).`,
  ratio: (name: string) => `phần "${name}" của tệp bị nén quá mức bất thường (hơn ${LIMITS.ratio} lần): có thể là tệp độc hại (bom nén).`,
  crc: (name: string) => `phần "${name}" của tệp bị hỏng (mã kiểm tra CRC không khớp): tệp hỏng hoặc chưa sao chép xong.`,
  cut: (name: string) => `phần "${name}" của tệp bị cắt cụt (XML không đầy đủ): tệp hỏng hoặc chưa sao chép xong.`,
  doctype: (name: string) => `phần "${name}" của tệp chứa khai báo DOCTYPE/ENTITY mà Excel không bao giờ ghi: có thể là tệp độc hại, không đọc.`,
  get merged() {
    return `một trang của tệp có vùng gộp ô hoặc vùng kiểm tra dữ liệu quá lớn (hơn ${count(LIMITS.mergedCells)} ô): hãy bỏ gộp các ô thừa rồi lưu lại.`;
  },
  get cells() {
    return `một trang của tệp có quá nhiều ô (hơn ${count(LIMITS.exceljsCells)} ô) để đọc an toàn: hãy xóa các vùng thừa rồi lưu lại.`;
  },
  columns: 'một trang của tệp khai báo cột hoặc hàng vượt giới hạn của Excel: tệp hỏng hoặc độc hại.',
  zip64: 'tệp .xlsx dùng định dạng ZIP64 hoặc nhiều phần, không được hỗ trợ: hãy mở bằng Excel và lưu lại.',
  method: (name: string) => `phần "${name}" của tệp dùng cách nén hoặc mã hóa không được hỗ trợ: hãy mở bằng Excel và lưu lại.`,
  encrypted:
    'tệp được đặt mật khẩu (mã hóa) nên không đọc được: hãy mở bằng Excel, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xóa mật khẩu), lưu lại rồi nhập lại.',
  ole2: 'tệp không phải sổ làm việc Excel đọc được (định dạng OLE2 lạ hoặc bị hỏng): hãy mở bằng Excel và lưu lại dưới dạng .xlsx.',
  odsBroken: 'tệp .ods bị hỏng hoặc không đầy đủ (có thể tải về hoặc sao chép chưa xong).',
  ods: 'tệp OpenDocument không phải bảng tính (văn bản .odt hay trình chiếu .odp): hãy chọn đúng tệp bảng tính .ods hoặc .xlsx.',
  xlsb: 'tệp .xlsb (Sổ làm việc nhị phân Excel) không được hỗ trợ: hãy mở bằng Excel và lưu lại dưới dạng .xlsx, rồi nhập lại.',
  word: 'tệp là văn bản Word hoặc PowerPoint, không phải sổ làm việc Excel .xlsx.',
  empty: 'tệp rỗng (0 byte).',
  notZip: 'tệp không phải là sổ làm việc Excel .xlsx.',
};
