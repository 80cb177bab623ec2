// The process the crash test kills. Run as `node --import tsx crash-driver.ts <config.json>`: it
// opens the real core on the test's data folder, resumes whatever an earlier (killed) run left
// unfinished, creates every planned job the library does not have yet (a job is recognised by the
// unique marker in its prompt), and follows all of them to a final state. It prints DONE and exits 0
// only when every job is final; the test usually SIGKILLs it long before that.
import { appendFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isFinalState } from '../../../shared/domain';
import { createCore } from '../../../electron/core';
import { prepareImageFile } from '../../../electron/core/media/preflight';
import { MemoryKeychain } from '../../../electron/core/secrets/secret-store';
import { WRITES_FILE } from './writes-tail';

export interface DriverJob {
  marker: string;
  prompt: string;
}

export interface DriverConfig {
  dataDir: string;
  apiBase: string;
  key: string;
  imagePath: string;
  jobs: DriverJob[];
  concurrency: number;
}

const config = JSON.parse(await readFile(process.argv[2] ?? '', 'utf8')) as DriverConfig;

const core = await createCore({
  dataDir: config.dataDir,
  provider: 'aggregator',
  apiBase: config.apiBase,
  keychain: new MemoryKeychain(),
  keychainService: 'Veo Studio crash test',
  concurrency: config.concurrency,
  retry: { baseDelayMs: 30, maxDelayMs: 300, maxRetryAfterMs: 1500, requestTimeoutMs: 5000 },
  clientOptions: { streamIdleTimeoutMs: 3000 },
  follow: { queuedPollMs: 30, runningPollMs: 30, maxPollMs: 150, unreachableGiveUpMs: 10_000 },
  steps: { resultRetryDelayMs: 30, downloadIdleTimeoutMs: 5000 },
});
// Each durable library write, told to the test (writes-tail.ts) so it can kill right after one: the
// database's WAL cannot be read from outside like the journal's lines could.
core.library.onChange((change) => {
  const entry = change.type === 'put' ? { op: 'put', record: { id: change.record.id, state: change.record.state, params: { prompt: change.record.params.prompt } } } : { op: 'del', id: change.id };
  appendFileSync(join(config.dataDir, WRITES_FILE), `${JSON.stringify(entry)}\n`);
});
await core.secrets.set('aggregator', config.key);
core.runner.resumeAll();

const known = new Set(core.library.list().flatMap((r) => /#job-\d+/.exec(r.params.prompt)?.[0] ?? []));
const missing = config.jobs.filter((j) => !known.has(j.marker));
if (missing.length > 0) {
  const image = await prepareImageFile(config.imagePath);
  for (const job of missing) {
    await core.runner.create({
      params: { prompt: job.prompt, aspectRatio: '16:9', duration: '4s', resolution: '720p', generateAudio: false },
      image,
      provider: core.provider,
      apiBase: core.apiBase,
    });
  }
}

const open = core.library.list().filter((r) => !isFinalState(r.state));
await Promise.all(open.map((r) => core.runner.wait(r.id)));
await core.close();
process.stdout.write('DONE\n');
