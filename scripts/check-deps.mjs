#!/usr/bin/env node
// `npm run check:deps`: what the app ships, checked without trusting the network.
// 1. Licences (offline, always): every package the app needs at run time (package-lock.json entries
//    that are not dev-only) must carry a licence we may ship — permissive, or LGPL for libvips, which
//    sharp loads as a separate library. An unknown or new licence fails with its package named.
// 2. Advisories (online, best effort): `npm audit --omit=dev`. Where the registry offers no advisory
//    endpoint (ours answers 405) or is unreachable, this says so and is skipped; a high or critical
//    advisory fails.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ALLOWED = new Set(['MIT', 'ISC', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', '0BSD', 'WTFPL', 'LGPL-3.0-or-later']);

/** SPDX ids of an expression: "(MIT OR WTFPL)" → ["MIT", "WTFPL"]; AND/OR are both read as "all of them". */
function spdxIds(expression) {
  return String(expression ?? '')
    .replace(/[()]/g, ' ')
    .split(/\s+(?:AND|OR)\s+|\s+/)
    .filter(Boolean);
}

/** Run-time packages whose licence is missing or not allowed: `[{ name, license }]`. */
export function licenceProblems(lock) {
  const problems = [];
  for (const [where, pkg] of Object.entries(lock.packages ?? {})) {
    if (where === '' || pkg.dev) continue;
    const ids = spdxIds(pkg.license);
    // "OR" offers a choice: one allowed id is enough. "AND" (and a bare id) needs every id allowed.
    const ok = /\bOR\b/.test(String(pkg.license)) ? ids.some((id) => ALLOWED.has(id)) : ids.length > 0 && ids.every((id) => ALLOWED.has(id));
    if (!ok) problems.push({ name: where.replace(/^.*node_modules\//, ''), license: pkg.license ?? '(none)' });
  }
  return problems;
}

function checkAdvisories(root) {
  const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    report = undefined;
  }
  const counts = report?.metadata?.vulnerabilities;
  if (!counts) {
    const why = report?.message ?? (run.error ? run.error.message : (run.stderr || '').split('\n').find((l) => l.trim()) ?? 'no answer');
    console.log(`check:deps: advisories SKIPPED — the registry gave no advisory report (${why.trim()}). Run \`npm audit --omit=dev\` where it can.`);
    return true;
  }
  const serious = (counts.high ?? 0) + (counts.critical ?? 0);
  console.log(`check:deps: advisories — ${JSON.stringify(counts)}`);
  return serious === 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  const problems = licenceProblems(lock);
  const shipped = Object.entries(lock.packages).filter(([where, pkg]) => where !== '' && !pkg.dev).length;
  if (problems.length > 0) {
    for (const p of problems) console.error(`check:deps: ${p.name} is licensed "${p.license}", which is not on the list in scripts/check-deps.mjs`);
    process.exit(1);
  }
  console.log(`check:deps: licences — ${shipped} run-time packages, all on the allowed list`);
  process.exit(checkAdvisories(root) ? 0 : 1);
}
