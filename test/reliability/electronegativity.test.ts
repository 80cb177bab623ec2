// Electronegativity over electron/ and renderer/ on every CI run (scripts/electronegativity.mjs):
// every finding is either fixed or justified in electronegativity-justified.json. The same scan with
// no justifications must fail, which proves the wrapper really reads the tool's findings.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, startChild, within, type ChildRun } from './support/child';

interface Report {
  findings: Array<{ check: string; file: string; line: number; source: string }>;
  unjustified: unknown[];
  stale: unknown[];
}

let dir: string;
let real: ChildRun;
let none: ChildRun;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'veo-electronegativity-test-'));
  const empty = join(dir, 'none.json');
  await writeFile(empty, JSON.stringify({ findings: [] }));
  const script = join(REPO, 'scripts/electronegativity.mjs');
  // Both scans at once: most of each is the tool waiting out its (offline) network look-ups.
  [real, none] = await within(280_000, 'electronegativity', Promise.all([
    startChild(script, ['--json']).done,
    startChild(script, ['--json', '--justified', empty]).done,
  ]));
}, 300_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('Electronegativity', () => {
  it('finds nothing that is not fixed or justified', () => {
    expect(real.code, real.stdout + real.stderr).toBe(0);
    const report = JSON.parse(real.stdout) as Report;
    console.log(`[electronegativity] ${report.findings.length} findings, all justified: ${report.findings.map((f) => `${f.check} ${f.file}:${f.line}`).join(', ')}`);
    expect(report.unjustified).toEqual([]);
  });

  it('fails the build when a finding has no justification', () => {
    expect(none.code, none.stderr).toBe(1);
    const report = JSON.parse(none.stdout) as Report;
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.unjustified).toHaveLength(report.findings.length);
  });

  it('flags nothing in the renderer beyond the reviewed CSP note, and no insecure window options', () => {
    const report = JSON.parse(real.stdout) as Report;
    const checks = new Set(report.findings.map((f) => f.check));
    for (const forbidden of ['NODE_INTEGRATION_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'INSECURE_CONTENT_JS_CHECK', 'DANGEROUS_FUNCTIONS_JS_CHECK', 'EXPERIMENTAL_FEATURES_JS_CHECK', 'REMOTE_MODULE_JS_CHECK']) {
      expect(checks.has(forbidden), forbidden).toBe(false);
    }
  });
});
