// The files of a batch in the order they are processed, each with its status as it comes.
import type { FileRow } from './importSummary';
import { ImportFileRow, type RowChoice } from './ImportFileRow';
import type { RowStatus } from './importWords';

interface Props {
  names: string[];
  results: FileRow[];
  /** Only these indexes are listed (the files being stored); all when absent. */
  only?: ReadonlySet<number>;
  words?: Partial<Record<RowStatus, string>>;
  choiceOf?(index: number, result: FileRow | undefined): RowChoice | null;
  onToggle?(index: number, on: boolean): void;
  verb: string;
}

/** For each duplicate, the file of its commune that comes first in the batch. */
function firstFiles(results: FileRow[]): Map<number, string> {
  const first = new Map<string, string>();
  const out = new Map<number, string>();
  for (const r of [...results].sort((a, b) => a.index - b.index)) {
    if (!r.unit) continue;
    if (r.status === 'duplicate') {
      const f = first.get(r.unit);
      if (f) out.set(r.index, f);
    } else if (!first.has(r.unit)) first.set(r.unit, r.file);
  }
  return out;
}

export function ImportFileTable({ names, results, only, words = {}, choiceOf, onToggle, verb }: Props) {
  const byIndex = new Map(results.map((r) => [r.index, r]));
  const first = firstFiles(results);
  const indexes = names.map((_, i) => i).filter((i) => !only || only.has(i));
  return (
    <div className="import-files">
      <table className="import-table">
        <thead>
          <tr>
            <th className="col-choose">Chọn</th>
            <th>Tệp</th>
            <th>Xã</th>
            <th>Trạng thái</th>
            <th className="num">Thay đổi</th>
            <th>Kiểm tra</th>
            <th>
              <span className="visually-hidden">Chi tiết</span>
            </th>
          </tr>
        </thead>
        {indexes.map((i) => {
          const r = byIndex.get(i);
          return (
            <ImportFileRow
              key={i}
              index={i}
              name={names[i]}
              result={r}
              words={words}
              choice={choiceOf ? choiceOf(i, r) : null}
              onToggle={onToggle}
              defaultOpen={names.length === 1}
              firstOfCommune={first.get(i)}
              verb={verb}
            />
          );
        })}
      </table>
    </div>
  );
}
