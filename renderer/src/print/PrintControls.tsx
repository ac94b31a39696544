// "In biểu" (the printer dialog: the browser's, or the desktop app's, where a PDF printer is a
// choice too) and, in the desktop app, "Lưu PDF" (webContents.printToPDF and a save dialog, via
// window.appPrint). The desktop menu's Tệp › In biểu… / Lưu biểu thành PDF… run the same. What
// is printed is the PrintSheet of the grid on screen, the cell being typed into included.
import { useEffect, useRef, useState } from 'react';
import type { UnitNode } from '../../../shared/api';
import type { Grid } from '../../../shared/grid';
import type { AppPrint } from '../../../shared/print';
import type { TemplateDef } from '../../../shared/templates';
import { afterPaint } from '../platform/afterPaint';
import { errorText } from '../platform/api';
import { commitEdits } from '../platform/editCommit';
import { unitTitle } from '../platform/format';
import { PrintSheet, SHEET_EVENT } from './PrintSheet';

declare global {
  interface Window {
    /** The desktop app's PDF printing (electron/main/preload.ts); absent in the browser host. */
    appPrint?: AppPrint;
  }
}

interface Props {
  template: TemplateDef;
  grid: Grid;
  aggregate: UnitNode;
}

/** Commits the cell being typed into and waits for the sheet to show it. */
async function ready(): Promise<void> {
  commitEdits();
  await afterPaint();
}

/** Ctrl+P (⌘P), without Shift or Alt (Ctrl+Shift+P is the browser's own). */
function isPrintKey(e: KeyboardEvent): boolean {
  return (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && (e.code === 'KeyP' || e.key.toLowerCase() === 'p');
}

export function PrintControls({ template, grid, aggregate }: Props) {
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const title = `${template.appendix} – ${unitTitle(aggregate)}`;

  const print = async () => {
    await ready();
    window.print();
  };
  const savePdf = async () => {
    const bridge = window.appPrint;
    // The browser host: its print dialog saves as PDF ("Lưu dưới dạng PDF").
    if (!bridge) return print();
    await ready();
    window.dispatchEvent(new CustomEvent(SHEET_EVENT, { detail: true }));
    try {
      const r = await bridge.savePdf({ title });
      setMessage(r.saved ? { error: false, text: `Đã lưu tệp PDF${r.path ? ` tại ${r.path}` : ''}.` } : null);
    } catch (e) {
      setMessage({ error: true, text: errorText(e) });
    } finally {
      window.dispatchEvent(new CustomEvent(SHEET_EVENT, { detail: false }));
    }
  };

  const actions = useRef({ print, savePdf });
  actions.current = { print, savePdf };
  useEffect(() => {
    // The desktop app: Ctrl+P is the menu's accelerator, and the menu sends the command.
    if (window.appMenu)
      return window.appMenu.onCommand((c) => {
        if (c === 'print') void actions.current.print();
        else if (c === 'printPdf') void actions.current.savePdf();
      });
    // The browser host: Ctrl+P would open the browser's dialog at once, the cell being typed into
    // not yet an edit; it prints as the button does.
    const onKey = (e: KeyboardEvent) => {
      if (!isPrintKey(e)) return;
      e.preventDefault();
      e.stopPropagation();
      void actions.current.print();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  return (
    <>
      <button
        type="button"
        className="btn btn-small"
        data-testid="print"
        title="In biểu trên khổ A4 ngang, dòng tiêu đề lặp lại ở mỗi trang (Ctrl+P); trong hộp thoại in có thể chọn lưu thành PDF"
        onClick={() => void print()}
      >
        In biểu
      </button>
      {window.appPrint && (
        <button type="button" className="btn btn-small" data-testid="save-pdf" title="Lưu biểu thành tệp PDF, khổ A4 ngang" onClick={() => void savePdf()}>
          Lưu PDF
        </button>
      )}
      {message && (
        <span className={message.error ? 'print-message error' : 'print-message'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </span>
      )}
      <PrintSheet template={template} grid={grid} aggregate={aggregate} />
    </>
  );
}
