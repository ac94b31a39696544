// Human-readable (Vietnamese) output of the CLI; --json prints the contracts instead.
import type { Finding, ValidationReport } from '../../../shared/report';
import { countBySeverity } from '../../../shared/report';
import type { ImportFileResult } from '../../../shared/api';
import { STATUS_EXPLAINED, STATUS_LABEL } from '../../../shared/import-status';

const SEVERITY_VI = { error: 'LỖI', warning: 'CẢNH BÁO', info: 'THÔNG TIN' } as const;

export function formatFinding(f: Finding): string {
  const where = [f.sheet, f.cell].filter(Boolean).join(' ');
  return `  [${SEVERITY_VI[f.severity]}] ${where ? `${where}: ` : ''}${f.message}`;
}

export function formatValidation(r: ValidationReport): string {
  const lines = [`Tệp: ${r.file}`];
  for (const s of r.sheets) lines.push(`  Trang "${s.name}": biểu ${s.template}, ${s.units.length} đơn vị`);
  const n = countBySeverity(r.findings);
  lines.push(`Kết quả kiểm tra: ${n.error} lỗi, ${n.warning} cảnh báo, ${n.info} thông tin.`);
  lines.push(...r.findings.map(formatFinding));
  lines.push('Mức đạt chuẩn của huyện:');
  for (const u of r.rollups) lines.push(`  ${u.sheet}, ${u.group}: ${u.level ?? 'chưa đạt'}`);
  return lines.join('\n');
}

export function formatImport(files: ImportFileResult[], dryRun: boolean): string {
  const lines: string[] = [];
  const count: Partial<Record<ImportFileResult['status'], number>> = {};
  for (const f of files) {
    count[f.status] = (count[f.status] ?? 0) + 1;
    // A conflict of origin (form-seal.ts) carries its own reason: it is not one of edits.
    const explained = f.status === 'conflict' && f.reason ? `${f.reason} Bỏ qua (dùng --force để vẫn nhập).` : STATUS_EXPLAINED[f.status];
    const what = f.status === 'rejected' ? f.reason : f.status === 'ok' ? `${dryRun ? 'sẽ thay đổi' : 'đã lưu'} ${f.changes.length} ô` : explained;
    lines.push(`${f.file}: [${STATUS_LABEL[f.status]}]${f.unit ? ` ${f.unit}:` : ''} ${what}`);
    if (f.note) lines.push(`  ${f.note}`);
    for (const c of f.status === 'ok' && dryRun ? f.changes : []) lines.push(`  ${c.sheet} ${c.cell ?? ''}: "${c.old}" → "${c.new}"`);
    lines.push(...f.findings.filter((x) => x.severity !== 'info' || x.rule === 'text.legacy-encoding').map(formatFinding));
  }
  const summary = Object.entries(count).map(([k, n]) => `${n} ${STATUS_LABEL[k as ImportFileResult['status']].toLowerCase()}`).join(', ');
  lines.push(`Tổng cộng ${files.length} tệp${dryRun ? ' (xem trước, chưa lưu gì)' : ''}: ${summary}.`);
  return lines.join('\n');
}

const dateTime = new Intl.DateTimeFormat('vi-VN', { dateStyle: 'short', timeStyle: 'short' });

export function formatCompleteness(unit: string, rows: { unit: string; file: string | null; at: string | null }[]): string {
  const sent = rows.filter((r) => r.file);
  const lines = [`Tình hình nộp biểu của các xã – ${unit}: ${sent.length}/${rows.length} xã đã gửi.`];
  for (const r of rows) lines.push(`  ${r.file ? '[đã gửi]' : '[CHƯA GỬI]'} ${r.unit}${r.file ? `: ${r.file}, lúc ${dateTime.format(new Date(r.at!))}` : ''}`);
  return lines.join('\n');
}

export function formatUnitsApply(r: { file: string; dryRun: boolean; rows: { row: number; old: string; new: string; change: string | null; status: 'ok' | 'refused'; unit: string | null; reason: string | null }[]; created: string[] }): string {
  const lines = [`Bảng chuyển đổi ${r.file}${r.dryRun ? ' (xem trước, chưa lưu gì)' : ''}:`];
  for (const x of r.rows) {
    lines.push(x.status === 'ok' ? `  dòng ${x.row}: ${x.old} → ${x.new} (${x.change}): ${r.dryRun ? 'sẽ áp dụng' : 'đã áp dụng'}` : `  dòng ${x.row}: [TỪ CHỐI] ${x.old} → ${x.new}: ${x.reason}`);
  }
  const refused = r.rows.filter((x) => x.status === 'refused').length;
  lines.push(`Tổng cộng ${r.rows.length} dòng: ${r.rows.length - refused} áp dụng, ${refused} bị từ chối; ${r.created.length ? `tạo ${r.created.join(', ')}` : 'không tạo đơn vị mới'}.`);
  return lines.join('\n');
}

export function formatRebase(v: { asOf: string; units: { unit: string; from: string[]; groups: { template: string; group: string; level: string | null; bound: string; reason?: string }[] }[]; note?: string }): string {
  const lines = [`Mức theo đơn vị mới, ngày ${v.asOf} (suy ra từ kết quả các xã cũ):`];
  for (const u of v.units) {
    lines.push(`${u.unit} (từ ${u.from.join(', ')}):`);
    for (const g of u.groups) lines.push(`  ${g.template} ${g.group}: ${g.level ? `tối thiểu ${g.level}` : (g.reason ?? 'chưa xác định')}`);
  }
  if (v.note) lines.push(v.note);
  return lines.join('\n');
}
