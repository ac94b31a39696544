// Search communes ignoring tone marks and case ("luong thong" finds Lương Thông).
import { useMemo, useState } from 'react';
import type { UnitNode } from '../../../shared/api';
import { fold, unitKey } from '../../../shared/text/normalize';

interface Props {
  units: UnitNode[];
  onPick(unit: UnitNode): void;
}

const MAX = 50;

export function CommuneSearch({ units, onPick }: Props) {
  const [query, setQuery] = useState('');
  // Folded on the first search, not when the app opens (a country has 3,321 communes).
  const communes = useMemo(() => {
    let folded: { u: UnitNode; f: string; k: string }[] | null = null;
    return () => (folded ??= units.filter((u) => u.kind === 'xa').map((u) => ({ u, f: fold(u.name), k: unitKey(u.name) })));
  }, [units]);
  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  const multi = useMemo(() => new Set(units.filter((u) => u.kind === 'xa').map((u) => u.parentId)).size > 1, [units]);
  const q = fold(query);
  const matches = useMemo(() => {
    if (!q) return [];
    const qk = unitKey(query);
    return communes().filter((c) => c.f.includes(q) || (qk !== '' && c.k.includes(qk))).map((c) => c.u);
  }, [communes, q, query]);

  return (
    <div className="search">
      <input
        type="search"
        className="search-input"
        placeholder="Tìm xã (gõ không dấu được)"
        aria-label="Tìm xã, thị trấn"
        data-testid="commune-search"
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && matches[0]) {
            e.preventDefault();
            onPick(matches[0]);
          } else if (e.key === 'Escape') setQuery('');
        }}
      />
      {q && (
        <ul className="search-results" aria-label="Kết quả tìm kiếm">
          {matches.length === 0 && <li className="muted">Không tìm thấy xã nào.</li>}
          {matches.slice(0, MAX).map((u) => (
            <li key={u.id}>
              <button type="button" className="search-hit" data-testid="search-result" onClick={() => onPick(u)}>
                {u.name}
                {multi && u.parentId !== null && <span className="muted"> – {byId.get(u.parentId)?.name}</span>}
              </button>
            </li>
          ))}
          {matches.length > MAX && <li className="muted">… và {matches.length - MAX} xã khác</li>}
        </ul>
      )}
    </div>
  );
}
