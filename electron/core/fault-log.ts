// Where the detail of an unexpected failure goes. The officer sees one Vietnamese line naming
// this file; whoever supports them reads the stack here. Writing it never throws: a log that
// cannot be written must not turn one failure into two.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { serializeError } from '../../shared/errors';
import { userDataDir } from './paths';

export interface FaultLog {
  /** The file the details are appended to. */
  readonly path: string;
  /** Appends the failure's detail; returns the one line to show the user. */
  write(e: unknown, context?: string): string;
}

/** The log beside the database (or in the user's data folder): `pcgd-xmc-loi.log`. */
export function faultLogPath(dbPath?: string): string {
  return join(dbPath ? dirname(dbPath) : userDataDir(), 'pcgd-xmc-loi.log');
}

export function unexpectedMessage(path: string): string {
  return `Đã xảy ra lỗi không mong đợi. Chi tiết đã được ghi vào tệp nhật ký: ${path}`;
}

export function fileFaultLog(path: string): FaultLog {
  return {
    path,
    write(e, context) {
      try {
        mkdirSync(dirname(path), { recursive: true });
        const detail = serializeError(e).message;
        appendFileSync(path, `[${new Date().toISOString()}]${context ? ` ${context}` : ''}\n${detail}\n\n`, { mode: 0o600 });
      } catch {
        // Nowhere to write: the user still gets the line, with the path it would have had.
      }
      return unexpectedMessage(path);
    },
  };
}

/**
 * A fault already written to the log by another thread (the backend worker): its message is the
 * line for the user. Dispatch shows it as is and does not log it twice.
 */
export class LoggedFault extends Error {
  constructor(line: string) {
    super(line);
    this.name = 'LoggedFault';
  }
}
