// A database damaged as a failing disk would: the page holding the cell values overwritten in a
// closed, journal-less file, its header left whole (so it still opens, and quick_check fails).
import { closeSync, openSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';

export function damageDatabase(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = DELETE');
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const root = db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'cell_values'").pluck().get() as number;
  db.close();
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (root - 1) * pageSize);
  closeSync(fd);
}
