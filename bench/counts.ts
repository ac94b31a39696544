// The level engine at national scale (issue 9 item 8): 10,000 communes × the four count tables,
// levels (THCS with its XMC and TH prerequisites) and every count rule with the marks of the
// Phụ lục result group; and one edited count row re-checked live. Goals: < 100 ms and < 2 ms.
import { performance } from 'node:perf_hooks';
import { COUNT_TEMPLATES, countColumns, evaluateCounts, marksByUnit, recheckCountRow, rowKeys, type CountRow, type CountSheet, type MarkGroup } from '../shared/counts';

function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/** Plausible counts: each denominator 50–3,000, each numerator 80–100 % of it, nested bands kept. */
export function makeSheets(n: number): { sheets: CountSheet[]; groups: MarkGroup[] } {
  const random = rng(2020);
  const units = Array.from({ length: n }, (_, i) => `Xã ${i + 1}`);
  const out: CountSheet[] = [];
  const groups: MarkGroup[] = [];
  for (const t of COUNT_TEMPLATES) {
    const rows: CountRow[] = units.map((unit) => {
      const counts: Record<string, number> = {};
      const dens = new Map<string, number>();
      for (const c of t.columns) if (c.kind === 'rate') dens.set(c.den, 0);
      for (const c of countColumns(t)) counts[c.key] = dens.has(c.key) ? 50 + Math.floor(random() * 2950) : 0;
      for (const c of t.columns) if (c.kind === 'rate') counts[c.num] = Math.floor(counts[c.den] * (0.8 + random() * 0.2));
      // The order checks hold, as in a consistent file: raise the right side until they do.
      for (let pass = 0; pass < 6; pass++) {
        for (const o of t.orders) {
          const left = o.left.reduce((a, k) => a + counts[k], 0);
          if (left > counts[o.right]) counts[o.right] = left;
        }
      }
      return { unit, year: '2020', counts, dbkk: random() < 0.1 };
    });
    out.push({ sheet: t.sheet, template: t, year: '2020', rows });
  }
  // Marks as a district marks them: the computed level, one commune in twenty marked otherwise.
  const levels = evaluateCounts(out).levels;
  out.forEach((s, i) => {
    const marks = units.map((unit, row) => ({ unit, level: random() < 0.05 ? Math.floor(random() * (s.template.levels.length + 1)) : levels[i][row].level, row, col: 'm' }));
    groups.push({ template: s.template.marks, year: '2020', sheet: 'Phụ lục', marks });
  });
  return { sheets: out, groups };
}

function median(fn: () => unknown, runs: number): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export function countsBench(n = 10_000, runs = 5): void {
  console.log(`\nMức từ số liệu (issue 9): ${n.toLocaleString('vi-VN')} xã × 4 biểu số liệu`);
  const { sheets: all, groups } = makeSheets(n);
  let findings = 0;
  const full = median(() => (findings = evaluateCounts(all, groups).findings.length), runs);
  console.log(`  tính mức + mọi quy tắc, cả nước                       ${full.toFixed(1).padStart(6)} ms   (${findings} phát hiện) ${full < 100 ? 'ĐẠT' : 'CHƯA ĐẠT'} (mục tiêu < 100 ms)`);
  const ev = evaluateCounts(all, groups);
  const byRule = new Map<string, number>();
  for (const f of ev.findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
  console.log(`  phát hiện theo quy tắc: ${[...byRule].map(([k, v]) => `${k} ${v}`).join(", ")}`);
  const i = 3; // the THCS sheet: prerequisites and the most criteria
  const s = all[i];
  const marks = marksByUnit(groups[i].marks);
  const random = rng(7);
  const keys = countColumns(s.template).map((c) => c.key);
  // Which rows speak for their commune: known from the rows' names, unchanged by a count edit.
  const first = rowKeys(s.rows).first;
  const live = median(() => {
    for (let k = 0; k < 100; k++) {
      const r = Math.floor(random() * s.rows.length);
      const row = s.rows[r];
      const edited = { ...row, counts: { ...row.counts, [keys[k % keys.length]]: Math.floor(random() * 3000) } };
      const rows = s.rows.slice();
      rows[r] = edited;
      recheckCountRow({ ...s, rows }, r, { prereqs: ev.prereqs[i], marks, first });
    }
  }, runs) / 100;
  console.log(`  một dòng số liệu sửa, kiểm tra lại ngay (THCS)           ${live.toFixed(3).padStart(6)} ms   ${live < 2 ? 'ĐẠT' : 'CHƯA ĐẠT'} (mục tiêu < 2 ms)`);
}
