// The page's first chunk, small so that it runs as soon as it arrives: it asks for the rest of
// the app (boot.tsx, about 1.4 MB), then for the first screen's data, which the main process
// gathers while that chunk arrives and is evaluated (before, the data was asked for only once
// the whole bundle was compiled, and the grid waited for both one after the other).
import { prefetchFirstScreen } from './platform/early';
import './platform/styles.css';

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
