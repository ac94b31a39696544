// Statements prepared on first use and kept, one cache per connection (the Store and its
// ReformStore share it): preparing costs about as much as running a small statement (0.05–0.1
// ms), and the same reads come back on every grid opened, export and commune's form.
import type Database from 'better-sqlite3';

export type Prepared = <P extends unknown[] = unknown[], R = unknown>(sql: string) => Database.Statement<P, R>;

export function preparedOnFirstUse(db: Database.Database): Prepared {
  const cache = new Map<string, Database.Statement>();
  return <P extends unknown[] = unknown[], R = unknown>(sql: string) => {
    let st = cache.get(sql);
    if (!st) cache.set(sql, (st = db.prepare(sql)));
    return st as unknown as Database.Statement<P, R>;
  };
}
