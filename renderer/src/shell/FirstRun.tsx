// First run (the database holds no unit): the demo district, an empty unit of one of the three
// offices (DOMAIN.md §11.2: a province office, a commune office, a district before 1/7/2025), or a file.
import { useState, type FormEvent } from 'react';
import { cleanText, unitKey } from '../../../shared/text/normalize';

/** The kinds of unit an office after 1/7/2025 may be (shared/api createOffice). */
export type OfficeKind = 'tinh' | 'thanh-pho-tw' | 'xa' | 'phuong' | 'dac-khu';

interface Props {
  busy: boolean;
  onDemo(): void;
  /** A district before 1/7/2025 and its communes. */
  onCreate(name: string, communes: string[]): void;
  /** A province office with its communes, or a commune office with its thôn and tổ dân phố. */
  onCreateOffice(kind: OfficeKind, name: string, rows: string[]): void;
  onImport(): void;
}

type Office = 'province' | 'commune' | 'district';

/** The words of each office's form: every label follows the unit (DOMAIN.md §11.2). */
const OFFICES: Record<Office, { choice: string; kinds: { kind: OfficeKind | 'huyen'; word: string }[]; rows: string; one: string; rowsShort: string; placeholder: string; example: string }> = {
  province: {
    choice: 'Sở GD&ĐT (tỉnh, thành phố)',
    kinds: [{ kind: 'tinh', word: 'tỉnh' }, { kind: 'thanh-pho-tw', word: 'thành phố' }],
    rows: 'Các xã, phường, đặc khu',
    one: 'xã, phường, đặc khu',
    rowsShort: 'xã, phường',
    placeholder: 'Xã Trường Hà\nPhường Thục Phán\nXã Thông Nông',
    example: 'Cao Bằng',
  },
  commune: {
    choice: 'Cấp xã (xã, phường, đặc khu)',
    kinds: [{ kind: 'xa', word: 'xã' }, { kind: 'phuong', word: 'phường' }, { kind: 'dac-khu', word: 'đặc khu' }],
    rows: 'Các thôn, tổ dân phố',
    one: 'thôn, tổ dân phố',
    rowsShort: 'thôn, tổ dân phố',
    placeholder: 'Thôn Nà Mạ\nThôn Bản Gủn\nTổ dân phố 1',
    example: 'Trường Hà',
  },
  district: {
    choice: 'Phòng GD&ĐT huyện (trước 01/7/2025)',
    kinds: [{ kind: 'huyen', word: 'huyện' }],
    rows: 'Các xã, thị trấn',
    one: 'xã, thị trấn',
    rowsShort: 'xã',
    placeholder: 'Cải Viên\nCần Nông\nThị trấn Thông Nông',
    example: 'Hà Quảng',
  },
};

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

export function FirstRun({ busy, onDemo, onCreate, onCreateOffice, onImport }: Props) {
  const [office, setOffice] = useState<Office>('province');
  const [kindIndex, setKindIndex] = useState(0);
  const [name, setName] = useState('');
  const [lines, setLines] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const rows = communeLines(lines);
  const o = OFFICES[office];
  const k = o.kinds[Math.min(kindIndex, o.kinds.length - 1)];

  function choose(next: Office) {
    setOffice(next);
    setKindIndex(0);
    setProblem(null);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const n = cleanText(name);
    if (!n) return setProblem(`Hãy nhập tên ${k.word}.`);
    if (!rows.length) return setProblem(`Hãy nhập ít nhất một ${o.one} (mỗi dòng một tên).`);
    setProblem(null);
    if (k.kind === 'huyen') onCreate(n, rows);
    else onCreateOffice(k.kind, n, rows);
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
        <form className="card card-create" data-testid="first-run-create" onSubmit={submit}>
          <h2>Tạo đơn vị mới (biểu trống)</h2>
          <fieldset className="office-choice">
            <legend>Cơ quan của bạn</legend>
            {(Object.keys(OFFICES) as Office[]).map((id) => (
              <label key={id}>
                <input type="radio" name="office" value={id} checked={office === id} onChange={() => choose(id)} />
                {OFFICES[id].choice}
              </label>
            ))}
          </fieldset>
          {o.kinds.length > 1 && (
            <label>
              Loại đơn vị
              <select name="kind" value={kindIndex} onChange={(e) => setKindIndex(Number(e.currentTarget.value))}>
                {o.kinds.map((x, i) => (
                  <option key={x.kind} value={i}>
                    {x.word.charAt(0).toUpperCase() + x.word.slice(1)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label>
            Tên {k.word}
            <input name="district" value={name} onChange={(e) => setName(e.currentTarget.value)} placeholder={`Ví dụ: ${o.example}`} maxLength={100} />
          </label>
          <label>
            {o.rows} (mỗi dòng một tên)
            <textarea name="communes" rows={6} value={lines} onChange={(e) => setLines(e.currentTarget.value)} placeholder={o.placeholder} />
          </label>
          {problem && (
            <p className="form-problem" role="alert">
              {problem}
            </p>
          )}
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Tạo {k.word}
            {rows.length ? ` (${rows.length} ${o.rowsShort})` : ''}
          </button>
        </form>
        <div className="card">
          <h2>Nhập tệp Excel có sẵn</h2>
          <p>Chọn các tệp phụ lục (.xlsx, .xls hoặc .ods), hoặc kéo thả tệp vào cửa sổ. Đơn vị và các xã được tạo theo tệp; bạn xem trước mọi thay đổi trước khi lưu.</p>
          <button type="button" className="btn" disabled={busy} onClick={onImport}>
            Chọn tệp Excel…
          </button>
        </div>
      </div>
    </section>
  );
}
