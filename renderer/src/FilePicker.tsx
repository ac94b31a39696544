// The hidden file input behind "Nhập tệp Excel": several .xlsx files at once.
import type { Ref } from 'react';

export function FilePicker({ ref, onFiles }: { ref: Ref<HTMLInputElement>; onFiles(files: File[]): void }) {
  return (
    <input
      ref={ref}
      type="file"
      multiple
      accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      data-testid="import-input"
      aria-label="Chọn tệp Excel để nhập"
      hidden
      onChange={(e) => {
        const files = [...(e.currentTarget.files ?? [])];
        e.currentTarget.value = '';
        if (files.length) onFiles(files);
      }}
    />
  );
}
