// The page's first chunk, small so that it runs as soon as it arrives: it asks for the rest of
// the app (boot.tsx, about 1.4 MB), then for the first screen's data, which the main process
// gathers while that chunk arrives and is evaluated (before, the data was asked for only once
// the whole bundle was compiled, and the grid waited for both one after the other).
import { prefetchFirstScreen } from './early';
import './styles.css';

// Asked for first: the host answers in order, and the chunk is the longer wait.
void import('./boot');
prefetchFirstScreen();
