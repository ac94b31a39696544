// The "Mục tiêu kế hoạch" page's handlers on a real SQLite database (issue 10, items 1–2, app
// side): the demo district (seed 001's grids) with its plan pasted in — the proposer's 17 targets,
// confirmed and saved, are all met and the live check of the grid gives no target.unmet; one
// mark a target depends on taken off raises it, naming the target and the shortfall; a row that
// cannot be read is refused with its column named and stores nothing; the export writes the
// "Mục tiêu" sheet, which validate reads back to the same targets.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../shared/api';
import { getTemplate } from '../../shared/templates';
import { targetGridFindings } from '../../shared/targets/grid-findings';
import { ParsePool } from '../../electron/core/batch/pool';
import { createHandlers } from '../../electron/core/handlers';
import { Store } from '../../electron/core/store/store';
import { validateFile } from '../../electron/core/validate';

const PLAN_001 = readFileSync('tests/fixtures/seed-texts/001_3e8956d77498b072.txt', 'utf8');
const PLAN_004 = readFileSync('tests/fixtures/seed-texts/004_dd3af6faf72f88dd.txt', 'utf8');

const tmp = mkdtempSync(join(tmpdir(), 'targets-page-'));
let store: Store;
let pool: ParsePool;
let api: Api;
let districtId: number;

beforeAll(async () => {
  store = Store.open(join(tmp, 'app.db'));
  pool = new ParsePool(1);
  api = createHandlers({ store, pool, seedsDir: 'seeds', saveFile: async () => ({ saved: false }) });
  districtId = (await api.loadDemo({})).unitId;
});

afterAll(async () => {
  await pool.close();
  store.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** The live check of a grid as the problems panel runs it, on the stored grid and its context. */
async function liveTargetFindings(template: 'xmc' | 'pcgd-th') {
  const view = await api.openGrid({ template, unitId: districtId });
  const ctx = await api.openContext({ reportId: view.report.id });
  return targetGridFindings(ctx.targets, getTemplate(template), view.grid, { rowWord: ctx.rowWord });
}

async function setMark(template: 'xmc' | 'pcgd-th', commune: string, key: string, value: string) {
  const view = await api.openGrid({ template, unitId: districtId });
  const unitId = store.children(districtId).find((c) => c.name === commune)!.id;
  await api.setCells({ reportId: view.report.id, writes: [{ unitId, key, value }] });
}

describe('pasting the plan proposes its targets, each already checked on the grids', () => {
  it('seed 001: 17 proposals, all met, scoped to the district; the first one says "18/21 xã (85,71%)"', async () => {
    const r = await api.proposeTargets({ unitId: districtId, text: PLAN_001 });
    expect(r.scope).toBe('Huyện Hà Quảng');
    expect(r.proposals).toHaveLength(17);
    expect(r.proposals.map((p) => p.status)).toEqual(Array(17).fill('met'));
    expect(r.proposals[0].cells).toEqual([
      '1', 'XMC', 'MĐ2', 'Tỉ lệ xã', '85%', '2021-2025', 'Huyện Hà Quảng', 'Phấn đấu', expect.stringContaining('85% trở lên các xã, thị trấn đạt chuẩn xóa mù chữ mức độ 2'),
    ]);
    expect(r.proposals[0].message).toBe('18/21 xã (85,71%) đạt XMC MĐ2 trở lên; chỉ tiêu 85%: đạt, dư 0 xã.');
    // Nothing is stored by proposing.
    expect(store.reform.targets(districtId)).toEqual([]);
  });

  it('seed 004 states no target: nothing proposed', async () => {
    const r = await api.proposeTargets({ unitId: districtId, text: PLAN_004 });
    expect(r.proposals).toEqual([]);
  });

  it('a target sentence without a level is listed as not read, with the reason, never guessed', async () => {
    const r = await api.proposeTargets({ unitId: districtId, text: 'Mục tiêu đến năm 2025\n80% các xã đạt chuẩn phổ cập giáo dục tiểu học.', when: '2021-2025' });
    expect(r.proposals).toEqual([]);
    expect(r.unread).toHaveLength(1);
    expect(r.unread[0]).toMatchObject({ line: 2, sentence: expect.stringContaining('phổ cập giáo dục tiểu học') });
    expect(r.unread[0].reason).not.toBe('');
  });
});

describe('the confirmed targets saved and checked against the grids', () => {
  it('saved whole: 17 targets kept, typed in the app; all met; no target.unmet in the live check', async () => {
    const { proposals } = await api.proposeTargets({ unitId: districtId, text: PLAN_001 });
    const saved = await api.setTargets({ unitId: districtId, rows: proposals.map((p) => p.cells) });
    expect(saved.saved).toBe(true);
    expect(saved.rows.map((r) => r.status)).toEqual(Array(17).fill('met'));
    const kept = store.reform.targets(districtId);
    expect(kept).toHaveLength(17);
    expect(kept[0]).toMatchObject({ programme: 'xmc', level: 'MĐ2', kind: 'share', value: 85, when: '2021-2025', scope: 'Huyện Hà Quảng', source: { kind: 'typed' } });
    const view = await api.targets({ unitId: districtId });
    expect(view.rows).toHaveLength(17);
    expect(view.rows[0].message).toBe('18/21 xã (85,71%) đạt XMC MĐ2 trở lên; chỉ tiêu 85%: đạt, dư 0 xã.');
    expect(await liveTargetFindings('xmc')).toEqual([]);
    expect(await liveTargetFindings('pcgd-th')).toEqual([]);
  });

  it('one XMC MĐ2 mark taken off: target.unmet (warning) in the grid, naming the target, the shortfall and the closest commune; put back, gone', async () => {
    await setMark('xmc', 'Cải Viên', '2021-2025|MĐ2', '');
    try {
      const found = await liveTargetFindings('xmc');
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ rule: 'target.unmet', severity: 'warning' });
      expect(found[0].message).toMatch(/^Chỉ tiêu 85% xã đạt XMC MĐ2 trở lên \(giai đoạn 2021-2025\): 17\/21 xã \(80,95%\), chưa đạt — còn thiếu 1 xã \(cần 18\/21\)\. Xã gần đạt nhất: /);
      // The finding points at the closest commune's row, so a click in the panel goes there.
      const view = await api.openGrid({ template: 'xmc', unitId: districtId });
      expect(view.grid.rows[found[0].row as number].unit).toBe(found[0].message.match(/gần đạt nhất: ([^,(]+?)(?:,| \()/)![1]);
      const page = await api.targets({ unitId: districtId });
      expect(page.rows[0]).toMatchObject({ status: 'unmet', message: found[0].message });
      expect(page.rows.filter((r) => r.status === 'unmet')).toHaveLength(1);
    } finally {
      await setMark('xmc', 'Cải Viên', '2021-2025|MĐ2', 'x');
    }
    expect(await liveTargetFindings('xmc')).toEqual([]);
  });

  it('the exact boundary: PCGD TH MĐ3 21/21 meets 100%; 20/21 does not', async () => {
    const page = await api.targets({ unitId: districtId });
    const th = page.rows.find((r) => r.cells[1] === 'PCGD TH' && r.cells[2] === 'MĐ3' && r.cells[4] === '100%')!;
    expect(th.message).toBe('21/21 xã (100,00%) đạt PCGD TH MĐ3; chỉ tiêu 100%: đạt, dư 0 xã.');
    await setMark('pcgd-th', 'Cải Viên', '2021-2025|MĐ3', '');
    try {
      const found = await liveTargetFindings('pcgd-th');
      expect(found.some((f) => f.message.includes('20/21 xã') && f.message.includes('còn thiếu 1 xã'))).toBe(true);
    } finally {
      await setMark('pcgd-th', 'Cải Viên', '2021-2025|MĐ3', 'x');
    }
  });

  it('a row that cannot be read is refused with its column named; nothing is stored; blank rows are dropped', async () => {
    const before = store.reform.targets(districtId);
    const rows = [
      ['1', 'XMC', 'MĐ2', 'Tỉ lệ xã', '85%', '2021-2025', '', 'Phấn đấu', 'gõ tay'],
      ['', '', '', '', '', '', '', '', ''],
      ['2', 'PCGD THCS', 'MĐ4', 'Tỉ lệ xã', '120%', '2021-2025', '', '', ''],
      ['3', '', '', 'Số xã', '4/7', '2025', '', '', 'thiếu chương trình'],
    ];
    const r = await api.setTargets({ unitId: districtId, rows });
    expect(r.saved).toBe(false);
    expect(r.rows.map((x) => x.status)).toEqual(['met', 'invalid', 'invalid']);
    expect(r.rows[0].message).toBe('18/21 xã (85,71%) đạt XMC MĐ2 trở lên; chỉ tiêu 85%: đạt, dư 0 xã.');
    expect(r.rows[1].message).toContain('Mức: mức "MĐ4" không rõ');
    expect(r.rows[1].message).toContain('Giá trị: tỉ lệ "120%" không hợp lệ');
    expect(r.rows[2].message).toBe('Chưa ghi chương trình và mức của chỉ tiêu.');
    expect(store.reform.targets(districtId)).toEqual(before);
  });

  it('an empty Đơn vị is the district: a typed row saves with the district as its scope', async () => {
    const before = store.reform.targets(districtId).map(({ id: _id, ...t }) => t);
    try {
      const r = await api.setTargets({ unitId: districtId, rows: [['', 'xóa mù chữ', 'mức độ 1', 'Mức của đơn vị', '', '2021 - 2025', '', 'Duy trì', '']] });
      expect(r.saved).toBe(true);
      expect(store.reform.targets(districtId)).toMatchObject([{ programme: 'xmc', level: 'MĐ1', kind: 'unit', scope: 'Huyện Hà Quảng', mode: 'maintain', when: '2021-2025' }]);
      expect(r.rows[0].status).toBe('met');
    } finally {
      store.reform.setTargets(districtId, before, { kind: 'typed' });
    }
  });
});

describe('export writes the "Mục tiêu" sheet', () => {
  it('the exported workbook holds the 17 targets, which validate reads back unchanged and all met', async () => {
    const kept = store.reform.targets(districtId).map(({ id: _id, source: _s, ...t }) => t);
    expect(kept).toHaveLength(17);
    const out = await api.exportWorkbook({ unitId: districtId });
    const file = join(tmp, out.name);
    writeFileSync(file, Buffer.from(out.data, 'base64'));
    const r = await validateFile(file);
    expect(r.targets).toHaveLength(17);
    expect(r.targets!.map((t) => t.status)).toEqual(Array(17).fill('met'));
    expect(r.findings.filter((f) => f.sheet === 'Mục tiêu' && f.severity !== 'info')).toEqual([]);
    expect(r.findings.some((f) => f.rule === 'sheet.unrecognized')).toBe(false);
    const back = r.targets!.map((t) => ({ programme: t.programme, age: t.age, level: t.level, kind: t.kind, period: t.period, unit: t.unit, mode: t.mode, text: t.text }));
    expect(back).toEqual(kept.map((t) => ({ programme: t.programme, age: t.age, level: t.level, kind: t.kind, period: t.when, unit: t.scope, mode: t.mode, text: t.text })));
    expect(r.targets!.map((t) => t.value)).toEqual(kept.map((t) => (t.kind === 'named' ? t.names : t.kind === 'unit' ? null : t.value)));
  });

  it('no targets, no "Mục tiêu" sheet', async () => {
    const before = store.reform.targets(districtId).map(({ id: _id, ...t }) => t);
    store.reform.setTargets(districtId, [], { kind: 'typed' });
    try {
      const out = await api.exportWorkbook({ unitId: districtId });
      const file = join(tmp, `empty-${out.name}`);
      writeFileSync(file, Buffer.from(out.data, 'base64'));
      const r = await validateFile(file);
      expect(r.targets).toBeUndefined();
      expect(r.sheets.map((s) => s.name)).not.toContain('Mục tiêu');
    } finally {
      store.reform.setTargets(districtId, before, { kind: 'typed' });
    }
  });
});
