// SQLite's and the file system's own errors are English and name no file ("database is locked",
// "EISDIR: illegal operation on a directory"). Each fault an officer can meet with the database
// file gets here one Vietnamese sentence that names the file and says what to do; the faces show
// it as any other UserError. What is not listed stays a defect (fault log).
import Database from 'better-sqlite3';
import { UserError } from '../../../shared/errors';

export type DbFaultKind = 'locked' | 'readonly' | 'cantopen' | 'ioerr' | 'full' | 'notadb' | 'corrupt' | 'isdir' | 'notdir' | 'access';

const SENTENCES: Record<DbFaultKind, (file: string) => string> = {
  locked: (f) => `Cơ sở dữ liệu "${f}" đang bị một chương trình khác khóa (có thể ứng dụng đang mở ở một cửa sổ khác). Hãy đóng chương trình đó rồi thử lại.`,
  readonly: (f) => `Không ghi được vào cơ sở dữ liệu "${f}": tệp hoặc thư mục chứa nó chỉ cho phép đọc. Hãy bỏ thuộc tính chỉ đọc hoặc chép tệp sang một thư mục khác.`,
  cantopen: (f) => `Không mở được tệp cơ sở dữ liệu "${f}": thư mục chứa nó không tồn tại hoặc không cho phép tạo tệp ở đó.`,
  ioerr: (f) => `Ổ đĩa báo lỗi khi đọc hoặc ghi cơ sở dữ liệu "${f}". Hãy kiểm tra ổ đĩa (hoặc USB) rồi thử lại.`,
  full: (f) => `Ổ đĩa chứa cơ sở dữ liệu "${f}" đã đầy nên thay đổi vừa rồi không được lưu. Hãy giải phóng dung lượng rồi thử lại.`,
  notadb: (f) => `Tệp "${f}" không phải là cơ sở dữ liệu của ứng dụng.`,
  corrupt: (f) => `Cơ sở dữ liệu "${f}" bị hỏng. Hãy khôi phục từ một bản sao lưu (mục "Sao lưu và khôi phục", hoặc lệnh restore).`,
  isdir: (f) => `"${f}" là một thư mục, không phải tệp cơ sở dữ liệu. Hãy chỉ tới một tệp .db.`,
  notdir: (f) => `Không tạo được thư mục cho cơ sở dữ liệu "${f}": trên đường dẫn có một tệp trùng tên với thư mục cần có.`,
  access: (f) => `Không có quyền đọc hoặc ghi cơ sở dữ liệu "${f}". Hãy kiểm tra quyền của tệp và thư mục chứa nó.`,
};

/** SQLite's primary result code names (extended codes such as SQLITE_IOERR_WRITE share the prefix). */
const SQLITE_KINDS: [string, DbFaultKind][] = [
  ['SQLITE_BUSY', 'locked'],
  ['SQLITE_LOCKED', 'locked'],
  ['SQLITE_READONLY', 'readonly'],
  ['SQLITE_CANTOPEN', 'cantopen'],
  ['SQLITE_IOERR', 'ioerr'],
  ['SQLITE_FULL', 'full'],
  ['SQLITE_NOTADB', 'notadb'],
  ['SQLITE_CORRUPT', 'corrupt'],
  ['SQLITE_PERM', 'access'],
  ['SQLITE_AUTH', 'access'],
];

const ERRNO_KINDS: Record<string, DbFaultKind> = {
  EISDIR: 'isdir',
  EEXIST: 'notdir',
  ENOTDIR: 'notdir',
  EACCES: 'access',
  EPERM: 'access',
  EROFS: 'readonly',
  ENOSPC: 'full',
  EDQUOT: 'full',
  EIO: 'ioerr',
  EBUSY: 'locked',
};

export function dbFaultKind(e: unknown): DbFaultKind | undefined {
  if (e instanceof Database.SqliteError) {
    // SQLITE_IOERR_NOMEM and the like are not the disk's fault.
    if (e.code === 'SQLITE_IOERR_NOMEM') return undefined;
    return SQLITE_KINDS.find(([prefix]) => e.code === prefix || e.code.startsWith(`${prefix}_`))?.[1];
  }
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? ERRNO_KINDS[code] : undefined;
}

/** A UserError with the sentence for this fault kind, naming the file. */
export function dbFaultError(kind: DbFaultKind, file: string): UserError {
  return new UserError(SENTENCES[kind](file), `db.${kind}`);
}

/** e as the officer's sentence when it is a fault of the database file, else e itself. */
export function asDbFault(e: unknown, file: string): unknown {
  if (e instanceof UserError) return e;
  const kind = dbFaultKind(e);
  return kind ? dbFaultError(kind, file) : e;
}
