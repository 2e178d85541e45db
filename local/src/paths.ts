/**
 * Where things live in the repository. Resolved from this file so the local cloud works from any
 * working directory (npm scripts, jest, a shell in a sub-folder).
 */
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const DEFAULT_FUNCTIONS_DIR = join(REPO_ROOT, 'cloudfunctions');
export const DEFAULT_H5_DIR = join(REPO_ROOT, 'client', 'dist', 'h5');
export const DEFAULT_DATA_DIR = join(REPO_ROOT, '.data');
