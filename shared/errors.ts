// The one user-facing error. Its message is a Vietnamese sentence written for the officer and is
// shown as is by every face: the IPC and the browser host (dispatch), the CLI, the batch import
// and the renderer. Anything that is not a UserError is a defect or a fault of the machine: the
// faces show one generic Vietnamese line for it and write its detail to the log file.
//
// The subclasses (a file that cannot be read, an export that cannot be written, a database
// fault) exist only so that code and tests can tell them apart; the faces decide by UserError.
export class UserError extends Error {
  /** A short stable tag for tests and logs (never shown): 'read', 'export', 'db.locked', … */
  readonly code: string;
  constructor(message: string, code = 'user') {
    super(message);
    this.name = 'UserError';
    this.code = code;
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}

/** What crosses a worker thread or a process boundary: class identity does not survive it. */
export interface SerializedError {
  user: boolean;
  message: string;
  code?: string;
}

export function serializeError(e: unknown): SerializedError {
  if (e instanceof UserError) return { user: true, message: e.message, code: e.code };
  return { user: false, message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
}

export function reviveError(s: SerializedError): Error {
  if (s.user) return new UserError(s.message, s.code);
  const e = new Error(s.message);
  return e;
}
