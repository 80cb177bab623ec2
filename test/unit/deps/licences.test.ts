// The licence half of `npm run check:deps` (scripts/check-deps.mjs), offline: what the app ships at
// run time must carry a licence on the allowed list; dev-only packages do not ship.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { licenceProblems } from '../../../scripts/check-deps.mjs';

const REPO = join(import.meta.dirname, '..', '..', '..');

describe('licences of what the app ships', () => {
  it('every run-time package in package-lock.json is on the allowed list', () => {
    const lock = JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8')) as Parameters<typeof licenceProblems>[0];
    expect(licenceProblems(lock)).toEqual([]);
  });

  it('names a run-time package with a licence off the list, or none; a choice needs one allowed id, AND needs all', () => {
    const lock = {
      packages: {
        '': {},
        'node_modules/ok': { license: 'MIT' },
        'node_modules/choice': { license: '(MIT OR GPL-3.0-only)' },
        'node_modules/copyleft': { license: 'GPL-3.0-only' },
        'node_modules/both': { license: 'MIT AND GPL-3.0-only' },
        'node_modules/a/node_modules/unlabelled': {},
        'node_modules/tooling': { license: 'GPL-3.0-only', dev: true },
      },
    };
    expect(licenceProblems(lock)).toEqual([
      { name: 'copyleft', license: 'GPL-3.0-only' },
      { name: 'both', license: 'MIT AND GPL-3.0-only' },
      { name: 'unlabelled', license: '(none)' },
    ]);
  });
});
