// A dense, spreadsheet-like look: borders on every cell, small type, one accent colour.
import { themeQuartz } from 'ag-grid-community';

export const ROW_HEIGHT = 25;
export const HEADER_HEIGHT = 28;
/** Room for two lines of a wrapped group label; every group row has the same height. */
export const GROUP_HEADER_HEIGHT = 34;

export const gridTheme = themeQuartz.withParams({
  fontFamily: ['Segoe UI', 'Tahoma', 'Arial', 'sans-serif'],
  fontSize: 13,
  headerFontSize: 12,
  headerFontWeight: 600,
  spacing: 4,
  rowHeight: ROW_HEIGHT,
  headerHeight: HEADER_HEIGHT,
  cellHorizontalPadding: 6,
  columnBorder: { color: '#d5dbe1' },
  headerColumnBorder: { color: '#c6ced6' },
  headerColumnBorderHeight: '100%',
  // Columns still resize by dragging the border; no grey bar drawn on it.
  headerColumnResizeHandleColor: 'transparent',
  headerRowBorder: { color: '#c6ced6' },
  rowBorder: { color: '#d5dbe1' },
  wrapperBorder: { color: '#b8c2cc' },
  wrapperBorderRadius: 0,
  borderRadius: 2,
  headerBackgroundColor: '#eef2f6',
  headerTextColor: '#1f2d3a',
  foregroundColor: '#1b2630',
  accentColor: '#1463b0',
  pinnedRowBackgroundColor: '#f1f4f7',
  pinnedRowFontWeight: 700,
  pinnedRowBorder: { color: '#8a99a8', width: 2 },
  oddRowBackgroundColor: '#fbfcfd',
});
