// `npx tsx scripts/resign-form-fixtures.ts`: signs the origin of every committed form fixture
// (tests/fixtures/**/*.xlsx that carry one) with the fixture databases' secret
// (tests/support/fixture-secret.ts), in place. Forms made before forms were signed carry an
// unsigned origin; LibreOffice is needed to make most of them again (build-batch-fixtures.ts
// --libreoffice), so the origin text is rewritten inside each file instead: every other byte of
// what LibreOffice wrote stays as it was. Run once; a signed origin is left alone.
import JSZip from 'jszip';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { originText } from '../electron/core/excel/book';
import { openBook } from '../electron/core/excel/read';
import { originTrust, sealOf } from '../electron/core/form-seal';
import { parseOrigin, serializeOrigin } from '../shared/form-origin';
import { FIXTURE_FORM_SECRET } from '../tests/support/fixture-secret';
import { REPO } from './build-seeds';

const seal = sealOf(FIXTURE_FORM_SECRET);

function xlsxUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? xlsxUnder(p) : n.endsWith('.xlsx') ? [p] : [];
  });
}

const escapes = [
  (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'),
  (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
];

async function resign(file: string): Promise<'signed' | 'skipped'> {
  const buf = readFileSync(file);
  let text: string | null;
  try {
    text = originText(await openBook(buf, file));
  } catch {
    return 'skipped'; // an unreadable fixture (cut short on purpose)
  }
  const origin = text ? parseOrigin(text) : null;
  if (!text || !origin || originTrust(seal, origin) === 'signed') return 'skipped';
  const unsigned = { ...origin, db: seal.db };
  const next = serializeOrigin({ ...unsigned, sig: seal.sign(unsigned) });
  const zip = await JSZip.loadAsync(buf);
  let replaced = 0;
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) {
    const xml = await zip.file(name)!.async('string');
    for (const esc of escapes) {
      const parts = xml.split(esc(text));
      if (parts.length === 2) {
        zip.file(name, parts.join(esc(next)));
        replaced++;
        break;
      }
    }
  }
  if (replaced !== 1) throw new Error(`${file}: origin found ${replaced} times`);
  const out = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  const check = parseOrigin(originText(await openBook(out, file)) ?? '');
  if (!check || originTrust(seal, check) !== 'signed') throw new Error(`${file}: not signed after rewriting`);
  writeFileSync(file, out);
  return 'signed';
}

let signed = 0;
for (const f of xlsxUnder(join(REPO, 'tests/fixtures'))) if ((await resign(f)) === 'signed') signed++;
console.log(`form fixtures signed: ${signed}`);
