// electron-builder.yml stays the hand-written file the product owner laid out, so its two lists of
// run-time modules (the node_modules allow-list in `files`, and `asarUnpack`) are copies of
// shared/runtime-deps.json. This fast check (it runs in `npm run test:fast`, unlike the packaging
// test, which packages the whole app first) makes a drift fail the edit loop with the line to fix.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import RUNTIME_DEPS from '../../../shared/runtime-deps.json';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
// electron-builder's own YAML parser (js-yaml), so the file is read the way the packager reads it.
const { load: parseYaml } = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
const builder = parseYaml(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as { files: string[]; asarUnpack: string[] };

describe('electron-builder.yml against shared/runtime-deps.json', () => {
  it('the files allow-list names exactly the "archive" modules', () => {
    const allowLines = builder.files.filter((f) => /^node_modules\/\{.*\}\/\*\*$/.test(f));
    expect(allowLines, 'one "node_modules/{a,b,…}/**" line in files').toHaveLength(1);
    const listed = allowLines[0]!.slice('node_modules/{'.length, -'}/**'.length).split(',');
    expect(listed.sort()).toEqual([...RUNTIME_DEPS.archive].sort());
    // Everything else under node_modules stays out.
    expect(builder.files).toContain('!node_modules/**');
  });

  it('asarUnpack is exactly the "unpacked" globs', () => {
    expect(builder.asarUnpack).toEqual(RUNTIME_DEPS.unpacked.map((glob) => `**/node_modules/${glob}`));
  });
});
