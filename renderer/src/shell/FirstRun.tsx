// First run (the database holds no unit): the demo district, an empty district, or a file.
import { useState, type FormEvent } from 'react';
import { cleanText, unitKey } from '../../../shared/text/normalize';

interface Props {
  busy: boolean;
  onDemo(): void;
  onCreate(name: string, communes: string[]): void;
  onImport(): void;
}

/** Names one per line: cleaned, blanks and repeats (same name without tone marks) dropped. */
export function communeLines(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const name = cleanText(line);
    const key = unitKey(name);
    if (!name || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

export function FirstRun({ busy, onDemo, onCreate, onImport }: Props) {
  const [name, setName] = useState('');
  const [lines, setLines] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const communes = communeLines(lines);

  function submit(e: FormEvent) {
    e.preventDefault();
    const n = cleanText(name);
    if (!n) return setProblem('Hãy nhập tên huyện.');
    if (!communes.length) return setProblem('Hãy nhập ít nhất một xã, thị trấn (mỗi dòng một tên).');
    setProblem(null);
    onCreate(n, communes);
  }

  return (
    <section className="first-run" data-testid="first-run">
      <h1>Chào mừng đến với phần mềm Phổ cập giáo dục – Xóa mù chữ</h1>
      <p className="lead">Cơ sở dữ liệu còn trống. Hãy chọn một cách để bắt đầu:</p>
      <div className="choices">
        <div className="card">
          <h2>Dùng thử với dữ liệu mẫu</h2>
          <p>Bốn biểu phụ lục (xóa mù chữ, phổ cập giáo dục mầm non, tiểu học, trung học cơ sở) của huyện Hà Quảng, tỉnh Cao Bằng: 21 xã, thị trấn.</p>
          <button type="button" className="btn btn-primary" data-testid="first-run-demo" disabled={busy} onClick={onDemo}>
            Dùng dữ liệu mẫu huyện Hà Quảng
          </button>
        </div>
        <form className="card" data-testid="first-run-create" onSubmit={submit}>
          <h2>Tạo huyện mới (biểu trống)</h2>
          <label>
            Tên huyện
            <input name="district" value={name} onChange={(e) => setName(e.currentTarget.value)} placeholder="Ví dụ: Hà Quảng" maxLength={100} />
          </label>
          <label>
            Các xã, thị trấn (mỗi dòng một tên)
            <textarea
              name="communes"
              rows={7}
              value={lines}
              onChange={(e) => setLines(e.currentTarget.value)}
              placeholder={'Cải Viên\nCần Nông\nThị trấn Thông Nông'}
            />
          </label>
          {problem && (
            <p className="form-problem" role="alert">
              {problem}
            </p>
          )}
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Tạo huyện{communes.length ? ` (${communes.length} xã)` : ''}
          </button>
        </form>
        <div className="card">
          <h2>Nhập tệp Excel của huyện</h2>
          <p>Chọn các tệp phụ lục (.xlsx, .xls hoặc .ods), hoặc kéo thả tệp vào cửa sổ. Huyện và các xã được tạo theo tệp; bạn xem trước mọi thay đổi trước khi lưu.</p>
          <button type="button" className="btn" disabled={busy} onClick={onImport}>
            Chọn tệp Excel…
          </button>
        </div>
      </div>
    </section>
  );
}
