// Where the user's database lives when no --db is given: the same folder Electron's
// app.getPath('userData') would use, so `npm start` without Electron opens the same data.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'PCGD-XMC';

export function userDataDir(): string {
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_DIR_NAME);
}

export function defaultDbPath(): string {
  return join(userDataDir(), 'pcgd-xmc.db');
}
