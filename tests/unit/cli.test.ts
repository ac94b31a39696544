// The CLI as a user (and other tools) run it: exit codes, JSON contracts, Vietnamese messages,
// and nothing written to the database when a file is refused.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const FIX = join(ROOT, 'tests', 'fixtures');
const run = promisify(execFile);

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'scripts', 'cli.mjs'), ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

const tmp = () => mkdtempSync(join(tmpdir(), 'pcgd-cli-'));
const countRows = (db: string, table: string) => {
  const d = new Database(db, { readonly: true });
  try {
    return (d.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    d.close();
  }
};

describe('validate', () => {
  it('prints pure JSON in the contract shape and exits 1 on errors', async () => {
    const r = await cli('validate', join(FIX, 'huyen-mau-phu-luc.xlsx'), '--json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(['file', 'sheets', 'findings', 'rollups', 'levels']);
    expect(j.levels).toEqual([]); // no count sheet in this workbook
    expect(j.sheets[0]).toEqual({ name: 'Phụ lục 1', template: 'xmc', units: expect.arrayContaining(['An Bình', 'Hòa Lạc']) });
    expect(Object.keys(j.findings[0])).toEqual(['rule', 'severity', 'sheet', 'cell', 'unit', 'message']);
    expect(j.rollups).toContainEqual({ sheet: 'Phụ lục 4', template: 'pcgd-thcs', group: '2026-2030', level: 'MĐ2' });
    expect(j.rollups).toContainEqual({ sheet: 'Phụ lục 2', template: 'pcgd-mn', group: '2020/3 tuổi', level: null });
  });

  it('speaks Vietnamese without --json', async () => {
    const r = await cli('validate', join(ROOT, 'seeds', 'ha-quang.xlsx'));
    expect(r.code).toBe(1); // the seed's own inconsistency
    expect(r.stdout).toContain('Kết quả kiểm tra: 2 lỗi, 0 cảnh báo');
    expect(r.stdout).toContain('Xã Lương Thông: trẻ 3 tuổi năm 2020 được đánh dấu cả Đạt và KĐ');
  });

  it('exits 0 when a workbook has no error (an info finding only)', async () => {
    const r = await cli('validate', join(FIX, 'layouts', 'two-row-header.xlsx'), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).findings.map((f: { severity: string }) => f.severity)).toEqual(['info']);
  });

  it.each([
    ['bad/truncated.xlsx', 'bị hỏng'],
    ['bad/empty.xlsx', 'không có trang nào là biểu phụ lục'],
    ['bad/unrelated.xlsx', 'không có trang nào là biểu phụ lục'],
    ['bad/not-a-workbook.xlsx', 'không phải là sổ làm việc Excel'],
    ['does-not-exist.xlsx', 'không tìm thấy tệp'],
  ])('%s: exit 2, one Vietnamese line on stderr, no stack', async (file, reason) => {
    const r = await cli('validate', join(FIX, file), '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(reason);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});

describe('import and export', () => {
  it('reads an .xls (Excel 97–2003) as it reads the .xlsx it was saved from: same JSON, same exit', async () => {
    const [xls, xlsx] = await Promise.all([cli('validate', join(FIX, 'formats', 'ha-quang.xls'), '--json'), cli('validate', join(ROOT, 'seeds', 'ha-quang.xlsx'), '--json')]);
    expect(xls.code).toBe(xlsx.code);
    expect(xls.stderr).toBe('');
    const [a, b] = [JSON.parse(xls.stdout), JSON.parse(xlsx.stdout)];
    expect({ ...a, file: '' }).toEqual({ ...b, file: '' });
  });

  it.each(['bad/truncated.xlsx', 'bad/empty.xlsx', 'bad/unrelated.xlsx'])('refuses %s and writes nothing', async (file) => {
    const db = join(tmp(), 'x.db');
    const r = await cli('import', join(FIX, file), '--db', db, '--json');
    expect(r.code).toBe(2);
    const j = JSON.parse(r.stdout);
    expect(j.files[0]).toMatchObject({ status: 'rejected', unit: null, changes: [] });
    expect(j.files[0].reason).toMatch(/[ăâđêôơư]/);
    expect(countRows(db, 'units')).toBe(0);
    expect(countRows(db, 'cell_values')).toBe(0);
  });

  it('round-trips every mark and every Đánh giá text; the exported totals are the computed ones', async () => {
    const dir = tmp();
    const db = join(dir, 'x.db');
    const imp = await cli('import', join(ROOT, 'seeds', 'ha-quang.xlsx'), '--db', db, '--json');
    expect(imp.code).toBe(1); // stored although it has errors
    const j = JSON.parse(imp.stdout);
    expect(j.files[0]).toMatchObject({ status: 'ok', unit: 'Hà Quảng' });
    expect(j.files[0].changes).toContainEqual(expect.objectContaining({ sheet: 'Phụ lục 2', cell: 'E8', old: '', new: 'KĐ' }));
    expect(countRows(db, 'units')).toBe(22);

    const out = join(dir, 'out.xlsx');
    const exp = await cli('export', '--db', db, '--out', out);
    expect(exp.code).toBe(0);
    expect(existsSync(out)).toBe(true);

    const before = JSON.parse((await cli('validate', join(ROOT, 'seeds', 'ha-quang.xlsx'), '--json')).stdout);
    const after = JSON.parse((await cli('validate', out, '--json')).stdout);
    expect(after.sheets).toEqual(before.sheets);
    expect(after.rollups).toEqual(before.rollups);
    // The printed 18 of the seed is gone: the export prints the computed 19, so only the double mark remains.
    expect(after.findings.map((f: { rule: string }) => f.rule)).toEqual(['mark.exclusive']);

    // Importing the export again changes nothing: every mark and text came back.
    const again = JSON.parse((await cli('import', out, '--db', db, '--json')).stdout);
    expect(again.files[0].changes).toEqual([]);
  });

  it('a dry run reports the changes and stores nothing', async () => {
    const db = join(tmp(), 'x.db');
    const r = JSON.parse((await cli('import', join(FIX, 'huyen-mau-phu-luc.xlsx'), '--db', db, '--dry-run', '--json')).stdout);
    expect(r.files[0].changes.length).toBeGreaterThan(100);
    expect(countRows(db, 'cell_values')).toBe(0);
    expect(countRows(db, 'units')).toBe(0);
  });

  it('explains a missing --db or an unknown command in Vietnamese, exit 2', async () => {
    const r = await cli('export', '--out', '/tmp/x.xlsx');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('thiếu --db');
    const u = await cli('frobnicate');
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('không có lệnh');
  });

  it('--help prints the usage on stdout and exits 0, and names every command', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const c of ['validate', 'import', 'export', 'forms', 'completeness']) expect(r.stdout).toContain(`npm run -s cli -- ${c} `);
  });
});
