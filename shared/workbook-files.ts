// Which files an import takes, by name: the formats the readers understand (the .xlsx readers,
// SheetJS for .xls and .ods). The bytes decide how a file is read; the name only decides which
// files of a folder or a drop are offered. Never Excel's or LibreOffice's lock files.
export const WORKBOOK_EXTENSIONS = ['xlsx', 'xls', 'ods'] as const;

/** For a file input's `accept`. */
export const WORKBOOK_ACCEPT = WORKBOOK_EXTENSIONS.map((e) => `.${e}`).join(',');

export function isWorkbookName(name: string): boolean {
  const base = name.split(/[\\/]/).pop() ?? name;
  if (base.startsWith('~$') || base.startsWith('.~lock.')) return false;
  const ext = base.includes('.') ? base.slice(base.lastIndexOf('.') + 1).toLowerCase() : '';
  return (WORKBOOK_EXTENSIONS as readonly string[]).includes(ext);
}
