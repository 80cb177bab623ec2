#!/usr/bin/env node
// Runs Electronegativity (Doyensec's Electron security linter) over the app's own sources —
// electron/ and renderer/, scanned together so the renderer's CSP is seen next to the main process —
// and fails on every finding that is not justified in test/reliability/electronegativity-justified.json.
//
// A justification names the check, the file, and a piece of the flagged source line (`contains`), so
// it follows the code when lines move but stops matching when the flagged code itself changes. Each
// carries a `why` saying what makes the finding safe here (and, where one exists, the test proving it).
//
// Offline by design: the tool's look-ups of translations and Electron releases fail fast without a
// network and are ignored; the Electron version is read from node_modules instead (-e).
// Usage: node scripts/electronegativity.mjs [--justified <file>] [--json]
// Exit: 0 all findings justified, 1 unjustified findings, 2 the scan itself failed.
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCANNED = ['electron', 'renderer'];
const args = process.argv.slice(2);
const justifiedFile = path.resolve(root, argValue('--justified') ?? 'test/reliability/electronegativity-justified.json');
const asJson = args.includes('--json');

function argValue(flag) {
  const i = args.indexOf(flag);
  return i === -1 ? undefined : args[i + 1];
}

async function electronVersion() {
  const pkg = JSON.parse(await readFile(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8'));
  return pkg.version;
}

/** Copies the scanned folders side by side into a temp dir, runs the tool, returns its SARIF results. */
async function scan() {
  const work = await mkdtemp(path.join(tmpdir(), 'veo-electronegativity-'));
  try {
    for (const dir of SCANNED) await cp(path.join(root, dir), path.join(work, 'src', dir), { recursive: true });
    const out = path.join(work, 'report.sarif');
    const bin = path.join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
    const run = spawnSync(process.execPath, [bin, '-i', path.join(work, 'src'), '-o', out, '-r', '-v', 'false', '-e', await electronVersion()], {
      encoding: 'utf8',
      timeout: 240_000,
    });
    let report;
    try {
      report = JSON.parse(await readFile(out, 'utf8'));
    } catch {
      throw new Error(`electronegativity produced no report (exit ${run.status}, signal ${run.signal}).\n${run.stdout}\n${run.stderr}`);
    }
    return report.runs?.[0]?.results ?? [];
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** One finding in repo terms: check, file, line number and the source line itself. */
async function describe(result) {
  const location = result.locations?.[0]?.physicalLocation;
  const file = location?.artifactLocation?.uri ?? 'N/A';
  const line = location?.region?.startLine ?? 0;
  let source = '';
  if (file !== 'N/A' && line > 0) {
    const text = await readFile(path.join(root, file), 'utf8').catch(() => '');
    source = (text.split('\n')[line - 1] ?? '').trim();
  }
  return { check: result.ruleId, file, line, source, message: result.message?.text ?? '' };
}

const matches = (j, f) => j.check === f.check && j.file === f.file && (j.contains === undefined || f.source.includes(j.contains));

async function main() {
  const justified = JSON.parse(await readFile(justifiedFile, 'utf8')).findings ?? [];
  const findings = await Promise.all((await scan()).map(describe));
  const unjustified = findings.filter((f) => !justified.some((j) => matches(j, f)));
  const stale = justified.filter((j) => !findings.some((f) => matches(j, f)));
  if (asJson) {
    process.stdout.write(`${JSON.stringify({ findings, unjustified, stale }, null, 2)}\n`);
  } else {
    for (const f of findings) {
      const j = justified.find((x) => matches(x, f));
      console.log(`${j ? 'justified  ' : 'UNJUSTIFIED'} ${f.check} ${f.file}:${f.line}  ${f.source.slice(0, 100)}`);
      if (j) console.log(`            why: ${j.why}`);
    }
    for (const j of stale) console.log(`note: justification no longer needed (nothing matches): ${j.check} ${j.file} "${j.contains ?? ''}"`);
    console.log(`electronegativity: ${findings.length} findings, ${findings.length - unjustified.length} justified, ${unjustified.length} unjustified`);
    if (unjustified.length > 0) console.log(`Fix each UNJUSTIFIED finding, or explain why it is safe in ${path.relative(root, justifiedFile)}.`);
  }
  return unjustified.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`electronegativity scan failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  },
);
