// `npm start`: the desktop app. Where the Electron binary cannot be had (a build machine with
// no internet), say so in one line within seconds and open the same app in the browser host
// on the user's database instead, so the README's command works everywhere.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));

function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  const bin = () => existsSync(pathFile) && join(electronDir, 'dist', readFileSync(pathFile, 'utf8'));
  if (bin() && existsSync(bin())) return bin();
  // Electron ≥ 42 fetches its binary on first use; give it a bounded try.
  const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 120_000 });
  return r.status === 0 && bin() && existsSync(bin()) ? bin() : null;
}

const bin = electronBinary();
if (bin) {
  const child = spawn(bin, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('Không tải được Electron trên máy này (không có mạng tới máy chủ tải Electron); mở ứng dụng trong trình duyệt thay thế.');
  const child = spawn(process.execPath, [join('node_modules', 'tsx', 'dist', 'cli.mjs'), 'electron/faces/host/main.ts', ...process.argv.slice(2)], {
    stdio: ['inherit', 'pipe', 'inherit'],
  });
  // The host's first line is the URL to open, its secret included: shown, then opened.
  let first = '';
  let opened = false;
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    if (opened) return;
    first += chunk.toString('utf8');
    const end = first.indexOf('\n');
    if (end < 0) return;
    opened = true;
    const url = first.slice(0, end).trim();
    if (/^http:\/\/127\.0\.0\.1:\d+\/\?k=[A-Za-z0-9_-]+$/.test(url)) openBrowser(url);
  });
  // Ctrl+C reaches both from the terminal; a SIGTERM sent to this process alone is passed on,
  // so the host closes the database instead of being left running.
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code) => process.exit(code ?? 0));
}

/** The system's browser on the URL; where there is none (a server, a bare CI box), nothing. */
function openBrowser(url) {
  const [cmd, args] =
    process.platform === 'win32'
      ? ['rundll32', ['url.dll,FileProtocolHandler', url]] // no cmd.exe in between to parse the URL
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  try {
    const opener = spawn(cmd, args, { stdio: 'ignore', detached: true, windowsHide: true });
    opener.on('error', () => console.log('Không mở được trình duyệt tự động: hãy mở đường dẫn trên bằng tay.'));
    opener.unref();
  } catch {
    console.log('Không mở được trình duyệt tự động: hãy mở đường dẫn trên bằng tay.');
  }
}
