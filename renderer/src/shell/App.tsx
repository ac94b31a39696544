// The shell: toolbar, side panel with the unit tree, and the page of the route (first run, a
// grid, or which communes have sent their forms).
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { FollowUpItem, GridErrors, GridView, Outputs, UnitNode } from '../../../shared/api';
import type { MenuCommand } from '../../../shared/menu';
import { TEMPLATES, type TemplateId } from '../../../shared/templates';
import { api, arrived, errorText } from '../platform/api';
import { downloadBase64 } from '../platform/bytes';
import { DropOverlay } from './DropOverlay';
import { ErrorsFirst, withErrors, type ErrorsFirstAsk } from './ErrorsFirst';
import { FilePicker } from './FilePicker';
import { FOCUS_GRID_EVENT } from '../grid/AppendixGrid';
import './fit.css';
import { FirstRun, type OfficeKind } from './FirstRun';
import { formatCount } from '../platform/format';
import { GridPage, type FocusRequest } from './GridPage';
import { ImportDialog } from '../import/ImportDialog';
import type { ImportSummaryData } from '../import/importSummary';
import { Notice, type NoticeMessage } from '../platform/Notice';
import { PageBoundary } from './PageBoundary';
import { BACKUPS_HASH, completenessHash, followUpHash, gridHash, navigate, overviewHash, parseHash, targetsHash, UNITS_HASH } from '../platform/route';
import { Toolbar } from './Toolbar';
import { UnitTree } from './UnitTree';
import { useHash } from '../platform/useHash';
import { useImport } from '../import/useImport';
import { useKeepOnLeave } from '../platform/useKeepOnLeave';
import { useKeyboardPaths } from './useKeyboardPaths';
import { useSaver } from '../platform/useSaver';

// The pages other than the grids, each a chunk of its own, loaded when first opened: the grid
// page, which the window opens on, does not wait for their code to be parsed and run.
const BackupsPage = lazy(() => import('../backups/BackupsPage').then((m) => ({ default: m.BackupsPage })));
const CompletenessPage = lazy(() => import('../completeness/CompletenessPage').then((m) => ({ default: m.CompletenessPage })));
const CountsPage = lazy(() => import('./CountsPage').then((m) => ({ default: m.CountsPage })));
const FollowUpPage = lazy(() => import('../followup/FollowUpPage').then((m) => ({ default: m.FollowUpPage })));
const OverviewPage = lazy(() => import('../overview/OverviewPage').then((m) => ({ default: m.OverviewPage })));
const TargetsPage = lazy(() => import('../targets/TargetsPage').then((m) => ({ default: m.TargetsPage })));
const UnitsPage = lazy(() => import('../unit-changes/UnitsPage').then((m) => ({ default: m.UnitsPage })));

type Overview = Outputs['overview'];

const ZIP_TYPE = 'application/zip';

/** The Electron menu's commands (electron/main/menu-template.ts, shared/menu.ts), sent through the preload. */
declare global {
  interface Window {
    appMenu?: { onCommand(cb: (c: MenuCommand) => void): () => void };
  }
}

function importSummary(s: ImportSummaryData): string {
  const skipped = s.skipped.length;
  return `Đã nhập ${formatCount(s.stored.length)} tệp, ${formatCount(s.cells)} ô thay đổi.${skipped ? ` Bỏ qua ${formatCount(skipped)} tệp.` : ''}`;
}

export function App() {
  const hash = useHash();
  const route = parseHash(hash);
  // Already here (asked for by the page's first chunk): the first render shows the page, not "Đang tải…".
  const [overview, setOverview] = useState<Overview | null>(() => arrived('overview', {}) ?? null);
  const hadOverview = useRef(overview !== null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [open, setOpen] = useState<{ template: TemplateId; unitId: number } | null>(null);
  const [listed, setListed] = useState<UnitNode | null>(null);
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  /** Errors shown before an export or sending forms, with what to do if the officer goes on. */
  const [guard, setGuard] = useState<(ErrorsFirstAsk & { unitId: number; go(): Promise<void>; from: Element | null }) | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const folderPicker = useRef<HTMLInputElement>(null);

  const say = useCallback((kind: NoticeMessage['kind'], text: string) => setNotice({ kind, text, id: Date.now() }), []);
  const closeNotice = useCallback(() => setNotice(null), []);
  const refresh = useCallback(async () => {
    const o = await api.overview({});
    setOverview(o);
    return o;
  }, []);

  useEffect(() => {
    if (!hadOverview.current) refresh().catch((e: unknown) => setLoadError(errorText(e)));
  }, [refresh]);

  const saver = useSaver(useCallback(() => setReloadKey((k) => k + 1), []));
  useKeepOnLeave(saver);
  // Ctrl+S: every edit is already stored (or on its way): say so once the last one is.
  const saveStatus = useRef(saver.status);
  saveStatus.current = saver.status;
  useKeyboardPaths({
    onSave: async () => {
      await saver.flush();
      const s = saveStatus.current;
      if (s.kind === 'error') say('error', `Lỗi khi lưu: ${s.message}`);
      else say('info', 'Đã lưu. Mọi thay đổi được lưu tự động ngay khi sửa.');
    },
  });
  const imp = useImport({
    onStored: useCallback(
      (summary: ImportSummaryData) => {
        say(summary.state === 'failed' ? 'error' : 'info', importSummary(summary));
        setReloadKey((k) => k + 1);
        refresh().catch((e: unknown) => say('error', errorText(e)));
      },
      [refresh, say],
    ),
    onMessage: say,
  });

  const hasUnits = !!overview && overview.units.length > 0;
  /** The database could not be opened: only the recovery screen is shown. */
  const recovery = overview?.recovery;
  /** The district the toolbar's actions are about: the one on screen. */
  const districtId = route.page === 'completeness' || route.page === 'overview' || route.page === 'follow-up' || route.page === 'targets' || route.page === 'counts' ? (route.unitId ?? listed?.id) : open?.unitId;

  // Default route: the first grid once there is something to show.
  useEffect(() => {
    if (route.page === 'home' && hasUnits) navigate(gridHash(TEMPLATES[0].id), true);
  }, [route.page, hasUnits]);

  const onOpened = useCallback((view: GridView | null) => {
    setOpen(view ? { template: view.report.template, unitId: view.unit.id } : null);
    if (view) document.title = `${TEMPLATES.find((t) => t.id === view.report.template)?.appendix ?? ''} – ${view.unit.name} – PCGD-XMC`;
  }, []);

  const onListed = useCallback((unit: UnitNode | null) => {
    setListed(unit);
    if (unit) document.title = `Tình hình gửi biểu – ${unit.name} – PCGD-XMC`;
  }, []);

  const onTargets = useCallback((unit: UnitNode | null) => {
    setListed(unit);
    if (unit) document.title = `Mục tiêu kế hoạch – ${unit.name} – PCGD-XMC`;
  }, []);

  const onOverview = useCallback((unit: UnitNode | null) => {
    setListed(unit);
    if (unit) document.title = `Tổng quan – ${unit.name} – PCGD-XMC`;
  }, []);

  const onFollowUps = useCallback((unit: UnitNode | null) => {
    setListed(unit);
    if (unit) document.title = `Cần theo dõi – ${unit.name} – PCGD-XMC`;
  }, []);

  // A row of "Cần theo dõi": its Phụ lục's grid, the focus on its cell.
  const goToNote = useCallback((item: FollowUpItem, district: number) => {
    navigate(gridHash(item.template, district));
    setFocus({ unitId: item.unitId, col: item.key, nonce: Date.now() });
  }, []);

  async function run(label: string, task: () => Promise<void>, failure: string) {
    setBusy(label);
    try {
      await task();
    } catch (e) {
      say('error', `${failure}: ${errorText(e)}`);
    } finally {
      setBusy(null);
    }
  }

  const loadDemo = () =>
    run(
      'Đang nạp dữ liệu mẫu…',
      async () => {
        await api.loadDemo({});
        await refresh();
        say('info', 'Đã nạp dữ liệu mẫu huyện Hà Quảng.');
      },
      'Không nạp được dữ liệu mẫu',
    );

  const createDistrict = (name: string, communes: string[]) =>
    run(
      'Đang tạo huyện…',
      async () => {
        await api.createDistrict({ name, communes });
        await refresh();
        say('info', `Đã tạo huyện ${name} với ${formatCount(communes.length)} xã, thị trấn.`);
      },
      'Không tạo được huyện',
    );

  const createOffice = (kind: OfficeKind, name: string, rows: string[]) =>
    run(
      'Đang tạo đơn vị…',
      async () => {
        await api.createOffice({ kind, name, rows });
        await refresh();
        say('info', `Đã tạo ${name} với ${formatCount(rows.length)} đơn vị.`);
      },
      'Không tạo được đơn vị',
    );

  /** Hands a made file to the user: the native save dialog in the app, a download in the browser host. */
  async function deliver(file: { name: string; data: string }, type: string | undefined, made: string, savedAs: string) {
    const saved = await api.saveFile({ name: file.name, data: file.data });
    if (saved.download) {
      downloadBase64(file.name, file.data, type);
      say('info', made);
    } else if (saved.saved) say('info', `${savedAs}${saved.path ? ` tại ${saved.path}` : ''}.`);
  }

  /**
   * What goes out is first checked: with errors in the district's grids the officer sees them
   * (ErrorsFirst) and chooses; without, it goes out at once.
   */
  async function errorsFirst(action: string, unitId: number | undefined, go: () => Promise<void>) {
    let clean = false;
    // The button asking is disabled while the check runs (and so loses the focus): Esc gives it back.
    const from = document.activeElement;
    await run(
      'Đang kiểm tra biểu…',
      async () => {
        // The cell still being typed into is part of what is checked and sent.
        await saver.flushAll();
        const checked = await api.checkDistrict({ unitId });
        if (withErrors(checked.grids).length) setGuard({ action, grids: checked.grids, unitId: checked.unit.id, go, from });
        else clean = true;
      },
      'Không kiểm tra được biểu',
    );
    if (clean) await go();
  }

  const exportReport = () =>
    errorsFirst('Xuất báo cáo Excel', open?.unitId, () =>
      run(
        'Đang tạo báo cáo…',
        async () => {
          await saver.flushAll();
          const wb = await api.exportWorkbook({ unitId: open?.unitId });
          await deliver(wb, undefined, `Đã tạo tệp ${wb.name}.`, 'Đã lưu báo cáo');
        },
        'Không xuất được báo cáo',
      ),
    );

  // One form per commune, pre-filled, in a .zip to send out; their return is an import.
  const sendForms = () =>
    errorsFirst('Gửi biểu cho các xã', districtId, () =>
      run(
        'Đang tạo biểu cho các xã…',
        async () => {
          await saver.flushAll();
          const forms = await api.exportForms({ unitId: districtId });
          const n = formatCount(forms.count);
          await deliver(forms, ZIP_TYPE, `Đã tạo ${n} biểu cho các xã trong tệp ${forms.name}.`, `Đã lưu ${n} biểu cho các xã`);
        },
        'Không tạo được biểu cho các xã',
      ),
    );

  const goOnDespiteErrors = () => {
    const g = guard;
    setGuard(null);
    if (g) void g.go();
  };

  const cancelGuard = () => {
    const from = guard?.from;
    setGuard(null);
    if (from instanceof HTMLElement) setTimeout(() => from.focus(), 0);
  };

  const goToFirstError = (g: GridErrors) => {
    const unitId = guard?.unitId;
    setGuard(null);
    navigate(gridHash(g.template, unitId));
    if (g.first) setFocus({ unitId: g.first.unitId, col: g.first.col, nonce: Date.now() });
  };

  const showCompleteness = () => navigate(completenessHash(districtId));
  const showBackups = () => navigate(BACKUPS_HASH);
  const showOverview = () => navigate(overviewHash(districtId));

  // After a unit change: the tree and the grids show the units as they are now.
  const onUnitsChanged = useCallback(() => {
    setReloadKey((k) => k + 1);
    refresh().catch((e: unknown) => say('error', errorText(e)));
  }, [refresh, say]);

  // After a restore: everything on screen comes from the restored database.
  const onRestored = useCallback(
    (message: string) => {
      setReloadKey((k) => k + 1);
      refresh().then(
        () => say('info', message),
        (e: unknown) => say('error', errorText(e)),
      );
    },
    [refresh, say],
  );

  // The desktop menu (Tệp › Nhập / Xuất / Gửi biểu / Xã đã gửi, Trợ giúp › Giới thiệu) runs the same actions.
  const menuActions = useRef({ exportReport, sendForms, showCompleteness, showBackups, showOverview, navigate, districtId, say });
  menuActions.current = { exportReport, sendForms, showCompleteness, showBackups, showOverview, navigate, districtId, say };
  useEffect(
    () =>
      window.appMenu?.onCommand((c) => {
        const m = menuActions.current;
        if (c === 'import') picker.current?.click();
        else if (c === 'export') void m.exportReport();
        else if (c === 'sendForms') void m.sendForms();
        else if (c === 'completeness') m.showCompleteness();
        else if (c === 'backups') m.showBackups();
        else if (c === 'overview') m.showOverview();
        else if (c === 'followUps') m.navigate(followUpHash(m.districtId));
        else if (c === 'targets') m.navigate(targetsHash(m.districtId));
        else if (c === 'units') m.navigate(UNITS_HASH);
        else if (c === 'about') m.say('info', 'PCGD-XMC: nhập, kiểm tra và xuất các biểu phụ lục phổ cập giáo dục, xóa mù chữ.');
      }),
    [],
  );

  function pickUnit(u: UnitNode) {
    if (u.kind !== 'xa' || u.parentId === null) return;
    const template = route.page === 'grid' ? route.template : TEMPLATES[0].id;
    if (route.page !== 'grid' || open?.unitId !== u.parentId) navigate(gridHash(template, u.parentId));
    setFocus({ unitId: u.id, nonce: Date.now() });
  }

  let page;
  if (loadError) page = <div className="page-message error">Không mở được cơ sở dữ liệu: {loadError}</div>;
  else if (!overview) page = <div className="page-message">Đang tải…</div>;
  else if (recovery) page = <BackupsPage recovery={recovery} onRestored={onRestored} onMessage={say} />;
  else if (route.page === 'backups') page = <BackupsPage onRestored={onRestored} onMessage={say} />;
  else if (!hasUnits) page = <FirstRun busy={busy !== null} onDemo={loadDemo} onCreate={createDistrict} onCreateOffice={createOffice} onImport={() => picker.current?.click()} />;
  else if (route.page === 'grid')
    page = (
      <GridPage
        template={route.template}
        unitId={route.unitId}
        reloadKey={reloadKey}
        save={saver.save}
        flush={saver.flushAll}
        savedAt={saver.status.kind === 'saved' ? saver.status.at : undefined}
        focus={focus}
        onOpened={onOpened}
      />
    );
  else if (route.page === 'completeness') page = <CompletenessPage unitId={route.unitId} reloadKey={reloadKey} onOpened={onListed} />;
  else if (route.page === 'units') page = <UnitsPage reloadKey={reloadKey} onChanged={onUnitsChanged} onMessage={say} />;
  else if (route.page === 'overview') page = <OverviewPage unitId={route.unitId} reloadKey={reloadKey} onOpened={onOverview} />;
  else if (route.page === 'follow-up') page = <FollowUpPage unitId={route.unitId} reloadKey={reloadKey} onOpened={onFollowUps} onGo={goToNote} />;
  else if (route.page === 'targets') page = <TargetsPage unitId={route.unitId} reloadKey={reloadKey} onOpened={onTargets} />;
  else if (route.page === 'counts') page = <CountsPage template={route.template} unitId={route.unitId} year={route.year} reloadKey={reloadKey} save={saver.save} onOpened={setListed} />;
  else page = <div className="page-message">Đang mở biểu…</div>;

  return (
    <div className="app">
      {(route.page === 'grid' || route.page === 'counts') && hasUnits && (
        // The first stop of the Tab key: straight to the grid's first cell, past the toolbar and the tree.
        <button type="button" className="skip-link" data-testid="skip-to-grid" onClick={() => window.dispatchEvent(new Event(FOCUS_GRID_EVENT))}>
          Đến bảng
        </button>
      )}
      <Toolbar
        status={saver.status}
        busy={busy}
        canExport={hasUnits && busy === null}
        onImport={() => picker.current?.click()}
        onImportFolder={() => folderPicker.current?.click()}
        onExport={exportReport}
        onSendForms={sendForms}
        onCompleteness={showCompleteness}
        onOverview={showOverview}
        onBackups={showBackups}
      />
      <FilePicker ref={picker} onFiles={imp.start} />
      <FilePicker ref={folderPicker} onFiles={imp.start} directory />
      <Notice notice={notice} onClose={closeNotice} />
      <div className="body">
        <UnitTree
          units={overview?.units ?? []}
          open={route.page === 'grid' ? open : null}
          listed={route.page === 'completeness' ? (listed?.id ?? null) : null}
          followed={route.page === 'follow-up' ? (listed?.id ?? null) : null}
          targetsOf={route.page === 'targets' ? (listed?.id ?? null) : null}
          unitsOpen={route.page === 'units'}
          selectedUnit={focus?.unitId ?? null}
          onPickUnit={pickUnit}
        />
        <main className="main">
          <PageBoundary route={hash}>
            <Suspense fallback={<div className="page-message">Đang mở…</div>}>{page}</Suspense>
          </PageBoundary>
        </main>
      </div>
      <ImportDialog
        state={imp.state}
        onToggle={imp.toggle}
        onChooseAll={imp.chooseAll}
        onApply={imp.apply}
        onStop={imp.stop}
        onClose={imp.close}
      />
      <ErrorsFirst ask={guard} onContinue={goOnDespiteErrors} onGoToFirst={goToFirstError} onCancel={cancelGuard} />
      <DropOverlay onFiles={imp.start} />
    </div>
  );
}
