// Units after the 2025 reform (DOMAIN.md §11) on the worked example of §11.6: the 21 communes of
// Huyện Hà Quảng (seeds/ha-quang.json, the names as seed 001 writes them) become 7 communes of
// Tỉnh Cao Bằng; the re-based view reads the real grids of seeds/ha-quang.xlsx.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookFile } from '../../electron/core/excel/read';
import {
  applyPlan,
  planAppChange,
  exactKey,
  looseKey,
  matchName,
  officeWords,
  planChanges,
  readChangeTable,
  rebase,
  splitKind,
  type Cell,
  type OldGrid,
  type UnitRecord,
  type UnitSnapshot,
} from '../../shared/units';

// §11.6: new commune (ma-dvhc-2025) ← old communes (ma-dvhc), official spellings.
const MERGERS: [string, string, [string, string][]][] = [
  ['Xã Thanh Long', '01387', [['Xã Ngọc Động', '01378'], ['Xã Yên Sơn', '01381'], ['Xã Thanh Long', '01387']]],
  ['Xã Cần Yên', '01366', [['Xã Cần Nông', '01367'], ['Xã Lương Thông', '01372'], ['Xã Cần Yên', '01366']]],
  ['Xã Thông Nông', '01363', [['Thị trấn Thông Nông', '01363'], ['Xã Đa Thông', '01375'], ['Xã Lương Can', '01384']]],
  ['Xã Trường Hà', '01392', [['Thị trấn Xuân Hoà', '01392'], ['Xã Quý Quân', '01432'], ['Xã Sóc Hà', '01417'], ['Xã Trường Hà', '01399']]],
  ['Xã Hà Quảng', '01438', [['Xã Hồng Sỹ', '01429'], ['Xã Ngọc Đào', '01438'], ['Xã Mã Ba', '01435']]],
  ['Xã Lũng Nặm', '01393', [['Xã Thượng Thôn', '01420'], ['Xã Lũng Nặm', '01393']]],
  ['Xã Tổng Cọt', '01414', [['Xã Nội Thôn', '01411'], ['Xã Cải Viên', '01402'], ['Xã Tổng Cọt', '01414']]],
];

/** The database as seed 001 leaves it: the district and its 21 communes, names as the plan writes them. */
function haQuangDb(): UnitSnapshot {
  const seed = JSON.parse(readFileSync('seeds/ha-quang.json', 'utf8')) as { communes: string[] };
  const codeOf = new Map(MERGERS.flatMap(([, , olds]) => olds.map(([n, c]) => [looseKey(n), c] as const)));
  const units: UnitRecord[] = [{ id: 1, kind: 'huyen', name: 'Hà Quảng', parentId: null, validFrom: null, validTo: null, codes: [], aliases: [] }];
  seed.communes.forEach((name, i) => {
    const code = codeOf.get(looseKey(name));
    expect(code, name).toBeDefined();
    units.push({ id: 10 + i, kind: 'xa', name, parentId: 1, validFrom: null, validTo: null, codes: [{ scheme: 'ma-dvhc', code: code! }], aliases: [] });
  });
  return { units, links: [] };
}

/** The change table as a user pastes it: two title rows, the header, 21 rows, then refused ones. */
function haQuangTable(): Cell[][] {
  const cells: Cell[][] = [
    ['BẢNG CHUYỂN ĐỔI ĐƠN VỊ HÀNH CHÍNH CẤP XÃ'],
    [],
    ['Tỉnh', 'Huyện cũ', 'Xã cũ', 'Mã xã cũ', 'Xã mới', 'Mã xã mới', 'Ghi chú', 'Ngày hiệu lực'],
  ];
  for (const [newName, newCode, olds] of MERGERS) {
    for (const [old] of olds) {
      // Two rows carry the old code (one as a number cell, as Excel stores it); the others rely on (district, name).
      const code: Cell = old === 'Xã Cần Nông' ? '01367' : old === 'Xã Cải Viên' ? 1402 : null;
      const date: Cell = old === 'Xã Mã Ba' ? new Date(Date.UTC(2025, 6, 1)) : old === 'Xã Sóc Hà' ? '01/07/2025' : null;
      cells.push(['Tỉnh Cao Bằng', 'Huyện Hà Quảng', old, code, newName, newCode, 'Nhập toàn bộ', date]);
    }
  }
  cells.push(
    ['Tỉnh Cao Bằng', 'Huyện Hà Quảng', 'Xã Đồng Tâm', null, 'Xã Cần Yên', '01366', 'Nhập toàn bộ', null],
    ['Tỉnh Cao Bằng', null, 'Xã Cần Yên', null, 'Xã Cần Yên', '01366', 'Nhập toàn bộ', null],
    ['Tỉnh Cao Bằng', 'Huyện Hà Quảng', 'Xã Cải Viên', null, 'Xã Cần Yên', '01366', 'Nhập toàn bộ', null],
    ['Tỉnh Cao Bằng', 'Huyện Hà Quảng', 'Xã Yên Sơn', null, 'Xã Thanh Long', '01387', 'Sáp nhập', null],
    ['Tỉnh Cao Bằng', 'Huyện Hà Quảng', 'Xã Yên Sơn', null, 'Xã Thanh Long', '01387', 'Nhập toàn bộ', '31/02/2025'],
    ['Tỉnh Cao Bằng', 'Huyện Trùng Khánh', 'Xã Cần Nông', '01367', 'Xã Cần Yên', '01366', 'Nhập toàn bộ', null],
    [],
    ['Ghi chú: bảng theo danhmuchanhchinh.nso.gov.vn'],
  );
  return cells;
}

describe('§11.3 name keys', () => {
  it('the exact key forgives case, spaces, tone placement, the kind word and leading zeros', () => {
    expect(exactKey('Thị trấn  Xuân Hoà')).toBe(exactKey('xuân hòa'));
    expect(exactKey('TT. Xuân Hòa')).toBe(exactKey('Xuân Hoà'));
    expect(exactKey('Thuỷ')).toBe(exactKey('Thủy'));
    expect(exactKey('Khoẻ')).toBe(exactKey('Khỏe'));
    expect(exactKey('Phường 01')).toBe(exactKey('P. 1'));
    expect(exactKey('Thành phố Phan Rang-Tháp Chàm')).toBe(exactKey('Phan Rang - Tháp Chàm'));
  });

  it('but keeps what tells names apart: the tone itself, the letters, "Phương" that is no "Phường"', () => {
    expect(exactKey('Hoàng')).not.toBe(exactKey('Hoáng'));
    expect(exactKey('Tổng Cọt')).not.toBe(exactKey('Tổng Cột'));
    expect(exactKey('Phương Trung')).not.toBe(exactKey('Trung'));
    expect(exactKey('Hòa Lạc')).not.toBe(exactKey('Hóa Lạc'));
    expect(looseKey('Tổng Cọt')).toBe(looseKey('Tổng Cột'));
    expect(looseKey('Hòa Lạc')).toBe(looseKey('Hóa Lạc'));
  });

  it('matches on aliases; the loose key only when allowed and only when the exact key found nothing', () => {
    const units = [{ name: 'Tổng Cột', aliases: [] }, { name: 'Thị trấn Thông Nông', aliases: ['Thông Nông cũ'] }];
    expect(matchName('Xã Tổng Cọt', units, { loose: false }).found).toEqual([]);
    expect(matchName('Xã Tổng Cọt', units, { loose: true })).toEqual({ found: [units[0]], by: 'loose' });
    expect(matchName('Thông Nông cũ', units, { loose: false }).by).toBe('exact');
  });

  it('splits the kind word off, the tier deciding "Thành phố"', () => {
    expect(splitKind('Thị trấn Xuân Hoà')).toEqual({ kind: 'thi-tran', kindWord: 'Thị trấn', name: 'Xuân Hoà' });
    expect(splitKind('Thành phố Hà Nội', 'province').kind).toBe('thanh-pho-tw');
    expect(splitKind('Thành phố Cao Bằng', 'district').kind).toBe('thanh-pho');
    expect(splitKind('Phương Trung').kind).toBeNull();
    expect(splitKind('Xa Hoa Binh').kind).toBe('xa');
  });
});

describe('§11.2 words that follow the unit kind', () => {
  it('a province office after 1/7/2025 says "tỉnh" everywhere', () => {
    expect(officeWords('tinh', 'Cao Bằng')).toEqual({
      governing: 'ỦY BAN NHÂN DÂN TỈNH CAO BẰNG',
      issuing: 'SỞ GIÁO DỤC VÀ ĐÀO TẠO',
      place: 'Cao Bằng',
      totalRow: 'Tổng toàn tỉnh',
      titleEnd: 'TRÊN ĐỊA BÀN TỈNH CAO BẰNG',
      nameColumn: 'Tên đơn vị (xã/phường/đặc khu)',
      rowWord: 'xã',
      footerRows: 'xã, phường',
      addRow: 'Thêm xã',
      self: 'Tỉnh',
    });
    expect(officeWords('thanh-pho-tw', 'Hà Nội')).toMatchObject({ governing: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI', totalRow: 'Tổng toàn thành phố' });
  });

  it('a district before 1/7/2025, a quận, a commune office after, a commune before (seed 002)', () => {
    expect(officeWords('huyen', 'Hà Quảng', { asOf: '2024-09-30' })).toMatchObject({
      governing: 'ỦY BAN NHÂN DÂN HUYỆN HÀ QUẢNG', issuing: 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO', totalRow: 'Tổng toàn huyện',
      titleEnd: 'TRÊN ĐỊA BÀN HUYỆN HÀ QUẢNG', nameColumn: 'Tên đơn vị (xã/thị trấn)', place: 'Hà Quảng',
    });
    expect(officeWords('quan', '1', { asOf: '2024-09-30' })).toMatchObject({ nameColumn: 'Tên đơn vị (phường)', totalRow: 'Tổng toàn quận' });
    expect(officeWords('xa', 'Trường Hà')).toMatchObject({
      governing: 'ỦY BAN NHÂN DÂN XÃ TRƯỜNG HÀ', issuing: 'PHÒNG VĂN HÓA - XÃ HỘI', totalRow: 'Tổng toàn xã', nameColumn: 'Tên đơn vị (thôn/tổ dân phố)',
    });
    expect(officeWords('dac-khu', 'Phú Quốc', { oneRow: true })).toMatchObject({ governing: 'ỦY BAN NHÂN DÂN ĐẶC KHU PHÚ QUỐC', nameColumn: 'Tên đơn vị', totalRow: 'Tổng toàn đặc khu' });
    expect(officeWords('xa', 'Tân Văn', { asOf: '2024-02-01' })).toMatchObject({ governing: null, issuing: 'ỦY BAN NHÂN DÂN XÃ TÂN VĂN', titleEnd: 'TRÊN ĐỊA BÀN XÃ TÂN VĂN' });
  });
});

describe('§11.4 the change table: Huyện Hà Quảng → 7 communes of Tỉnh Cao Bằng', () => {
  const db = haQuangDb();
  const table = readChangeTable(haQuangTable())!;
  const plan = planChanges(table.rows, db, 'ha-quang.xlsx');

  it('reads the header under the title rows and stops at the first empty row', () => {
    expect(table.headerRow).toBe(3);
    expect(table.rows).toHaveLength(27);
    expect(table.rows[0]).toMatchObject({ row: 4, province: 'Tỉnh Cao Bằng', district: 'Huyện Hà Quảng', old: 'Xã Ngọc Động', new: 'Xã Thanh Long', date: '2025-07-01' });
    expect(table.rows.find((r) => r.old === 'Xã Cải Viên')!.oldCode).toBe('01402');
    expect(readChangeTable([['Tỉnh', 'Huyện cũ', 'Xã cũ']])).toBeNull();
  });

  it('creates the province and the 7 new communes once, under the province, from 1/7/2025', () => {
    expect(plan.created).toEqual(['Tỉnh Cao Bằng', ...MERGERS.map(([n]) => n)]);
    const province = plan.units[0];
    const communes = plan.units.slice(1);
    expect(communes.every((u) => u.parentId === province.id && u.validFrom === '2025-07-01' && u.kind === 'xa')).toBe(true);
    expect(communes.map((u) => u.codes)).toEqual(MERGERS.map(([, c]) => [{ scheme: 'ma-dvhc-2025', code: c }]));
  });

  it('maps all 21 old communes, each linked whole to its new commune; the two variant spellings become aliases', () => {
    const ok = plan.rows.filter((r) => r.status === 'ok');
    expect(ok).toHaveLength(21);
    expect(new Set(plan.links.map((l) => l.from)).size).toBe(21);
    const after = applyPlan(db, plan);
    const title = (id: number) => after.units.find((u) => u.id === id)!.name;
    for (const [newName, , olds] of MERGERS) {
      const to = after.units.find((u) => u.name === splitKind(newName).name && u.validFrom === '2025-07-01')!;
      const from = after.links.filter((l) => l.to === to.id).map((l) => looseKey(title(l.from)));
      expect(from, newName).toEqual(olds.map(([n]) => looseKey(n)));
    }
    expect(plan.links.every((l) => l.link === 'whole' && l.change === 'Nhập toàn bộ' && l.date === '2025-07-01')).toBe(true);
    expect(plan.rows.find((r) => r.old === 'Xã Tổng Cọt')).toMatchObject({ status: 'ok', unit: 'Tổng Cột', alias: 'Tổng Cọt' });
    expect(plan.rows.find((r) => r.old === 'Thị trấn Xuân Hoà')).toMatchObject({ status: 'ok', unit: 'Xuân Hòa', alias: 'Xuân Hoà' });
    expect(plan.rows.find((r) => r.old === 'Thị trấn Thông Nông')).toMatchObject({ status: 'ok', unit: 'Thị trấn Thông Nông' });
    expect(plan.aliases.map((a) => a.alias)).toEqual(['Xuân Hoà', 'Tổng Cọt']);
    expect(plan.rows[0]).toEqual({ row: 4, old: 'Xã Ngọc Động', district: 'Huyện Hà Quảng', new: 'Xã Thanh Long', change: 'Nhập toàn bộ', status: 'ok', unit: 'Ngọc Động', reason: null });
  });

  it('closes the 21 old communes and then the district on 30/6/2025', () => {
    expect(plan.closes).toHaveLength(22);
    expect(plan.closes.every((c) => c.validTo === '2025-06-30')).toBe(true);
    expect(plan.closes.at(-1)).toEqual({ unitId: 1, validTo: '2025-06-30' });
  });

  it('refuses, with a Vietnamese reason, the rows that match nothing, would match by name alone, contradict a link, or cannot be read', () => {
    const refused = plan.rows.filter((r) => r.status === 'refused').map((r) => [r.row, r.unit, r.reason]);
    expect(refused).toEqual([
      [25, null, 'Không tìm thấy xã Đồng Tâm thuộc huyện Hà Quảng trong cơ sở dữ liệu.'],
      [26, null, 'Dòng không ghi huyện cũ hay mã xã cũ: không đối chiếu xã Cần Yên theo tên một mình (huyện khác có thể có xã cùng tên).'],
      [27, null, 'Xã Cải Viên đã nhập toàn bộ vào xã Tổng Cọt từ ngày 01/07/2025.'],
      [28, null, 'Ghi chú "Sáp nhập" không cho biết loại thay đổi (Giữ nguyên, Đổi tên, Nhập toàn bộ hay Nhập một phần).'],
      [29, null, 'Ngày hiệu lực "31/02/2025" không đọc được (ghi ngày/tháng/năm, ví dụ 01/07/2025).'],
      [30, null, 'Mã xã cũ 01367 là xã Cần Nông thuộc huyện Hà Quảng, không thuộc huyện Trùng Khánh.'],
    ]);
  });

  it('applying the same table again changes nothing', () => {
    const again = planChanges(table.rows, applyPlan(db, plan), 'ha-quang.xlsx');
    expect(again).toMatchObject({ created: [], units: [], links: [], aliases: [], closes: [] });
    expect(again.rows.filter((r) => r.status === 'ok')).toHaveLength(21);
  });
});

describe('§11.4 ambiguity: never a name alone, never a guess between two', () => {
  const unit = (id: number, kind: UnitRecord['kind'], name: string, parentId: number | null, code?: string): UnitRecord => ({
    id, kind, name, parentId, validFrom: null, validTo: null, codes: code ? [{ scheme: 'ma-dvhc', code }] : [], aliases: [],
  });
  const db: UnitSnapshot = {
    units: [
      unit(1, 'tinh', 'Tiền Giang', null), unit(2, 'tinh', 'Bến Tre', null),
      unit(3, 'huyen', 'Châu Thành', 1), unit(4, 'huyen', 'Châu Thành', 2),
      unit(5, 'xa', 'Tân Thạch', 3, '28000'), unit(6, 'xa', 'Tân Thạch', 4, '29000'),
      unit(7, 'huyen', 'Mẫu', null), unit(8, 'xa', 'Hòa Lạc', 7), unit(9, 'xa', 'Hóa Lạc', 7),
    ],
    links: [],
  };
  const row = (district: string, old: string, code = '') =>
    ({ row: 5, province: 'Tỉnh Vĩnh Long', district, old, oldCode: code, new: 'Xã Mới', newCode: '', note: 'Nhập toàn bộ', date: '2025-07-01', dateText: '' });

  it('two districts of one name: refused unless the old code says which', () => {
    const p = planChanges([row('Huyện Châu Thành', 'Xã Tân Thạch'), row('Huyện Châu Thành', 'Xã Tân Thạch', '29000')], db);
    expect(p.rows[0]).toMatchObject({ status: 'refused', reason: 'Có 2 huyện Châu Thành trong cơ sở dữ liệu: ghi mã xã cũ để biết là xã nào.' });
    expect(p.rows[1]).toMatchObject({ status: 'ok', unit: 'Tân Thạch' });
    expect(p.links[0].from).toBe(6);
  });

  it('the loose key colliding two communes of one district: refused; the exact spelling: matched', () => {
    const p = planChanges([row('Huyện Mẫu', 'Xã Hoa Lac'), row('Huyện Mẫu', 'Xã Hoà Lạc')], db);
    expect(p.rows[0]).toMatchObject({ status: 'refused', reason: 'Xã Hoa Lac khớp 2 xã thuộc huyện Mẫu (Hòa Lạc, Hóa Lạc): ghi mã xã cũ để biết là xã nào.' });
    expect(p.rows[1]).toMatchObject({ status: 'ok', unit: 'Hòa Lạc', alias: 'Hoà Lạc' });
  });

  it('a refused row applies nothing: no province, no new commune', () => {
    const p = planChanges([row('Huyện Mẫu', 'Xã Đồng Tâm')], db);
    expect(p).toMatchObject({ created: [], units: [], links: [], closes: [] });
  });
});

describe('§11.5 the re-based view of the Hà Quảng grids', () => {
  let merged: UnitSnapshot;
  let grids: OldGrid[];

  beforeAll(async () => {
    const db = haQuangDb();
    merged = applyPlan(db, planChanges(readChangeTable(haQuangTable())!.rows, db));
    const wb = await readWorkbookFile('seeds/ha-quang.xlsx');
    grids = wb.sheets.map((s) => ({ template: s.template, grid: s.grid, districtId: 1 }));
  });

  it('lists the 7 new communes with their old ones as stored, and every group of the four grids', () => {
    const view = rebase(merged, grids, '2025-07-01');
    expect(view.units.map((u) => u.unit)).toEqual(MERGERS.map(([n]) => n));
    expect(view.units[1].from).toEqual(['Cần Nông', 'Lương Thông', 'Cần Yên']);
    expect(view.units[3].from).toEqual(['Xuân Hòa', 'Quý Quân', 'Sóc Hà', 'Trường Hà']);
    // XMC 3 groups, preschool 3 ages + 2 periods, TH 2 periods, THCS 3 groups.
    expect(view.units.every((u) => u.groups.length === 13)).toBe(true);
    expect(view.note).toContain('ĐBKK');
    // The issue's own example.
    expect(view.units[1].groups[0]).toEqual({ template: 'xmc', group: '2020', level: 'MĐ1', bound: 'lower' });
    expect(rebase(merged, grids, '2025-06-30').units).toEqual([]);
  });

  it('gives the lowest level of the old communes as a lower bound (XMC, THCS 2020)', () => {
    const view = rebase(merged, grids, '2025-07-01');
    const levels = (template: string, group: string) =>
      view.units.map((u) => u.groups.find((g) => g.template === template && g.group === group)!.level);
    // Old XMC marks (seed 001): 2020 MĐ1 at Cần Nông, Lương Thông, Thanh Long, Thượng Thôn, Yên Sơn, Đa Thông.
    expect(levels('xmc', '2020')).toEqual(['MĐ1', 'MĐ1', 'MĐ1', 'MĐ2', 'MĐ2', 'MĐ1', 'MĐ2']);
    expect(levels('xmc', '2021-2025')).toEqual(['MĐ1', 'MĐ1', 'MĐ2', 'MĐ2', 'MĐ2', 'MĐ1', 'MĐ2']);
    expect(levels('xmc', '2026-2030')).toEqual(Array(7).fill('MĐ2'));
    expect(levels('pcgd-thcs', '2020')).toEqual(['MĐ1', 'MĐ1', 'MĐ1', 'MĐ2', 'MĐ2', 'MĐ1', 'MĐ3']);
    expect(levels('pcgd-th', '2021-2025')).toEqual(Array(7).fill('MĐ3'));
  });

  it('"chưa xác định" where an old commune is KĐ or has two marks, said with the reason', () => {
    const view = rebase(merged, grids, '2025-07-01');
    const mn3 = view.units.map((u) => u.groups.find((g) => g.group === '2020/3 tuổi')!);
    expect(mn3.map((g) => g.bound)).toEqual(['lower', 'undecided', 'lower', 'lower', 'lower', 'undecided', 'lower']);
    expect(mn3[0].level).toBe('Đạt');
    expect(mn3[1]).toEqual({ template: 'pcgd-mn', group: '2020/3 tuổi', level: null, bound: 'undecided', reason: 'Chưa xác định: Lương Thông có 2 dấu trong cùng nhóm.' });
    expect(mn3[5].reason).toBe('Chưa xác định: Thượng Thôn không đạt, chỉ từ dấu thì chưa nói được.');
  });

  it('"chưa xác định" for a part-merged old commune, and where stored ĐBKK flags differ (§11.6)', () => {
    const partial: UnitSnapshot = {
      units: merged.units,
      links: merged.links.map((l) => (merged.units.find((u) => u.id === l.from)!.name === 'Yên Sơn' ? { ...l, change: 'Nhập một phần' as const, link: 'part' as const } : l)),
    };
    const thanhLong = rebase(partial, grids, '2025-07-01').units[0];
    expect(thanhLong.groups.every((g) => g.bound === 'undecided' && g.reason === 'Chưa xác định: Yên Sơn chỉ nhập một phần.')).toBe(true);

    // Khu vực I / II (not ĐBKK): Sóc Hà, Ngọc Đào, Thị trấn Thông Nông, Xuân Hòa; the other 17 khu vực III.
    const notDbkk = new Set(['Sóc Hà', 'Ngọc Đào', 'Thị trấn Thông Nông', 'Xuân Hòa']);
    const flag = (id: number) => {
      const u = merged.units.find((x) => x.id === id)!;
      return u.parentId === 1 ? !notDbkk.has(u.name) : undefined;
    };
    const view = rebase(merged, grids, '2025-07-01', { dbkk: (id) => flag(id) });
    expect(view.note).toBeUndefined();
    const xmc2026 = view.units.map((u) => u.groups.find((g) => g.template === 'xmc' && g.group === '2026-2030')!.bound);
    // Xã Thông Nông, Xã Trường Hà and Xã Hà Quảng mix classes.
    expect(xmc2026).toEqual(['lower', 'lower', 'undecided', 'undecided', 'undecided', 'lower', 'lower']);
  });
});

describe('§11.1 changes made in the app: add, rename, merge, retire', () => {
  const withProvince = (): UnitSnapshot => {
    const db = haQuangDb();
    db.units.push({ id: 100, kind: 'tinh', name: 'Cao Bằng', parentId: null, validFrom: null, validTo: null, codes: [], aliases: [] });
    return db;
  };
  const idOf = (db: UnitSnapshot, name: string) => db.units.find((u) => u.name === name)!.id;
  const planOf = (r: ReturnType<typeof planAppChange>) => {
    if ('refused' in r) throw new Error(r.refused);
    return r.plan;
  };

  it('merge three communes into Xã Cần Yên from 1/7/2025: links, closes, and the re-based lower bound', async () => {
    const db = withProvince();
    const ids = ['Cần Nông', 'Lương Thông', 'Cần Yên'].map((n) => idOf(db, n));
    const plan = planOf(planAppChange(db, { op: 'merge', unitIds: ids, parentId: 100, kind: 'xa', name: 'Cần Yên', code: '01366', date: '2025-07-01' }));
    expect(plan.created).toEqual(['Xã Cần Yên']);
    expect(plan.links.map((l) => [l.from, l.change, l.source])).toEqual(ids.map((id) => [id, 'Nhập toàn bộ', 'nhập trong ứng dụng']));
    expect(plan.closes).toEqual(ids.map((id) => ({ unitId: id, validTo: '2025-06-30' })));
    const after = applyPlan(db, plan);
    const wb = await readWorkbookFile('seeds/ha-quang.xlsx');
    const view = rebase(after, wb.sheets.map((s) => ({ template: s.template, grid: s.grid, districtId: 1 })), '2025-07-01');
    expect(view.units).toHaveLength(1);
    expect(view.units[0]).toMatchObject({ unit: 'Xã Cần Yên', from: ['Cần Nông', 'Lương Thông', 'Cần Yên'] });
    expect(view.units[0].groups[0]).toEqual({ template: 'xmc', group: '2020', level: 'MĐ1', bound: 'lower' });
    // Merging one of them again is refused.
    const again = planAppChange(after, { op: 'merge', unitIds: [ids[0]], parentId: 100, kind: 'xa', name: 'Khác', date: '2025-07-01' });
    expect(again).toEqual({ refused: 'Xã Cần Nông đã được nhập vào đơn vị khác.' });
    const twice = planAppChange(db, { op: 'merge', unitIds: [ids[0], ids[0]], parentId: 100, kind: 'xa', name: 'Khác', date: '2025-07-01' });
    expect(twice).toEqual({ refused: 'Một đơn vị được chọn hai lần.' });
  });

  it('rename keeps the old name as an alias, so files that still write it match', () => {
    const db = withProvince();
    const id = idOf(db, 'Tổng Cột');
    const after = applyPlan(db, planOf(planAppChange(db, { op: 'rename', unitId: id, name: 'Tổng Cọt' })));
    const u = after.units.find((x) => x.id === id)!;
    expect(u).toMatchObject({ name: 'Tổng Cọt', aliases: ['Tổng Cột'] });
    expect(matchName('Tổng Cột', [u], { loose: false }).found).toEqual([u]);
    expect(planAppChange(db, { op: 'rename', unitId: id, name: 'Cải Viên' })).toEqual({ refused: 'Đã có xã Cải Viên.' });
  });

  it('add refuses a name the parent already has; retire closes the day before', () => {
    const db = withProvince();
    expect(planAppChange(db, { op: 'add', parentId: 1, kind: 'xa', name: 'xã Cải Viên' })).toEqual({ refused: 'Đã có xã Cải Viên.' });
    expect(planOf(planAppChange(db, { op: 'add', parentId: 1, kind: 'xa', name: 'Xã Mới' })).created).toEqual(['Xã Mới']);
    const retire = planOf(planAppChange(db, { op: 'retire', unitId: idOf(db, 'Mã Ba'), date: '2025-07-01' }));
    expect(retire.closes).toEqual([{ unitId: idOf(db, 'Mã Ba'), validTo: '2025-06-30' }]);
  });
});
