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
  const child = spawn(process.execPath, [join('node_modules', 'tsx', 'dist', 'cli.mjs'), 'electron/host/main.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
