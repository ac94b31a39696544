// The desktop app's "Lưu thành PDF": the page asks the main process, which prints the page
// (its print layout: renderer/src/print) with webContents.printToPDF and offers a save dialog.
// Only in Electron (window.appPrint, from the preload); the browser host prints through the
// browser's own dialog, which saves as PDF too.

/** Page → main: print this page to a PDF file; the payload is a PdfRequest. */
export const SAVE_PDF_CHANNEL = 'print:save-pdf';

export interface PdfRequest {
  /** What is printed, "Phụ lục 2 – Huyện Hà Quảng": the suggested file name is made from it. */
  title: string;
}

export type PdfResult = { ok: true; saved: boolean; path?: string } | { ok: false; error: string };

/** What the preload exposes as window.appPrint. */
export interface AppPrint {
  savePdf(request: PdfRequest): Promise<{ saved: boolean; path?: string }>;
}

/** The longest title taken (the file name is cut shorter still). */
export const PDF_TITLE_MAX = 300;
