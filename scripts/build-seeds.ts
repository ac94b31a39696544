// `npm run seeds`: builds seeds/ha-quang.xlsx and seeds/ha-quang.json from the real Hà Quảng
// grids of seed 001. The outputs are committed; running this again must give the same bytes.
//
// The workbook is the seed as printed — not corrected: Lương Thông carries both Đạt and KĐ for
// 3-year-olds in Phụ lục 2 and the printed total says Đạt 18. The app has to find that itself.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSeedAppendices, type SeedTable } from './seed-tables';
import { workbookBytes, writeAppendixWorkbook } from './appendix-writer';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED_SEED = resolve(REPO, '../shared/seeds/001_3e8956d77498b072.txt');
/** A committed copy, for checkouts without ../shared (CI). */
const LOCAL_SEED = join(REPO, 'seeds/source/001-ha-quang.txt');

export function seedSourcePath(): string {
  return existsSync(SHARED_SEED) ? SHARED_SEED : LOCAL_SEED;
}

export function loadSeedTables(): SeedTable[] {
  const tables = parseSeedAppendices(readFileSync(seedSourcePath(), 'utf8'));
  if (tables.length !== 4) throw new Error(`expected 4 appendix grids in seed 001, found ${tables.length}`);
  return tables;
}

export interface SeedDistrict {
  district: string;
  province: string;
  communes: string[];
  source: string;
}

function districtOf(tables: SeedTable[]): SeedDistrict {
  const communes = tables[0].communes.map((c) => c.name);
  // All four grids list the same communes in the same order; a drift would be a parser bug.
  for (const t of tables) {
    const names = t.communes.map((c) => c.name);
    if (names.join('\n') !== communes.join('\n')) throw new Error(`${t.appendix}: commune list differs from Phụ lục 1`);
  }
  return {
    district: 'Hà Quảng',
    province: 'Cao Bằng',
    communes,
    source:
      'Seed 001 (../shared/seeds/001_3e8956d77498b072.txt, copy in seeds/source/001-ha-quang.txt): ' +
      'Kế hoạch thực hiện Đề án "Xây dựng xã hội học tập giai đoạn 2021-2030" trên địa bàn huyện Hà Quảng ' +
      '(UBND huyện Hà Quảng, tháng 01/2022), Phụ lục 1–4.',
  };
}

async function main(): Promise<void> {
  const tables = loadSeedTables();
  const outDir = join(REPO, 'seeds');
  mkdirSync(outDir, { recursive: true });

  // Default layout: titles above, 3-row merged header, total label in column A as printed.
  const xlsx = await workbookBytes(writeAppendixWorkbook(tables, {}));
  writeFileSync(join(outDir, 'ha-quang.xlsx'), xlsx);
  writeFileSync(join(outDir, 'ha-quang.json'), `${JSON.stringify(districtOf(tables), null, 2)}\n`);

  const from = relative(REPO, seedSourcePath());
  console.log(`seeds: ${tables.length} grids, ${tables[0].communes.length} communes, from ${from}`);
  console.log('  seeds/ha-quang.xlsx, seeds/ha-quang.json');
}

// Only when run as a script: build-fixtures imports loadSeedTables from here.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
