// The hidden file inputs behind "Nhập tệp Excel" (several workbooks at once) and "Nhập cả thư
// mục" (every workbook of a folder, as the communes sent them).
import { WORKBOOK_ACCEPT } from '../../../shared/workbook-files';
import type { Ref } from 'react';

interface Props {
  ref: Ref<HTMLInputElement>;
  onFiles(files: File[]): void;
  /** Pick a folder instead of files. */
  directory?: boolean;
}

/** Chromium's folder picker; React does not know the attribute, so it goes as a plain one. */
const FOLDER = { webkitdirectory: '', directory: '' };

export function FilePicker({ ref, onFiles, directory }: Props) {
  return (
    <input
      ref={ref}
      type="file"
      multiple
      accept={directory ? undefined : WORKBOOK_ACCEPT}
      data-testid={directory ? 'import-folder-input' : 'import-input'}
      aria-label={directory ? 'Chọn thư mục chứa các tệp Excel để nhập' : 'Chọn tệp Excel để nhập'}
      hidden
      {...(directory ? FOLDER : {})}
      onChange={(e) => {
        const files = [...(e.currentTarget.files ?? [])];
        e.currentTarget.value = '';
        if (files.length) onFiles(files);
      }}
    />
  );
}
