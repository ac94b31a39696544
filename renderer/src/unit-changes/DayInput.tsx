// A day typed as the officer writes it, "01/07/2025" (a date input would follow the browser's
// locale, "mm/dd/yyyy" on an English system), handed on as ISO "2025-07-01", or '' while not a day.
import { useState } from 'react';

/** "1/7/2025" or "01/07/2025" → "2025-07-01"; null when not a real day. */
export function parseViDay(text: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return t.toISOString().slice(0, 10);
}

const show = (iso: string) => (iso ? iso.split('-').reverse().join('/') : '');

interface Props {
  /** ISO, or '' (empty or not yet a day). */
  value: string;
  onChange(iso: string): void;
  name: string;
  'aria-label'?: string;
}

export function DayInput({ value, onChange, name, 'aria-label': label }: Props) {
  const [text, setText] = useState(show(value));
  const bad = text.trim() !== '' && parseViDay(text) === null;
  return (
    <input
      name={name}
      aria-label={label}
      value={text}
      placeholder="ngày/tháng/năm"
      size={11}
      aria-invalid={bad || undefined}
      title={bad ? 'Ghi ngày theo dạng ngày/tháng/năm, ví dụ 01/07/2025.' : undefined}
      onChange={(e) => {
        setText(e.currentTarget.value);
        onChange(parseViDay(e.currentTarget.value) ?? '');
      }}
    />
  );
}
