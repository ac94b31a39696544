// The import preview speaks the officer's words (issue 11, item 4): a change is named by commune
// and column ("Lương Thông · Trẻ 3 tuổi 2020 · Đạt: trống → x"), not by the file's cell address;
// a file with errors is not ticked unasked; what a commune sent keeps its error count.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnLabel } from '../../shared/column-label';
import { getTemplate } from '../../shared/templates';
import { changeText, chosenByDefault } from '../../renderer/src/import/importWords';
import type { Finding } from '../../shared/report';
import { appsClosedAfterEach } from '../support/handlers';
import { runImport } from '../support/run-import';

const ROOT = join(import.meta.dirname, '..', '..');
const open = appsClosedAfterEach('pcgd-words-');

describe('columnLabel', () => {
  const mn = getTemplate('pcgd-mn');
  const xmc = getTemplate('xmc');
  it('names an age group of a year, a year and a period as the officer says them', () => {
    expect(columnLabel(mn, mn.defaultLayout, '2020/3 tuổi|Đạt')).toBe('Trẻ 3 tuổi 2020 · Đạt');
    expect(columnLabel(mn, mn.defaultLayout, '2020/3 tuổi|Đánh giá')).toBe('Trẻ 3 tuổi 2020 · Đánh giá');
    expect(columnLabel(xmc, xmc.defaultLayout, '2020|MĐ2')).toBe('Năm 2020 · MĐ2');
    expect(columnLabel(xmc, xmc.defaultLayout, '2026-2030|MĐ1')).toBe('Giai đoạn 2026-2030 · MĐ1');
  });
  it('gives back a key no group of the layout has, rather than a wrong name', () => {
    expect(columnLabel(mn, mn.defaultLayout, '1999/3 tuổi|Đạt')).toBe('1999/3 tuổi|Đạt');
  });
});

describe('changeText', () => {
  it('reads commune · column: old → new, a blank as "trống"', () => {
    const c = { sheet: 'Phụ lục 2', cell: 'C13', unitName: 'Lương Thông', column: 'Trẻ 3 tuổi 2020 · Đạt', old: '', new: 'x' };
    expect(changeText(c)).toBe('Lương Thông · Trẻ 3 tuổi 2020 · Đạt: trống → x');
    expect(changeText({ ...c, old: 'x', new: '' })).toBe('Lương Thông · Trẻ 3 tuổi 2020 · Đạt: x → trống');
  });
});

describe('chosenByDefault', () => {
  const error = { severity: 'error' } as Finding;
  const warning = { severity: 'warning' } as Finding;
  it('ticks a ready file with only warnings, never one with an error or not ready', () => {
    expect(chosenByDefault({ status: 'ok', findings: [warning] })).toBe(true);
    expect(chosenByDefault({ status: 'ok', findings: [warning, error] })).toBe(false);
    expect(chosenByDefault({ status: 'conflict', findings: [] })).toBe(false);
  });
});

describe('an import preview and what it stores', () => {
  it('names each change by commune and column; a commune form stores its error count with the submission', async () => {
    const app = open();
    const file = (p: string) => ({ name: p.split('/').pop()!, data: readFileSync(p).toString('base64') });
    const { files } = await runImport(app.api, { files: [file(join(ROOT, 'tests', 'fixtures', 'huyen-mau-phu-luc.xlsx'))], dryRun: true });
    const hoaLac = files[0].changes.find((c) => c.unitName === 'Hòa Lạc' && c.column === 'Giai đoạn 2026-2030 · MĐ1');
    expect(hoaLac).toMatchObject({ sheet: 'Phụ lục 1', old: '', new: 'x' });
    expect(files[0].changes.every((c) => c.unitName !== '' && !c.column.includes('|'))).toBe(true);

    // The demo's Lương Thông is marked both Đạt and KĐ: its form, sent back as it went out, has that error.
    await app.api.loadDemo({});
    const forms = await app.api.exportForms({});
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(Buffer.from(forms.data, 'base64'));
    const send = async (name: string) => ({ name, data: (await zip.file(name)!.async('nodebuffer')).toString('base64') });
    await runImport(app.api, { files: [await send('Luong_Thong.xlsx'), await send('Cai_Vien.xlsx')], dryRun: false });
    const rows = (await app.api.completeness({})).communes;
    expect(rows.find((r) => r.name === 'Lương Thông')?.errors).toBe(1);
    expect(rows.find((r) => r.name === 'Cải Viên')?.errors).toBe(0);
    expect(rows.find((r) => r.name === 'Mã Ba')?.errors).toBeNull();
  });
});
