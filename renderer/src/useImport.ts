// The import flow: read the chosen files, preview what they would change (nothing stored),
// then store them on the user's word.
import { useCallback, useState } from 'react';
import type { ImportFileResult } from '../../shared/api';
import { api, errorText } from './api';
import { fileToBase64, isXlsx } from './bytes';

export interface FilePayload {
  name: string;
  data: string;
}

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'reading'; done: number; total: number }
  | { phase: 'checking'; total: number }
  | { phase: 'preview'; files: FilePayload[]; results: ImportFileResult[] }
  | { phase: 'applying'; files: FilePayload[]; results: ImportFileResult[] };

export function useImport(onApplied: (results: ImportFileResult[]) => void, onError: (message: string) => void) {
  const [state, setState] = useState<ImportState>({ phase: 'idle' });

  const start = useCallback(
    async (chosen: File[]) => {
      const files = chosen.filter(isXlsx);
      const skipped = chosen.length - files.length;
      if (!files.length) {
        onError('Chỉ nhập được tệp Excel dạng .xlsx.');
        return;
      }
      if (skipped) onError(`Đã bỏ qua ${skipped} tệp không phải .xlsx.`);
      try {
        const payload: FilePayload[] = [];
        setState({ phase: 'reading', done: 0, total: files.length });
        for (const f of files) {
          payload.push({ name: f.name, data: await fileToBase64(f) });
          setState({ phase: 'reading', done: payload.length, total: files.length });
        }
        setState({ phase: 'checking', total: files.length });
        const { files: results } = await api.previewImport({ files: payload });
        setState({ phase: 'preview', files: payload, results });
      } catch (e) {
        setState({ phase: 'idle' });
        onError(`Không đọc được tệp: ${errorText(e)}`);
      }
    },
    [onError],
  );

  const apply = useCallback(async () => {
    if (state.phase !== 'preview') return;
    const { files, results } = state;
    setState({ phase: 'applying', files, results });
    try {
      const out = await api.applyImport({ files });
      setState({ phase: 'idle' });
      onApplied(out.files);
    } catch (e) {
      setState({ phase: 'preview', files, results });
      onError(`Không nhập được: ${errorText(e)}`);
    }
  }, [state, onApplied, onError]);

  const cancel = useCallback(() => setState({ phase: 'idle' }), []);
  return { state, start, apply, cancel };
}
