// The pure parts of "Lưu thành PDF" (main.ts wires them to Electron): the request's check, the
// file name offered, and the options of webContents.printToPDF. No 'electron' import, so they
// are unit-tested here (tests/unit/print-pdf.test.ts).
import { PDF_TITLE_MAX, type PdfRequest } from '../../shared/print';
import { asciiName } from '../../shared/text/normalize';

/** The title of a request from the page, or null for anything else (the page is not trusted blindly). */
export function pdfTitle(payload: unknown): string | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const title = (payload as Partial<PdfRequest>).title;
  if (typeof title !== 'string' || !title.trim() || title.length > PDF_TITLE_MAX) return null;
  return title;
}

/** "Phụ lục 2 – Huyện Hà Quảng" → "Phu_Luc_2_Huyen_Ha_Quang.pdf": ASCII, no folder, no dots to climb. */
export function pdfFileName(title: string): string {
  return `${asciiName(title) || 'Bieu'}.pdf`;
}

export const PDF_FILTER = { name: 'Tệp PDF', extensions: ['pdf'] };

/**
 * A4 landscape, as the page's print style asks (@page grid-print, which also numbers the pages):
 * the CSS size wins where it is given; these hold for a page that gives none.
 */
export const PDF_OPTIONS = {
  pageSize: 'A4',
  landscape: true,
  preferCSSPageSize: true,
  printBackground: true,
  displayHeaderFooter: false,
} as const;

export const PDF_FAILED = 'Không tạo được tệp PDF. Hãy thử lại, hoặc dùng “In biểu” và chọn máy in PDF.';
