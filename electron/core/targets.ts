// The "Mục tiêu kế hoạch" page's side in the store (DOMAIN.md §10): a unit's targets as the rows
// of the "Mục tiêu" sheet (nine cells as text, what the officer types and pastes), each checked
// on the unit's stored grids with the rules `validate` uses; saving reads the rows exactly as the
// sheet reader reads a workbook's, so the page, the sheet and the store cannot disagree.
import type { TargetRowView, TargetsView, UnitNode } from '../../shared/api';
import type { Finding } from '../../shared/report';
import { checkTargets, type EvaluateOptions, type TemplateGrid } from '../../shared/targets';
import type { Target } from '../../shared/targets/model';
import { proposeTargets } from '../../shared/targets/propose';
import { readTargetSheet, targetSheetRow } from '../../shared/targets/sheet';
import { COLUMNS, TARGET_HEADINGS } from '../../shared/targets/sheet-header';
import { getTemplate } from '../../shared/templates';
import { fold } from '../../shared/text/normalize';
import { KINDS } from '../../shared/units/kinds';
import { officeWords } from '../../shared/units/words';
import { gridsOf } from './export';
import type { Store } from './store/store';
import type { UnitRecord } from './store/types';

/** The sheet name the page's rows are read under (only inside messages, which name columns instead). */
const PAGE_SHEET = 'Mục tiêu kế hoạch';
const WIDTH = TARGET_HEADINGS.length;

/** "Huyện Hà Quảng": the unit with its kind word, as a target's Đơn vị names it. */
export function scopeOf(unit: Pick<UnitRecord, 'kind' | 'name'>): string {
  const word = KINDS[unit.kind].word;
  return fold(unit.name).startsWith(`${fold(word)} `) ? unit.name : `${word} ${unit.name}`;
}

/** The grids a unit's targets are checked on, and how its rows are named in messages. */
export function targetBasis(store: Store, unit: UnitRecord): { grids: TemplateGrid[]; opts: EvaluateOptions } {
  const grids = gridsOf(store, unit).map((grid) => ({ template: getTemplate(grid.template), grid }));
  const aliases = store.childAliases(unit.id);
  const byName = new Map(store.rows(unit.id).map((c) => [c.name, aliases.get(c.id) ?? []]));
  return { grids, opts: { rowWord: officeWords(unit.kind, unit.name).rowWord, aliasesOf: (u) => byName.get(u) ?? [] } };
}

function views(targets: readonly Target[], store: Store, unit: UnitRecord): TargetRowView[] {
  const { grids, opts } = targetBasis(store, unit);
  const checked = checkTargets(targets, grids, opts);
  return targets.map((t, i) => ({ cells: targetSheetRow(t, i + 1), status: checked.targets[i].status, message: checked.targets[i].message }));
}

export const unitNode = (u: UnitRecord): UnitNode => ({ id: u.id, parentId: u.parentId, name: u.name, kind: u.kind });

export function targetsView(store: Store, unit: UnitRecord): TargetsView {
  return { unit: unitNode(unit), scope: scopeOf(unit), rows: views(store.reform.targets(unit.id), store, unit) };
}

/** The rows' cells, padded to the nine columns, cleaned of a typed STT. */
function padded(row: readonly string[]): string[] {
  return Array.from({ length: WIDTH }, (_, i) => (row[i] ?? '').normalize('NFC'));
}

const blank = (row: readonly string[]) => row.slice(1).every((c) => c.trim() === '');

/** "Trang "…", ô E5: tỉ lệ …" → "Giá trị: tỉ lệ …": the page names the column, not a sheet cell. */
function columnMessage(f: Finding): string {
  const col = f.cell ? COLUMNS.indexOf(f.cell[0]) : -1;
  const what = f.message.replace(/^Trang "[^"]*", ô [A-Z]+\d+: /, '');
  return col >= 0 ? `${TARGET_HEADINGS[col]}: ${what}` : what;
}

export interface ReadRows {
  /** One per row given (blank rows dropped): the target, or why it cannot be read. */
  rows: ({ target: Target; cells: string[] } | { problem: string; cells: string[] })[];
}

/** Reads the page's rows as the sheet reader reads a "Mục tiêu" sheet; blank rows are dropped. */
export function readRows(rows: readonly (readonly string[])[], scope: string): ReadRows {
  const given = rows.map(padded).filter((r) => !blank(r));
  const out: ReadRows = { rows: [] };
  // The reader stops at a row whose Chương trình and Mức are both empty: such a row is refused
  // here, so that the rows after it are still read.
  const readable = given.filter((r) => r[1].trim() !== '' || r[2].trim() !== '');
  const read = readTargetSheet(PAGE_SHEET, [[...TARGET_HEADINGS], ...readable], { scope })!;
  const problems = new Map<number, string[]>();
  for (const f of read.findings) {
    const row = Number(f.cell?.slice(1)) - 2;
    problems.set(row, [...(problems.get(row) ?? []), columnMessage(f)]);
  }
  const targets = new Map(read.targets.map((t) => [t.source?.kind === 'sheet' ? t.source.row - 2 : -1, t]));
  let k = 0;
  for (const cells of given) {
    if (cells[1].trim() === '' && cells[2].trim() === '') {
      out.rows.push({ cells, problem: 'Chưa ghi chương trình và mức của chỉ tiêu.' });
      continue;
    }
    const t = targets.get(k);
    const p = problems.get(k);
    k++;
    if (t && !p) out.rows.push({ cells, target: { ...t, source: { kind: 'typed' } } });
    else out.rows.push({ cells, problem: p?.join(' ') ?? 'Chỉ tiêu không đọc được.' });
  }
  return out;
}

/**
 * Saves the page's rows as the unit's targets, whole: when a row cannot be read nothing is
 * stored, and each such row says why (the others are still checked, so the page stays useful).
 */
export function saveTargets(store: Store, unit: UnitRecord, rows: readonly (readonly string[])[]): TargetsView & { saved: boolean } {
  const scope = scopeOf(unit);
  const read = readRows(rows, scope);
  const ok = read.rows.every((r) => 'target' in r);
  const targets = read.rows.flatMap((r) => ('target' in r ? [r.target] : []));
  if (ok) store.reform.setTargets(unit.id, targets, { kind: 'typed' });
  const checked = views(targets, store, unit);
  let k = 0;
  const out: TargetRowView[] = read.rows.map((r, i) => {
    const cells = [String(i + 1), ...r.cells.slice(1)];
    if ('problem' in r) return { cells, status: 'invalid', message: r.problem };
    return { cells, status: checked[k].status, message: checked[k++].message };
  });
  return { unit: unitNode(unit), scope, rows: out, saved: ok };
}

/** What a pasted plan proposes, each proposal checked on the grids as if it were added. */
export function proposeFor(store: Store, unit: UnitRecord, text: string, when?: string): { scope: string; proposals: TargetRowView[]; unread: { line: number; sentence: string; reason: string }[] } {
  const scope = scopeOf(unit);
  const r = proposeTargets(text, { scope, when });
  return { scope, proposals: views(r.targets, store, unit), unread: r.unread };
}
