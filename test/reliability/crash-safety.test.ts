// Crash safety: the real core runs in a child process against the simulator and is SIGKILLed at
// seeded-random moments inside each dangerous window — while the submit POST is in flight, after the
// server created the job but before the answer arrived, right after the answer arrived, while queued,
// while running, mid-download and right after a library write — then restarted, again and again.
// Afterwards the library folder is audited from the outside: nothing lost, nothing submitted twice,
// every video complete and byte-exact, no corrupt record, no temporary file.
// Re-run a failing schedule with RELIABILITY_SEED=<seed printed below>.
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibraryStore } from '../../electron/core/library/store';
import { libraryDir } from '../../electron/core/paths';
import { startSimulator, type Simulator } from '../../electron/core/simulator';
import { SAMPLE_CLIP_PATH } from '../../electron/core/simulator/video-source';
import { bundleEntry, REPO, startChild, within, type RunningChild } from './support/child';
import type { DriverConfig, DriverJob } from './support/crash-driver';
import { WRITES_FILE, WritesTail, type WriteEntry } from './support/writes-tail';
import { auditLibrary, type AuditReport } from './support/library-audit';
import { createRng, seedFromEnv } from './support/rng';
import { SubmitGate, MARKER_PATTERN } from './support/submit-gate';

const SEED = seedFromEnv();
const KILL_TARGET = Number(process.env.RELIABILITY_KILLS ?? 56);
const IMAGE = join(REPO, 'electron/core/simulator/assets/sample-input.jpg');
const KEY = 'sk-crash-test-7d1e';

const WINDOWS = [
  'submit-in-flight',
  'submit-answer-lost',
  'after-submit-returned',
  'queued',
  'running',
  'mid-download',
  'library-write',
] as const;
type KillWindow = (typeof WINDOWS)[number];

/** Scenarios mixed into every round on top of the ones a window needs. */
const MIX = ['happy', 'happy', 'long_queue', 'rate_limit', 'server_errors', 'connection_reset', 'truncated_download', 'slow_download', 'expired_url', 'content_policy', 'submit_reset', 'invalid_json', 'no_stream', 'server_error_final'];

const rng = createRng(SEED);
let sim: Simulator;
let gate: SubmitGate;
let dataDir: string;
let libDir: string;
const jobs: DriverJob[] = [];
const scenarios = new Map<string, string>();
const killTimes: number[] = [];
const landed: Record<string, { fired: number; fallback: number; notes: string[] }> = {};
let roundsWithoutKill = 0;
let report: AuditReport;
let driverScript: string;

function addJob(scenario: string): void {
  const marker = `#job-${String(jobs.length + 1).padStart(4, '0')}`;
  jobs.push({ marker, prompt: `A lighthouse in a storm, take ${marker} [sim:${scenario}]` });
  scenarios.set(marker, scenario);
}

function addJobsFor(window: KillWindow): void {
  if (window === 'queued') addJob('long_queue');
  else if (window === 'running') addJob('happy');
  else if (window === 'mid-download') addJob('slow_download');
  else addJob(rng.pick(MIX));
  addJob(rng.pick(MIX));
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves (with a note on what it hit) at the moment the driver should die. */
async function trigger(window: KillWindow, tail: WritesTail): Promise<string> {
  const stateLine = (state: string) => (e: WriteEntry) => e.op?.record?.state === state;
  switch (window) {
    case 'submit-in-flight':
      return `POST of ${(await gate.holdNext('before-forward')).marker} held before the server saw it`;
    case 'submit-answer-lost': {
      const rec = await gate.holdNext('after-answer');
      return `answer to ${rec.marker} (HTTP ${rec.simStatus}) held back`;
    }
    case 'after-submit-returned': {
      const rec = await gate.nextDelivered();
      const ms = rng.int(0, 15);
      await pause(ms);
      return `${ms} ms after ${rec.marker}'s answer was delivered`;
    }
    case 'queued':
    case 'running': {
      const e = await tail.next(stateLine(window));
      const ms = rng.int(0, 40);
      await pause(ms);
      return `${ms} ms after a ${window} write (${e.op?.record?.id})`;
    }
    case 'mid-download': {
      const slow = (e: WriteEntry) => stateLine('downloading')(e) && /\[sim:slow_download\]/.test(e.op?.record?.params?.prompt ?? '');
      const e = await tail.next(slow);
      const ms = rng.int(80, 900);
      await pause(ms);
      const part = join(libDir, 'media', e.op?.record?.id ?? '-', 'video.mp4.part');
      const size = await stat(part).then((s) => s.size, () => -1);
      return `${ms} ms into a download (.part ${size < 0 ? 'absent' : `${size} bytes`})`;
    }
    case 'library-write': {
      const nth = rng.int(1, 8);
      let seen = 0;
      await tail.next(() => ++seen >= nth);
      const ms = rng.int(0, 2);
      if (ms > 0) await pause(ms);
      return `${ms} ms after library write #${nth}`;
    }
  }
}

async function writeConfig(): Promise<string> {
  const config: DriverConfig = { dataDir, apiBase: gate.url, key: KEY, imagePath: IMAGE, jobs, concurrency: 4 };
  const path = join(dataDir, 'driver.json');
  await writeFile(path, JSON.stringify(config));
  return path;
}

async function killRound(window: KillWindow): Promise<void> {
  addJobsFor(window);
  const configPath = await writeConfig();
  const tail = new WritesTail(join(dataDir, WRITES_FILE));
  await tail.start();
  const stats = (landed[window] ??= { fired: 0, fallback: 0, notes: [] });
  let driver: RunningChild | undefined;
  try {
    const fired = trigger(window, tail).then((note) => ({ kind: 'fired' as const, note }));
    driver = startChild(driverScript, [configPath]);
    const exited = driver.done.then((run) => ({ kind: 'exited' as const, run }));
    const fallback = pause(15_000).then(() => ({ kind: 'fallback' as const }));
    const first = await Promise.race([fired, exited, fallback]);
    if (first.kind === 'exited') {
      // Every job finished before the window came up: fine, but the driver must have ended cleanly.
      expect(first.run.code, first.run.stderr).toBe(0);
      roundsWithoutKill++;
      return;
    }
    await driver.kill();
    killTimes.push(Date.now());
    if (first.kind === 'fired') {
      stats.fired++;
      stats.notes.push(first.note);
    } else stats.fallback++;
  } finally {
    await driver?.kill();
    gate.reset();
    tail.stop();
  }
}

beforeAll(async () => {
  console.log(`[crash-safety] seed ${SEED} (re-run with RELIABILITY_SEED=${SEED}), target ${KILL_TARGET} kills`);
  sim = await startSimulator({
    timing: { queueStepMs: 40, runMs: 250, logEveryMs: 40, cancelMs: 10 },
    pingIntervalMs: 100,
    // The 50 KB sample clip takes about a second to arrive for slow_download jobs.
    downloadBytesPerSecond: 50_000,
  });
  gate = await SubmitGate.start(sim);
  driverScript = await bundleEntry('test/reliability/support/crash-driver.ts');
  dataDir = await mkdtemp(join(tmpdir(), 'veo-crash-'));
  libDir = libraryDir(dataDir);
  await mkdir(libDir, { recursive: true });
});

afterAll(async () => {
  await gate?.close();
  await sim?.close();
  if (process.env.RELIABILITY_KEEP) console.log(`[crash-safety] kept ${dataDir}`);
  else if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('SIGKILL at random moments, restart, repeat', () => {
  it(`survives at least ${KILL_TARGET} kills spread over every window`, { timeout: 330_000 }, async () => {
    for (let round = 0; killTimes.length < KILL_TARGET && round < KILL_TARGET + 30; round++) {
      await killRound(WINDOWS[round % WINDOWS.length] as KillWindow);
    }
    // The last run is left alone: it must bring every job to an end on its own.
    const final = await within(120_000, 'final driver run', startChild(driverScript, [await writeConfig()]).done);
    expect(final.code, final.stderr).toBe(0);
    expect(final.stdout).toContain('DONE');
    expect(final.stderr).not.toContain(KEY);

    report = await auditLibrary({
      libraryDir: libDir,
      sample: await readFile(SAMPLE_CLIP_PATH),
      scenarios,
      submits: gate.submits,
      simJobs: sim.jobs(),
      killTimes,
    });
    console.log(
      `[crash-safety] seed ${SEED}: ${killTimes.length} kills (${roundsWithoutKill} rounds finished first), ${jobs.length} jobs, ` +
        `${gate.submits.length} POSTs, ${sim.submitCount()} created on the server, outcomes ${JSON.stringify(report.byOutcome)}, ` +
        `${report.rows} rows in library.db, ${report.leftovers.length} temp files left, ${report.orphanMediaDirs.length} orphan media dirs`,
    );
    for (const [w, s] of Object.entries(landed)) console.log(`[crash-safety]   ${w}: ${s.fired} landed, ${s.fallback} fallback; e.g. ${s.notes.slice(0, 2).join(' | ')}`);

    expect(killTimes.length).toBeGreaterThanOrEqual(KILL_TARGET);
    expect(report.problems).toEqual([]);
    expect(report.records).toBe(jobs.length);
  });

  it('leaves no temporary file and no media folder without a record', () => {
    expect(report.leftovers).toEqual([]);
    expect(report.orphanMediaDirs).toEqual([]);
  });

  it('landed kills in every window (fallback kills do not count towards a window)', () => {
    for (const w of WINDOWS) expect(landed[w]?.fired ?? 0, w).toBeGreaterThanOrEqual(3);
  });

  it('the store reads the same library the audit read, and reports no problem', async () => {
    const problems: string[] = [];
    const store = await LibraryStore.open(libDir, { onProblem: (p) => problems.push(p.reason) });
    try {
      expect(store.list()).toHaveLength(report.records);
      expect(report.rows).toBe(report.records);
      expect(problems).toEqual([]);
      for (const r of store.list()) expect(MARKER_PATTERN.test(r.params.prompt)).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('the key is in no library file', async () => {
    for (const file of ['library.db', 'library.db-wal']) {
      const bytes = await readFile(join(libDir, file)).catch(() => Buffer.alloc(0));
      expect(bytes.includes(KEY), file).toBe(false);
    }
  });
});
