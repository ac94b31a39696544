// `validate --json` on the count sample (../shared/samples/README.md, issue 9 item 7): the app's
// reader finds the four count sheets next to the Phụ lục grids, and the CLI gives exactly the
// findings and the 48 `levels` entries the README lists, for the openpyxl file, the shared
// LibreOffice 7.4 re-save and a re-save made here with this machine's LibreOffice.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const FIX = join(ROOT, 'tests', 'fixtures');
const run = promisify(execFile);

async function validate(file: string): Promise<{ code: number; json: Record<string, unknown> }> {
  try {
    const { stdout } = await run(process.execPath, [join(ROOT, 'scripts', 'cli.mjs'), 'validate', file, '--json'], { cwd: ROOT });
    return { code: 0, json: JSON.parse(stdout) };
  } catch (e) {
    const x = e as { code: number; stdout: string };
    return { code: x.code, json: JSON.parse(x.stdout) };
  }
}

interface F {
  rule: string;
  severity: string;
  sheet: string;
  cell: string | null;
  unit: string | null;
  message: string;
}
interface L {
  sheet: string;
  template: string;
  unit: string;
  year: string;
  level: string | null;
  decided: boolean;
  dbkk: boolean | null;
}

const README_FINDINGS = [
  ['level.overstated', 'error', 'Phụ lục 1', 'D14', 'Long Phú'],
  ['level.overstated', 'error', 'Phụ lục 4', 'E17', 'Thị trấn Trung Tâm'],
  ['rate.borderline', 'warning', 'PCGD THCS', 'E20', 'Thị trấn Trung Tâm'],
  ['level.unverifiable', 'warning', 'Phụ lục 4', 'E14', 'Minh Khai'],
  ['level.understated', 'warning', 'Phụ lục 4', 'C7', 'Bình Minh'],
  ['count.nested', 'error', 'XMC-4', 'C18', 'Phú Xuân'],
  ['count.exceeds_denominator', 'error', 'PCGD TH', 'D9', 'An Bình'],
  ['count.total.mismatch', 'error', 'PCGD MN 5 tuổi', 'D21', null],
  ['rate.mismatch', 'warning', 'PCGD TH', 'M12', 'Đông Hòa'],
  ['count.zero_denominator', 'info', 'PCGD MN 5 tuổi', 'I11', 'Cát Tiên'],
  ['count.zero_denominator', 'info', 'PCGD MN 5 tuổi', 'I13', 'Hòa Lạc'],
  ['count.zero_denominator', 'info', 'PCGD THCS', 'C17', 'Minh Khai'],
];

const README_LEVELS: Record<string, string> = {
  'An Bình': 'MĐ2 | Đạt | MĐ3 | MĐ3',
  'Bình Minh': 'MĐ2 | Đạt | MĐ3 | MĐ2',
  'Cát Tiên': 'MĐ1 | Đạt | MĐ3 | MĐ3',
  'Đông Hòa': 'MĐ2 | Đạt | MĐ3 | MĐ3',
  'Hòa Lạc': 'MĐ2 | Đạt | MĐ1 | MĐ1',
  'Hưng Thịnh': 'MĐ2 | Đạt | MĐ1 (undecided) | MĐ2',
  'Kim Sơn': 'MĐ1 | Đạt | MĐ3 | MĐ3',
  'Long Phú': 'MĐ1 | Đạt | MĐ3 | MĐ2',
  'Minh Khai': 'MĐ2 | Đạt | MĐ3 | – (undecided)',
  'Phú Xuân': 'MĐ2 | Đạt | MĐ3 | MĐ2',
  'Tân Lập': 'MĐ1 | Đạt | MĐ3 | MĐ3',
  'Thị trấn Trung Tâm': 'MĐ2 | Đạt | MĐ3 | MĐ2',
};

describe.each(['huyen-mau-so-lieu.xlsx', 'huyen-mau-so-lieu-libreoffice.xlsx', 'huyen-mau-so-lieu-resaved.xlsx'])('validate --json %s', (name) => {
  it('finds exactly the README findings at their cells, keeps every field, adds `levels`, exits 1', async () => {
    const { code, json } = await validate(join(FIX, name));
    expect(code).toBe(1);
    expect(Object.keys(json)).toEqual(['file', 'sheets', 'findings', 'rollups', 'levels']);
    const findings = json.findings as F[];
    expect(findings.map((f) => [f.rule, f.severity, f.sheet, f.cell, f.unit])).toEqual(expect.arrayContaining(README_FINDINGS));
    expect(findings).toHaveLength(README_FINDINGS.length);
    expect(findings.find((f) => f.rule === 'rate.borderline')!.message).toContain('hiển thị 95,00% nhưng thực tế 94,995% < 95%');
    expect(findings.find((f) => f.rule === 'level.overstated' && f.unit === 'Long Phú')!.message).toContain('cần thêm 60 người biết chữ mức độ 2 trong độ tuổi 15-60');
    // The count sheets are listed like the Phụ lục grids, with their template id and units.
    const sheets = json.sheets as { name: string; template: string; units: string[] }[];
    expect(sheets.map((s) => `${s.name}:${s.template}`)).toEqual([
      'Phụ lục 1:xmc',
      'Phụ lục 2:pcgd-mn',
      'Phụ lục 3:pcgd-th',
      'Phụ lục 4:pcgd-thcs',
      'XMC-4:xmc-count',
      'PCGD MN 5 tuổi:mn-count',
      'PCGD TH:th-count',
      'PCGD THCS:thcs-count',
    ]);
    expect(sheets[4].units).toHaveLength(12);
  });

  it('gives the 48 `levels` entries of the README, in sheet order then row order', async () => {
    const { json } = await validate(join(FIX, name));
    const levels = json.levels as L[];
    expect(levels).toHaveLength(48);
    expect(levels[0]).toEqual({ sheet: 'XMC-4', template: 'xmc-count', unit: 'An Bình', year: '2020', level: 'MĐ2', decided: true, dbkk: false });
    expect(levels.map((l) => l.template)).toEqual(['xmc-count', 'mn-count', 'th-count', 'thcs-count'].flatMap((t) => Array(12).fill(t)));
    const table: Record<string, string> = {};
    for (const e of levels) {
      const shown = `${e.level ?? '–'}${e.decided ? '' : ' (undecided)'}`;
      table[e.unit] = table[e.unit] ? `${table[e.unit]} | ${shown}` : shown;
      expect(e.year).toBe('2020');
      expect(e.dbkk).toBe(['Cát Tiên', 'Kim Sơn', 'Tân Lập'].includes(e.unit));
    }
    expect(table).toEqual(README_LEVELS);
  });
});
