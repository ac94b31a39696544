// Layers by runtime, imports only downward (VS Code's rule):
//   shared/  ←  electron/core/  ←  electron/faces/ (CLI, host), electron/main/ (Electron wiring)
//   shared/  ←  renderer/ (talks to the rest through window.api only)
// Each folder has an allow-list of packages; everything else is refused here, and each layer's
// tsconfig.json gives it only the types it may use (shared: neither Node nor DOM). Inside
// renderer/src/, a feature imports only platform/ and findings/; shell/ composes the features.
// tests/unit/layers.test.ts proves each forbidden import fails.
import tseslint from 'typescript-eslint';

/** Refuses every package import but `allowed`, and any relative import reaching `forbiddenDirs`. */
function layer(message, allowed, forbiddenDirs, extra = []) {
  const packages = allowed.map((p) => `${p.replace(/[/.]/g, '\\$&')}(/.*)?$`).join('|');
  return {
    'no-restricted-imports': ['error', {
      patterns: [
        { regex: `^(?!\\.|${packages})`, message },
        ...(forbiddenDirs.length ? [{ regex: `^\\.[^]*(^|/)(${forbiddenDirs.join('|')})/`, message }] : []),
        ...extra,
      ],
    }],
  };
}

const NODE = 'node:[a-z_/]+';
const CORE_PACKAGES = [NODE, 'better-sqlite3', 'exceljs', 'jszip', '@e965/xlsx', 'zod'];

/** renderer/src/<feature>/ may reach platform/, findings/ and itself; shell/ reaches all. */
const FEATURES = ['grid', 'import', 'audit', 'completeness', 'backups', 'overview', 'notes', 'followup', 'print', 'targets', 'count-tables', 'unit-changes'];
const featureRule = (allowed) => ({
  regex: `^\\.\\./(?!\\.\\./|${allowed.map((a) => `${a}/`).join('|')})`,
  message: 'Một phần của giao diện chỉ dùng platform/ và findings/, không dùng phần khác; shell/ ghép chúng lại.',
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'dist-electron/**', 'dist-cli/**', 'release/**', 'scratch/**', '.scratch/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['shared/**/*.ts', 'shared/**/*.tsx'],
    rules: {
      ...layer('shared/ là tầng thuần: chỉ dùng zod và chính nó (không Node, không DOM, không electron).', ['zod'], ['electron', 'renderer', 'tests', 'scripts', 'bench']),
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require', 'Buffer'],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: layer('renderer/ chỉ dùng React, AG Grid, shared/ và window.api.', ['react', 'react-dom', 'ag-grid-community'], ['electron', 'tests', 'scripts', 'bench']),
  },
  {
    files: ['renderer/src/platform/**'],
    rules: layer('platform/ là nền của giao diện: không dùng phần nào khác.', ['react', 'react-dom', 'ag-grid-community'], ['electron', 'shell', 'findings', ...FEATURES]),
  },
  {
    files: ['renderer/src/findings/**'],
    rules: layer('findings/ chỉ dùng platform/.', ['react', 'react-dom', 'ag-grid-community'], ['electron'], [featureRule(['platform'])]),
  },
  ...FEATURES.map((f) => ({
    files: [`renderer/src/${f}/**`],
    rules: layer('renderer/ chỉ dùng React, AG Grid, shared/ và window.api.', ['react', 'react-dom', 'ag-grid-community'], ['electron'], [featureRule(['platform', 'findings', f])]),
  })),
  {
    // The charts of "Tổng quan" only: chartist (SVG, no inline script) is used nowhere else.
    files: ['renderer/src/overview/**'],
    rules: layer('overview/ dùng React, chartist, shared/ và window.api.', ['react', 'react-dom', 'chartist'], ['electron'], [featureRule(['platform', 'findings', 'overview'])]),
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: layer('electron/core/ là Node thuần: không electron, không dùng faces/ hay main/.', CORE_PACKAGES, ['faces', 'main', 'renderer']),
  },
  {
    files: ['electron/faces/**/*.ts'],
    rules: layer('electron/faces/ (CLI, host) dùng core/ và shared/, không electron, không main/.', CORE_PACKAGES, ['main', 'renderer']),
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: layer('electron/main/ nối Electron với core/: không dùng faces/.', [...CORE_PACKAGES, 'electron'], ['faces', 'renderer']),
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['electron/main/**/*.ts', 'tests/electron/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "ImportDeclaration[source.value='electron']",
        message: "Chỉ electron/main/ được import 'electron'.",
      }],
    },
  },
);
