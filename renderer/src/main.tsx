// The page's first chunk, small so that it runs as soon as it arrives: it asks for the rest of
// the app (boot.tsx, about 1.4 MB), then for the first screen's data, which the main process
// gathers while that chunk arrives and is evaluated (before, the data was asked for only once
// the whole bundle was compiled, and the grid waited for both one after the other).
import { prefetchFirstScreen } from './platform/early';
// The stylesheets, one per feature, in a fixed order (the cascade of the former single file:
// base first, then the features; a later file wins only over a rule of equal specificity).
import './platform/base.css';
import './shell/shell.css';
import './grid/grid.css';
import './findings/findings.css';
import './import/import.css';
import './audit/audit.css';
import './completeness/completeness.css';

// Asked for first: the host answers in order, and the chunk is the longer wait. Should it not
// load (a damaged install), the window says so rather than stay blank.
import('./shell/boot').catch(() => {
  const root = document.getElementById('root');
  if (root) {
    root.className = 'page-message error';
    root.textContent = 'Không nạp được phần mềm (tệp của chương trình bị thiếu hoặc hỏng). Hãy đóng rồi mở lại; nếu vẫn lỗi, hãy cài đặt lại chương trình.';
  }
});
prefetchFirstScreen();
