// Layers by runtime, imports only downward (VS Code's rule): shared/ is pure (no Node, no DOM,
// no electron); renderer/ reaches the main process only through window.api; only the wiring
// files import 'electron'.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'url', 'http', 'net', 'stream', 'util', 'events', 'zlib'];
const electronWiring = ['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts', 'electron/wiring/**/*.ts', 'tests/electron/**/*.ts'];

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
      'no-restricted-imports': ['error', {
        paths: ['electron', 'better-sqlite3', 'exceljs', 'react', ...nodeBuiltins.flatMap((m) => [m, `node:${m}`])],
        patterns: [{ group: ['../electron/*', '../renderer/*', '../../electron/*', '../../renderer/*', 'node:*'], message: 'shared/ là tầng thuần: không Node, không DOM, không electron.' }],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require', 'Buffer'],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['electron', 'better-sqlite3', 'exceljs', ...nodeBuiltins.flatMap((m) => [m, `node:${m}`])],
        patterns: [{ group: ['**/electron/**', 'node:*'], message: 'renderer/ chỉ nói chuyện với window.api.' }],
      }],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: electronWiring,
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "ImportDeclaration[source.value='electron']",
        message: "Chỉ các tệp nối dây (electron/main.ts, preload.ts, ipc.ts, electron/wiring/) được import 'electron'.",
      }],
    },
  },
);
