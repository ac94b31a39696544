// `npx tsx scripts/build-form-fixtures.ts`: writes tests/fixtures/forms/libreoffice-Can_Nong.xlsx,
// the Cần Nông form of the Hà Quảng seed re-saved once by LibreOffice Calc, as a commune without
// Microsoft Office would send it back. tests/unit/forms.test.ts checks that the form's origin
// survives that trip and that the file still reads as one commune row.
//
// Needs `soffice` on PATH; the output is committed, since CI has no LibreOffice. LibreOffice
// stamps its own save time into the file, so a re-run changes the bytes, not the content.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formForCommune } from '../electron/core/forms-out';
import { importBuffer } from '../electron/core/import';
import { Store } from '../electron/core/store/store';
import { unitKey } from '../shared/text/normalize';
import { REPO } from './build-seeds';
import { FIXTURE_FORM_SECRET } from '../tests/support/fixture-secret';

const OUT_DIR = join(REPO, 'tests/fixtures/forms');
const LIBREOFFICE_FORM = join(OUT_DIR, 'libreoffice-Can_Nong.xlsx');
/** The forms' issue date: fixed, so the fixture's date line and origin do not depend on the day. */
const FORM_ISSUED_AT = new Date('2025-09-15T08:00:00Z');

async function main(): Promise<void> {
  if (spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status !== 0) {
    throw new Error('soffice (LibreOffice) is not on PATH');
  }
  const work = mkdtempSync(join(tmpdir(), 'form-fixtures-'));
  const store = Store.open(join(work, 'pcgd.db'));
  // Signed as the fixture database: tests/unit/forms.test.ts rebuilds it with the same secret.
  store.adoptFormSecret(FIXTURE_FORM_SECRET);
  try {
    const seed = join(REPO, 'seeds/ha-quang.xlsx');
    const imported = await importBuffer(store, 'ha-quang.xlsx', readFileSync(seed));
    if (imported.status === 'rejected') throw new Error(`seed import failed: ${imported.reason}`);
    const commune = store.listUnits().find((u) => u.kind === 'xa' && unitKey(u.name) === unitKey('Cần Nông'));
    if (!commune) throw new Error('Cần Nông not found after importing the seed');
    const input = join(work, 'Can_Nong.xlsx');
    writeFileSync(input, await formForCommune(store, commune.id, FORM_ISSUED_AT));

    const converted = join(work, 'lo');
    mkdirSync(converted);
    // A private profile: a shared one can be locked by another running LibreOffice.
    execFileSync(
      'soffice',
      ['--headless', `-env:UserInstallation=file://${join(work, 'profile')}`, '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', converted, input],
      { stdio: 'pipe' },
    );
    mkdirSync(OUT_DIR, { recursive: true });
    copyFileSync(join(converted, 'Can_Nong.xlsx'), LIBREOFFICE_FORM);
    console.log(`form fixtures: ${LIBREOFFICE_FORM}`);
  } finally {
    store.close();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
