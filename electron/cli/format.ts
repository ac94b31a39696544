// Human-readable (Vietnamese) output of the CLI; --json prints the contracts instead.
import type { Finding, ValidationReport } from '../../shared/report';
import { countBySeverity } from '../../shared/report';

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
