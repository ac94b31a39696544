// The security settings of the Electron window as plain data and functions, so tests assert
// them under Node (this file never imports 'electron'). Electron's security checklist:
// context isolation, sandbox, no Node integration, a strict CSP, a custom protocol instead of
// file://, navigation and new windows denied, permission requests denied, IPC sender checked.

import { CSP } from '../../shared/csp';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://pcgd`;

export { CSP };

export interface SecureWebPreferences {
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  experimentalFeatures: false;
  webviewTag: false;
  spellcheck: false;
  preload: string;
}

export function windowOptions(preload: string, bounds: { width: number; height: number; x?: number; y?: number }) {
  const webPreferences: SecureWebPreferences = {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
    preload,
  };
  return {
    ...bounds,
    minWidth: 960,
    minHeight: 600,
    title: 'PCGD-XMC – Phổ cập giáo dục, xóa mù chữ',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences,
  };
}

/** Only the app's own pages are trusted: as navigation targets and as IPC senders. */
export function isTrustedUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** will-navigate: stay on the app's pages. */
export function allowNavigation(url: string): boolean {
  return isTrustedUrl(url);
}

/** setWindowOpenHandler: no new windows, ever. */
export function windowOpenHandler(): { action: 'deny' } {
  return { action: 'deny' };
}

/** setPermissionRequestHandler / setPermissionCheckHandler: camera, geolocation, … all denied. */
export function permissionAllowed(_permission: string): boolean {
  return false;
}

/**
 * The file a request to app://pcgd/<path> may be answered with, or null when the path leaves
 * the renderer folder. Unknown paths fall back to index.html (hash routes).
 */
export function resolveAppPath(root: string, url: string, join: (...p: string[]) => string, normalize: (p: string) => string): string | null {
  let pathname: string;
  try {
    const u = new URL(url);
    if (`${u.protocol}//${u.host}` !== APP_ORIGIN) return null;
    pathname = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  const file = normalize(join(root, pathname === '/' ? 'index.html' : pathname));
  const base = normalize(root.endsWith('/') || root.endsWith('\\') ? root : root + (root.includes('\\') ? '\\' : '/'));
  return file.startsWith(base) ? file : null;
}
