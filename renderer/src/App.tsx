// The shell: toolbar, side panel with the unit tree, and the page of the route (first run or a grid).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { GridView, ImportFileResult, Outputs, UnitNode } from '../../shared/api';
import { TEMPLATES, type TemplateId } from '../../shared/templates';
import { api, errorText } from './api';
import { downloadBase64 } from './bytes';
import { DropOverlay } from './DropOverlay';
import { FilePicker } from './FilePicker';
import { FirstRun } from './FirstRun';
import { formatCount } from './format';
import { GridPage, type FocusRequest } from './GridPage';
import { ImportDialog } from './ImportDialog';
import { Notice, type NoticeMessage } from './Notice';
import { gridHash, navigate, parseHash, useHash } from './route';
import { Toolbar } from './Toolbar';
import { UnitTree } from './UnitTree';
import { useImport } from './useImport';
import { useSaver } from './useSaver';

type Overview = Outputs['overview'];

/** The Electron menu's commands (electron/menu-template.ts), sent through the preload. */
type MenuCommand = 'import' | 'export' | 'about';

declare global {
  interface Window {
    appMenu?: { onCommand(cb: (c: MenuCommand) => void): () => void };
  }
}

function importSummary(results: ImportFileResult[]): string {
  const stored = results.filter((r) => r.status === 'ok');
  const cells = stored.reduce((n, r) => n + r.changes.length, 0);
  const skipped = results.length - stored.length;
  return `Đã nhập ${formatCount(stored.length)} tệp, ${formatCount(cells)} ô thay đổi.${skipped ? ` Bỏ qua ${formatCount(skipped)} tệp.` : ''}`;
}

export function App() {
  const route = parseHash(useHash());
  const [overview, setOverview] = useState<Overview | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [open, setOpen] = useState<{ template: TemplateId; unitId: number } | null>(null);
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const picker = useRef<HTMLInputElement>(null);

  const say = useCallback((kind: NoticeMessage['kind'], text: string) => setNotice({ kind, text, id: Date.now() }), []);
  const closeNotice = useCallback(() => setNotice(null), []);
  const refresh = useCallback(async () => {
    const o = await api.overview({});
    setOverview(o);
    return o;
  }, []);

  useEffect(() => {
    refresh().catch((e: unknown) => setLoadError(errorText(e)));
  }, [refresh]);

  const saver = useSaver(useCallback(() => setReloadKey((k) => k + 1), []));
  const imp = useImport(
    useCallback(
      async (results: ImportFileResult[]) => {
        say('info', importSummary(results));
        await refresh();
        setReloadKey((k) => k + 1);
      },
      [refresh, say],
    ),
    useCallback((message: string) => say('error', message), [say]),
  );

  const hasUnits = !!overview && overview.units.length > 0;

  // Default route: the first grid once there is something to show.
  useEffect(() => {
    if (route.page === 'home' && hasUnits) navigate(gridHash(TEMPLATES[0].id), true);
  }, [route.page, hasUnits]);

  const onOpened = useCallback((view: GridView | null) => {
    setOpen(view ? { template: view.report.template, unitId: view.unit.id } : null);
    if (view) document.title = `${TEMPLATES.find((t) => t.id === view.report.template)?.appendix ?? ''} – ${view.unit.name} – PCGD-XMC`;
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

  const exportReport = () =>
    run(
      'Đang tạo báo cáo…',
      async () => {
        await saver.flush();
        const wb = await api.exportWorkbook({ unitId: open?.unitId });
        const saved = await api.saveFile(wb);
        if (saved.download) {
          downloadBase64(wb.name, wb.data);
          say('info', `Đã tạo tệp ${wb.name}.`);
        } else if (saved.saved) say('info', `Đã lưu báo cáo${saved.path ? ` tại ${saved.path}` : ''}.`);
      },
      'Không xuất được báo cáo',
    );

  // The desktop menu (Tệp › Nhập / Xuất, Trợ giúp › Giới thiệu) runs the same actions.
  const menuActions = useRef({ exportReport, say });
  menuActions.current = { exportReport, say };
  useEffect(
    () =>
      window.appMenu?.onCommand((c) => {
        if (c === 'import') picker.current?.click();
        else if (c === 'export') void menuActions.current.exportReport();
        else menuActions.current.say('info', 'PCGD-XMC: nhập, kiểm tra và xuất các biểu phụ lục phổ cập giáo dục, xóa mù chữ.');
      }),
    [],
  );

  function pickUnit(u: UnitNode) {
    if (u.kind !== 'xa' || u.parentId === null) return;
    const template = route.page === 'grid' ? route.template : TEMPLATES[0].id;
    if (open?.unitId !== u.parentId) navigate(gridHash(template, u.parentId));
    setFocus({ unitId: u.id, nonce: Date.now() });
  }

  let page;
  if (loadError) page = <div className="page-message error">Không mở được cơ sở dữ liệu: {loadError}</div>;
  else if (!overview) page = <div className="page-message">Đang tải…</div>;
  else if (!hasUnits) page = <FirstRun busy={busy !== null} onDemo={loadDemo} onCreate={createDistrict} onImport={() => picker.current?.click()} />;
  else if (route.page === 'grid')
    page = (
      <GridPage template={route.template} unitId={route.unitId} reloadKey={reloadKey} save={saver.save} focus={focus} onOpened={onOpened} />
    );
  else page = <div className="page-message">Đang mở biểu…</div>;

  return (
    <div className="app">
      <Toolbar status={saver.status} busy={busy} canExport={hasUnits && busy === null} onImport={() => picker.current?.click()} onExport={exportReport} />
      <FilePicker ref={picker} onFiles={imp.start} />
      <Notice notice={notice} onClose={closeNotice} />
      <div className="body">
        <UnitTree units={overview?.units ?? []} open={open} selectedUnit={focus?.unitId ?? null} onPickUnit={pickUnit} />
        <main className="main">{page}</main>
      </div>
      <ImportDialog state={imp.state} onApply={imp.apply} onCancel={imp.cancel} />
      <DropOverlay onFiles={imp.start} />
    </div>
  );
}
