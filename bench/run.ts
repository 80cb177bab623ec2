// `npm run bench`: runs every benchmark group, prints one aligned table and writes
// bench-results.json (a list of rows) at the repository root.
//   npm run bench -- --only follow,library     run some groups
//   npm run bench -- --out /tmp/results.json   write the rows elsewhere
import { writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './child';
import { benchDownload } from './download';
import { benchFollow } from './follow';
import { benchLibrary } from './library';
import { benchPreflight } from './preflight';
import { benchRenderer } from './renderer';
import { describeMachine, machineInfo } from './machine';
import { formatTable, type Row } from './rows';

type Group = (log: (line: string) => void) => Promise<Row[]>;

const GROUPS: Record<string, Group> = {
  follow: benchFollow,
  download: benchDownload,
  library: benchLibrary,
  preflight: benchPreflight,
  renderer: benchRenderer,
};

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { only: { type: 'string' }, out: { type: 'string' } } });
  const wanted = values.only ? values.only.split(',').map((s) => s.trim()) : Object.keys(GROUPS);
  const unknown = wanted.filter((name) => !(name in GROUPS));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark group(s): ${unknown.join(', ')}. Known: ${Object.keys(GROUPS).join(', ')}.`);
    return 2;
  }
  console.log(`Machine: ${describeMachine(machineInfo())}`);
  const rows: Row[] = [];
  const failed: string[] = [];
  for (const name of wanted) {
    const started = performance.now();
    console.log(`\n[${name}]`);
    try {
      const stamp = (): string => `${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s`;
      rows.push(...(await (GROUPS[name] as Group)((line) => console.log(`${stamp()} ${line}`))));
      console.log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } catch (err) {
      // One broken group must not hide the others' numbers; it is reported and fails the run.
      failed.push(name);
      console.error(`  FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
  }
  console.log(`\n${formatTable(rows)}`);
  const out = values.out ?? join(REPO_ROOT, 'bench-results.json');
  await writeFile(out, `${JSON.stringify(rows, null, 2)}\n`);
  console.log(`\nWrote ${rows.length} rows to ${out}; load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  if (failed.length > 0) console.error(`Groups that failed: ${failed.join(', ')}`);
  return failed.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
