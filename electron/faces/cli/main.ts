// The headless face of the core: `npm run -s cli -- <lệnh> …`. Every message is Vietnamese and
// no stack trace reaches a user: unexpected failures print one line and exit 2.
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { expandInputs } from './inputs';
import { formatCompleteness, formatImport, formatRebase, formatUnitsApply, formatValidation } from './format';
import { isUserError, UserError } from '../../../shared/errors';
import { exportToFile, pickDistrict } from '../../core/export';
import { faultLogPath, fileFaultLog } from '../../core/fault-log';
import { writeForms } from '../../core/forms-out';
import { runBatch } from '../../core/batch/run';
import { readFileBytes } from '../../core/excel/read';
import { backupStore, backupStoreTo, restoreDatabase } from '../../core/store/backup';
import { asDbFault } from '../../core/store/db-faults';
import type { Store } from '../../core/store/store';
import { openApp, type LocalApp } from '../../core/app';
import { validateFile } from '../../core/validate';
import { applyChangeTableFile, rebaseView } from '../../core/units';
import { exportAsOfToFile } from '../../core/export-as-of';
import { USAGE } from './usage';

class UsageError extends Error {}

/** The database named on the command line, if any: the fault log goes beside it. */
let dbSeen: string | undefined;

function out(s: string) {
  process.stdout.write(s + '\n');
}

/** The CLI's app: the same composition root as every face, its store and parse pool used directly. */
interface CliApp {
  app: LocalApp;
  store: Store;
}

async function needDb(db: string | undefined): Promise<CliApp> {
  if (!db) throw new UsageError('thiếu --db (đường dẫn tệp cơ sở dữ liệu).');
  dbSeen = db;
  const app = await openApp({ dbPath: db, saveFile: async () => ({ saved: false }) });
  const store = app.session.store();
  if (!store) {
    // A damaged or newer database: the app would open in recovery; the CLI says why and stops.
    const why = app.session.recovery()?.message ?? '';
    await app.close();
    throw new UserError(`${why} Hãy khôi phục một bản sao lưu bằng lệnh restore.`.trim());
  }
  return { app, store };
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        db: { type: 'string' },
        out: { type: 'string' },
        unit: { type: 'string' },
        from: { type: 'string' },
        'dry-run': { type: 'boolean' },
        force: { type: 'boolean' },
        'as-of': { type: 'string' },
      },
    });
  } catch (e) {
    throw new UsageError(`tham số không hợp lệ (${(e as Error).message.split('\n')[0]}).`);
  }
  const { values: o, positionals: files } = parsed;
  switch (command) {
    case 'validate': {
      if (files.length !== 1) throw new UsageError('validate cần đúng một tệp.');
      const report = await validateFile(files[0]);
      out(o.json ? JSON.stringify(report) : formatValidation(report));
      return report.findings.some((f) => f.severity === 'error') ? 1 : 0;
    }
    case 'import': {
      if (!files.length) throw new UsageError('import cần ít nhất một tệp.');
      const { app, store } = await needDb(o.db);
      try {
        const paths = await expandInputs(files);
        // A folder without a workbook in it: nothing to do, and the officer is told so.
        if (!paths.length) throw new UserError(`"${files.map((f) => basename(f)).join('", "')}" là thư mục không chứa tệp .xlsx, .xls hay .ods nào: không có gì để nhập.`);
        if (!o['dry-run']) await backupStore(store); // before every import that stores: the state it starts from
        const inputs = paths.map((p) => ({ name: p, load: () => readFileBytes(p) }));
        const { files: results } = await runBatch(store, inputs, {
          pool: app.pool,
          dryRun: o['dry-run'],
          force: o.force,
          onProgress: o.json || !process.stderr.isTTY ? undefined : (p) => process.stderr.write(`\rĐang xử lý ${p.done}/${p.total} tệp…`),
        });
        if (!o.json && process.stderr.isTTY) process.stderr.write('\n');
        if (o.json) out(JSON.stringify({ files: results }));
        else out(formatImport(results, !!o['dry-run']));
        if (results.length && results.every((f) => f.status === 'rejected')) {
          // Nothing imported: the reason on stderr as well, in one line, as for any refusal.
          const first = results[0].reason ?? '';
          process.stderr.write(`Lỗi: ${results.length === 1 ? first : `không nhập được tệp nào trong ${results.length} tệp (tệp đầu: ${first})`}\n`);
          return 2;
        }
        return results.some((f) => f.findings.some((x) => x.severity === 'error')) ? 1 : 0;
      } finally {
        await app.close();
      }
    }
    case 'export': {
      if (!o.out) throw new UsageError('thiếu --out (tệp .xlsx sẽ ghi ra).');
      const { app, store } = await needDb(o.db);
      try {
        if (o['as-of']) await exportAsOfToFile(store, o.out, o['as-of'], o.unit);
        else await exportToFile(store, o.out, o.unit);
      } finally {
        await app.close();
      }
      if (!o.json) out(`Đã xuất ${o.out}`);
      else out(JSON.stringify({ out: o.out }));
      return 0;
    }
    case 'forms': {
      if (!o.out) throw new UsageError('thiếu --out (thư mục sẽ ghi các biểu gửi xã).');
      const { app, store } = await needDb(o.db);
      try {
        const r = await writeForms(store, o.out, { unitName: o.unit });
        if (o.json) out(JSON.stringify(r));
        else out(`Đã ghi ${r.files.length} biểu gửi xã vào ${o.out}`);
      } finally {
        await app.close();
      }
      return 0;
    }
    case 'completeness': {
      const { app, store } = await needDb(o.db);
      try {
        const unit = pickDistrict(store, o.unit);
        const latest = store.latestSubmissions(unit.id);
        const rows = store.rows(unit.id).map((c) => ({ unit: c.name, file: latest.get(c.id)?.file ?? null, at: latest.get(c.id)?.at ?? null }));
        if (o.json) out(JSON.stringify({ unit: unit.name, communes: rows }));
        else out(formatCompleteness(unit.name, rows));
      } finally {
        await app.close();
      }
      return 0;
    }
    case 'backup': {
      const { app, store } = await needDb(o.db);
      try {
        const b = o.out ? await backupStoreTo(store, o.out) : await backupStore(store);
        if (o.json) out(JSON.stringify(b));
        else out(`Đã sao lưu cơ sở dữ liệu vào ${b.path} (${b.size.toLocaleString('vi-VN')} byte).`);
      } finally {
        await app.close();
      }
      return 0;
    }
    case 'restore': {
      if (!o.db) throw new UsageError('thiếu --db (đường dẫn tệp cơ sở dữ liệu).');
      if (!o.from) throw new UsageError('thiếu --from (tệp sao lưu cần khôi phục).');
      dbSeen = o.db;
      const r = await restoreDatabase(o.db, o.from);
      if (o.json) out(JSON.stringify({ restored: o.from, replaced: r.replaced?.path ?? null }));
      else {
        out(`Đã khôi phục ${o.db} từ ${o.from}.`);
        if (r.replaced) out(`Cơ sở dữ liệu trước khi khôi phục được giữ tại ${r.replaced.path}.`);
      }
      return 0;
    }
    case 'units': {
      const [sub, ...args] = files;
      if (sub === 'apply') {
        if (args.length !== 1) throw new UsageError('units apply cần đúng một tệp bảng chuyển đổi.');
        const { app, store } = await needDb(o.db);
        try {
          if (!o['dry-run']) await backupStore(store);
          const r = await applyChangeTableFile(store, args[0], { dryRun: o['dry-run'] });
          if (o.json) out(JSON.stringify(r));
          else out(formatUnitsApply(r));
          return r.rows.some((x) => x.status === 'refused') ? 1 : 0;
        } finally {
          await app.close();
        }
      }
      if (sub === 'rebase') {
        if (!o['as-of']) throw new UsageError('thiếu --as-of (ngày, ví dụ 2025-07-01).');
        const { app, store } = await needDb(o.db);
        try {
          const view = rebaseView(store, o['as-of']);
          if (o.json) out(JSON.stringify({ asOf: view.asOf, units: view.units }));
          else out(formatRebase(view));
          return 0;
        } finally {
          await app.close();
        }
      }
      throw new UsageError(sub ? `không có lệnh "units ${sub}" (dùng units apply hoặc units rebase).` : 'thiếu lệnh con của units (apply hoặc rebase).');
    }
    default:
      throw new UsageError(command ? `không có lệnh "${command}".` : 'thiếu tên lệnh.');
  }
}

// Exit only once stdout and stderr have drained: process.exit() with writes still queued for a
// pipe cut a --json report read by a slow reader at 64 KiB. An empty write's callback runs
// after every earlier write of its stream has been handed to the system. Exiting explicitly
// (rather than letting the loop end) also ends a run whose parent keeps a channel open (tsx).
function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

run(process.argv.slice(2)).then(exitWhenFlushed, (err: unknown) => {
  // A fault of the database file (locked, read-only, full, a folder…) is the officer's sentence.
  const e = dbSeen ? asDbFault(err, dbSeen) : err;
  if (e instanceof UsageError) process.stderr.write(`Lỗi: ${e.message}\n${USAGE}\n`);
  else if (isUserError(e)) process.stderr.write(`Lỗi: ${e.message}\n`);
  else process.stderr.write(`Lỗi: ${fileFaultLog(faultLogPath(dbSeen)).write(e, `cli ${process.argv.slice(2).join(' ')}`)}\n`);
  exitWhenFlushed(2);
});
