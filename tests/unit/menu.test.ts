import { describe, expect, it } from 'vitest';
import { menuTemplate, type MenuItemSpec } from '../../electron/main/menu-template';
import { isMenuCommand, MENU_COMMANDS } from '../../shared/menu';

const flat = (items: MenuItemSpec[]): MenuItemSpec[] => items.flatMap((i) => [i, ...flat(i.submenu ?? [])]);

describe('the desktop menu', () => {
  const items = flat(menuTemplate());

  it('has the four Vietnamese menus of the issue, in order', () => {
    expect(menuTemplate().map((m) => m.label)).toEqual(['Tệp', 'Chỉnh sửa', 'Xem', 'Trợ giúp']);
  });

  it('labels every item in Vietnamese (no English word reaches the menu bar)', () => {
    for (const i of items.filter((x) => x.type !== 'separator')) {
      expect(i.label, JSON.stringify(i)).toBeTruthy();
      expect(i.label).not.toMatch(/\b(File|Edit|View|Help|Undo|Redo|Copy|Paste|Cut|Quit|Reload|Zoom)\b/);
    }
  });

  it('sends the grid its own undo and redo: commands, not Electron roles, keys left to the page', () => {
    const undo = items.find((i) => i.label === 'Hoàn tác')!;
    const redo = items.find((i) => i.label === 'Làm lại')!;
    expect(undo).toMatchObject({ command: 'undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false });
    expect(redo).toMatchObject({ command: 'redo', accelerator: 'CmdOrCtrl+Y', registerAccelerator: false });
    expect(items.some((i) => i.role === 'undo' || i.role === 'redo')).toBe(false);
  });

  it('uses only commands the page knows, each at least once', () => {
    const used = items.filter((i) => i.command).map((i) => i.command!);
    for (const c of used) expect(isMenuCommand(c)).toBe(true);
    expect(new Set(used)).toEqual(new Set(MENU_COMMANDS));
  });

  it('refuses what is not a command (the preload drops it)', () => {
    expect(isMenuCommand('undo')).toBe(true);
    expect(isMenuCommand('rm -rf')).toBe(false);
    expect(isMenuCommand({ command: 'undo' })).toBe(false);
  });
});
