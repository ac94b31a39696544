// The page's content security policy, the same whichever face serves the page: the Electron
// window's app:// protocol (electron/main/) and the loopback browser host (electron/faces/host/).

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // AG Grid sets inline styles on cells; no inline script is allowed.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
