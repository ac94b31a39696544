// The batch fixtures of tests/fixtures/batch (see its README) for the browser tests: the 200
// commune files, what each one is expected to be, and the database state they were made for.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportFileResult } from '../../shared/api';
import type { TemplateId } from '../../shared/templates';
import { expect, ROOT, type HostFixture } from './fixtures';
import { FIXTURE_FORM_SECRET } from '../support/fixture-secret';

export const BATCH = join(ROOT, 'tests', 'fixtures', 'batch');
export const TWO_HUNDRED = join(BATCH, 'two-hundred');
export const HA_QUANG_FORMS = join(BATCH, 'ha-quang-forms');

type Status = ImportFileResult['status'];
interface Change {
  sheet: string;
  cell: string | null;
  old: string;
  new: string;
  template: TemplateId;
  key: string;
}

export interface BatchExpected {
  district: string;
  dbEdits: { commune: string; template: TemplateId; key: string; issued: string; value: string }[];
  counts: Record<Status, number>;
  statuses: Record<string, Status>;
  units: Record<string, string | null>;
  files: Record<string, { kind: string; changes: Change[] }>;
}

export const expected = JSON.parse(readFileSync(join(BATCH, 'expected.json'), 'utf8')) as BatchExpected;

/** NFC: Chromium may hand a file name over in either form. */
export const nfc = (s: string) => s.normalize('NFC');

/** Paths of some of the 200 files (all when no names are given), in import order. */
export function twoHundred(names?: string[]): string[] {
  const all = readdirSync(TWO_HUNDRED);
  const pick = names ?? Object.keys(expected.statuses);
  return pick.map((n) => join(TWO_HUNDRED, all.find((f) => nfc(f) === nfc(n))!));
}

/** The database the 200 files were made for: district-200 imported, then the documented edits made in the app. */
export async function prepareDistrict200(host: HostFixture): Promise<number> {
  host.store.adoptFormSecret(FIXTURE_FORM_SECRET); // the database the forms were signed by
  const data = readFileSync(join(BATCH, 'district-200.xlsx')).toString('base64');
  const { batchId } = await host.api.startImport({ files: [{ name: 'district-200.xlsx', data }], dryRun: false });
  await expect.poll(async () => (await host.api.importStatus({ batchId })).state, { timeout: 30_000 }).toBe('done');
  const district = host.store.listUnits().find((u) => u.kind === 'huyen')!;
  expect(district.name).toBe(expected.district);
  const communes = new Map(host.store.children(district.id).map((c) => [c.name, c.id]));
  expect(communes.size).toBe(200);
  for (const e of expected.dbEdits) {
    const report = host.store.listReports(district.id).find((r) => r.template === e.template)!;
    host.store.setValues(report.id, [{ unitId: communes.get(e.commune)!, key: e.key, value: e.value }], { kind: 'typed' });
  }
  return district.id;
}

/**
 * The database the Hà Quảng forms were made for: seeds/ha-quang.xlsx imported into an empty
 * database (the district is unit 1, its communes 2–22; the app's demo puts the province first).
 */
export async function prepareHaQuang(host: HostFixture): Promise<void> {
  host.store.adoptFormSecret(FIXTURE_FORM_SECRET);
  const data = readFileSync(join(ROOT, 'seeds', 'ha-quang.xlsx')).toString('base64');
  const { batchId } = await host.api.startImport({ files: [{ name: 'ha-quang.xlsx', data }], dryRun: false });
  await expect.poll(async () => (await host.api.importStatus({ batchId })).state, { timeout: 30_000 }).toBe('done');
  expect(host.store.listUnits().filter((u) => u.kind === 'xa')).toHaveLength(21);
}

/** Everything an import could touch: every stored cell, every submission, the audit's length. */
export function dbState(host: HostFixture): string {
  const reports = host.store.listReports();
  const district = host.store.listUnits().find((u) => u.kind === 'huyen');
  return JSON.stringify({
    cells: reports.map((r) => [r.id, [...host.store.getValues(r.id)]]),
    audit: reports.map((r) => host.store.audit(r.id).length),
    submissions: district ? [...host.store.latestSubmissions(district.id)] : [],
  });
}

/** "Commune ← file" of every commune that has sent a file. */
export function submissions(host: HostFixture, districtId: number): string[] {
  const names = new Map(host.store.children(districtId).map((c) => [c.id, c.name]));
  return [...host.store.latestSubmissions(districtId).values()].map((s) => `${names.get(s.unitId)} ← ${nfc(s.file)}`).sort();
}

/** A stored cell of a commune of the district. */
export function storedValue(host: HostFixture, districtId: number, template: TemplateId, commune: string, key: string): string {
  const report = host.store.listReports(districtId).find((r) => r.template === template)!;
  const unit = host.store.children(districtId).find((c) => c.name === commune)!;
  return host.store.getValues(report.id).get(unit.id)?.[key] ?? '';
}
