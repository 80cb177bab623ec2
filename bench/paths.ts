// Files the benchmarks borrow from the repository.
import { join } from 'node:path';
import { REPO_ROOT } from './child';

export const SAMPLE_INPUT = join(REPO_ROOT, 'electron/core/simulator/assets/sample-input.jpg');
export const RENDERER_DIST = join(REPO_ROOT, 'dist/renderer');
