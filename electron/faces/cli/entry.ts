// The CLI's entry: --help answers at once; any command loads the core (main.ts) only then.
import { USAGE } from './usage';

const first = process.argv[2];
if (first === '--help' || first === '-h' || first === 'help') process.stdout.write(USAGE + '\n');
else void import('./main');
