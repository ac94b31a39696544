// The two trees an A/B harness (ab-ui, ab-batch, ab-file) compares: this checkout, and another
// given as AB_BASE, by default the base of issue 8 (b72a7c9) checked out in ../wt/base8 beside it.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const NEW = join(import.meta.dirname, '..');
export const BASE = resolve(process.env.AB_BASE ?? join(NEW, '..', 'wt', 'base8'));

/** A tree's plain Node services: electron/core/ since issue 12, electron/services/ before. */
export const servicesOf = (root: string): string => (existsSync(join(root, 'electron', 'core')) ? join(root, 'electron', 'core') : join(root, 'electron', 'services'));
