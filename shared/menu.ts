// Commands the desktop menu sends to the page. The page runs them exactly as its own buttons
// and keys do, so the menu and the keyboard never disagree (an Electron role such as 'undo'
// would undo text in an input but knows nothing of the grid's own undo history).
export const MENU_COMMANDS = ['import', 'export', 'sendForms', 'completeness', 'backups', 'undo', 'redo', 'about', 'print', 'printPdf', 'overview', 'followUps', 'targets', 'units'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(c: unknown): c is MenuCommand {
  return typeof c === 'string' && (MENU_COMMANDS as readonly string[]).includes(c);
}
