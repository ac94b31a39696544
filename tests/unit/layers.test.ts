// The layers hold (issue 12): a forbidden import or API, put in a layer, fails the build; the
// same kind of import where it belongs passes. Probes are linted with the project's own
// eslint.config.js and compiled with the layer's own tsconfig.json, in memory (nothing is
// written into the tree).
import { ESLint } from 'eslint';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: ROOT });

async function lintErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return result.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

/** The compiler's errors for `code` put at `file`, compiled with the tsconfig.json of `layer`. */
function compileErrors(layer: string, file: string, code: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, layer, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  })!;
  const probe = join(ROOT, file);
  const host = ts.createCompilerHost(config.options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, lang, ...rest) => (name === probe ? ts.createSourceFile(name, code, lang) : getSourceFile.call(host, name, lang, ...rest));
  host.fileExists = (name) => name === probe || fileExists.call(host, name);
  host.readFile = (name) => (name === probe ? code : readFile.call(host, name));
  const program = ts.createProgram({ rootNames: [probe], options: config.options, host });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === probe)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('imports a layer may not make fail lint', () => {
  const refused: [string, string, string][] = [
    ['Node in shared/', 'shared/probe.ts', "import { readFile } from 'fs/promises';\nexport const r = readFile;"],
    ['node: in shared/', 'shared/probe.ts', "import { readFile } from 'node:fs/promises';\nexport const r = readFile;"],
    ['AG Grid in shared/', 'shared/probe.ts', "import { createGrid } from 'ag-grid-community';\nexport const c = createGrid;"],
    ['JSZip in shared/', 'shared/probe.ts', "import JSZip from 'jszip';\nexport const z = JSZip;"],
    ['core from shared/', 'shared/counts/probe.ts', "import { defaultDbPath } from '../../electron/core/paths';\nexport const p = defaultDbPath;"],
    ['Node in renderer/', 'renderer/src/grid/probe.ts', "import { readFile } from 'fs/promises';\nexport const r = readFile;"],
    ['core from renderer/', 'renderer/src/grid/probe.ts', "import { Store } from '../../../electron/core/store/store';\nexport const s = Store;"],
    ['Electron in core/', 'electron/core/probe.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['Electron in faces/', 'electron/faces/host/probe.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['faces/ from core/', 'electron/core/probe.ts', "import { createHost } from '../faces/host/server';\nexport const h = createHost;"],
    ['main/ from faces/', 'electron/faces/cli/probe.ts', "import { fitToDisplays } from '../../main/window-state';\nexport const f = fitToDisplays;"],
    ['a feature from another', 'renderer/src/grid/probe.ts', "import { useImport } from '../import/useImport';\nexport const u = useImport;"],
    ['a feature from findings/', 'renderer/src/findings/probe.ts', "import { AuditPanel } from '../audit/AuditPanel';\nexport const a = AuditPanel;"],
    ['a feature from platform/', 'renderer/src/platform/probe.ts', "import { FindingList } from '../findings/FindingList';\nexport const f = FindingList;"],
  ];
  it.each(refused)('%s', async (_what, file, code) => {
    const errors = await lintErrors(file, code);
    expect(errors.join('\n')).toMatch(/no-restricted-(imports|syntax)/);
  });

  const allowed: [string, string, string][] = [
    ['zod in shared/', 'shared/probe.ts', "import { z } from 'zod';\nexport const s = z.string();"],
    ['shared/ from renderer/', 'renderer/src/grid/probe.ts', "import { MARK } from '../../../shared/text/marks';\nexport const m = MARK;"],
    ['platform/ and findings/ from a feature', 'renderer/src/import/probe.ts', "import { api } from '../platform/api';\nimport { FindingList } from '../findings/FindingList';\nexport const x = [api, FindingList];"],
    ['any feature from shell/', 'renderer/src/shell/probe.ts', "import { useImport } from '../import/useImport';\nexport const u = useImport;"],
    ['better-sqlite3 and node: in core/', 'electron/core/probe.ts', "import Database from 'better-sqlite3';\nimport { join } from 'node:path';\nexport const x = [Database, join];"],
    ['core/ from faces/', 'electron/faces/host/probe.ts', "import { defaultDbPath } from '../../core/paths';\nexport const p = defaultDbPath;"],
    ['Electron in main/', 'electron/main/probe.ts', "import { app } from 'electron';\nexport const a = app;"],
  ];
  it.each(allowed)('but not %s', async (_what, file, code) => {
    expect(await lintErrors(file, code)).toEqual([]);
  });
});

describe("each layer's tsconfig gives only the APIs it may use", () => {
  it('shared/ has neither Node nor the DOM', () => {
    const errors = compileErrors('shared', 'shared/probe.ts', "import { readFile } from 'node:fs';\nexport const x = [readFile, process.env, document.title];");
    expect(errors.some((e) => e.includes("'node:fs'"))).toBe(true);
    expect(errors.some((e) => e.includes("'process'"))).toBe(true);
    expect(errors.some((e) => e.includes("'document'"))).toBe(true);
  });
  it('renderer/ has the DOM and not Node', () => {
    expect(compileErrors('renderer', 'renderer/src/platform/probe.ts', 'export const x = document.title;')).toEqual([]);
    expect(compileErrors('renderer', 'renderer/src/platform/probe.ts', "export const x = process.env['HOME'];").join('\n')).toMatch(/'process'/);
  });
  it('core/ and faces/ have Node and not the DOM', () => {
    expect(compileErrors('electron/core', 'electron/core/probe.ts', "export const x = process.env['HOME'];")).toEqual([]);
    expect(compileErrors('electron/core', 'electron/core/probe.ts', 'export const x = document.title;').join('\n')).toMatch(/'document'/);
    expect(compileErrors('electron/faces', 'electron/faces/probe.ts', 'export const x = window.location;').join('\n')).toMatch(/'window'/);
  });
});
