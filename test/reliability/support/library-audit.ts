// Checks a library folder after the crash test, reading the database directly with SQL (not through
// LibraryStore) so a bug in the store cannot vouch for itself. Every broken promise becomes one readable sentence
// in `problems`; the figures feed docs/reliability.md.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'libsql';
import { JobRecordSchema, type JobRecord } from '../../../shared/domain';
import type { SimJobView } from '../../../electron/core/simulator';
import { MARKER_PATTERN, type SubmitRecord } from './submit-gate';

export interface AuditInput {
  libraryDir: string;
  sample: Buffer;
  /** marker → simulator scenario it was created with. */
  scenarios: ReadonlyMap<string, string>;
  submits: readonly SubmitRecord[];
  simJobs: readonly SimJobView[];
  /** Date.now() of every SIGKILL. */
  killTimes: readonly number[];
}

export interface AuditReport {
  records: number;
  byOutcome: Record<string, number>;
  /** Rows in the jobs table (SQLite rolls a transaction a kill cut short back: there are no torn rows). */
  rows: number;
  /** `*.tmp` / `*.part` files anywhere in the library. */
  leftovers: string[];
  /** media/<id> folders with no record: input copies of a job that was never saved. */
  orphanMediaDirs: string[];
  /** Broken promises about money and data: lost, doubled, corrupt, incomplete. */
  problems: string[];
}

/** What each scenario must end as when nothing interrupted its submit. */
const EXPECTED_END: Record<string, string> = {
  content_policy: 'failed/content_policy',
  expired_url: 'failed/expired',
  submit_reset: 'failed/outcome_unknown',
  server_error_final: 'failed/transient',
};

const outcomeOf = (r: JobRecord): string => (r.state === 'failed' ? `failed/${r.error?.kind}` : r.state);
const markerOf = (r: JobRecord): string | undefined => MARKER_PATTERN.exec(r.params.prompt)?.[0];

export async function auditLibrary(input: AuditInput): Promise<AuditReport> {
  const problems: string[] = [];
  const { records, rows } = readIndependently(input.libraryDir, problems);
  const byMarker = new Map<string, JobRecord>();
  for (const r of records.values()) {
    const marker = markerOf(r);
    if (!marker) problems.push(`record ${r.id} carries no job marker`);
    else if (byMarker.has(marker)) problems.push(`${marker} was created twice in the library (${byMarker.get(marker)?.id}, ${r.id})`);
    else byMarker.set(marker, r);
  }

  for (const [marker, scenario] of input.scenarios) {
    const r = byMarker.get(marker);
    if (r) await checkRecord(input, r, scenario, problems);
  }
  checkAgainstServer(input, byMarker, problems);

  const { leftovers, orphanMediaDirs } = await scanFiles(input.libraryDir, records);

  const byOutcome: Record<string, number> = {};
  for (const r of records.values()) byOutcome[outcomeOf(r)] = (byOutcome[outcomeOf(r)] ?? 0) + 1;
  return { records: records.size, byOutcome, rows, leftovers, orphanMediaDirs, problems };
}

/** Every row of the jobs table, each record validated: a row that is not a valid record is a problem. */
function readIndependently(dir: string, problems: string[]) {
  const db = new Database(join(dir, 'library.db'));
  try {
    const rows = db.prepare('SELECT j.id, r.record FROM jobs j LEFT JOIN job_records r ON r.seq = j.seq').raw().all() as Array<[string, string | null]>;
    const records = new Map<string, JobRecord>();
    for (const [id, text] of rows) {
      let json: unknown;
      try {
        json = JSON.parse(text ?? '');
      } catch {
        problems.push(`the row of job ${id} is not JSON: ${(text ?? '(no record)').slice(0, 120)}`);
        continue;
      }
      const parsed = JobRecordSchema.safeParse(json);
      if (!parsed.success || parsed.data.id !== id) problems.push(`the row of job ${id} is not a valid record: ${(text ?? '').slice(0, 120)}`);
      else records.set(id, parsed.data);
    }
    return { records, rows: rows.length };
  } finally {
    db.close();
  }
}

async function checkRecord(input: AuditInput, r: JobRecord, scenario: string, problems: string[]): Promise<void> {
  const where = `${markerOf(r)} (${scenario}, job ${r.id})`;
  const outcome = outcomeOf(r);
  if (!['completed', 'failed', 'cancelled'].includes(r.state)) problems.push(`${where} never finished: ${r.state}`);
  if (outcome === 'failed/outcome_unknown') {
    if (!r.submitSentAt) problems.push(`${where} is outcome_unknown but was never sent`);
    if (r.requestId) problems.push(`${where} is outcome_unknown although its request id ${r.requestId} was saved`);
    const sent = Date.parse(r.submitSentAt ?? '');
    const interrupted = input.killTimes.some((k) => k >= sent - 5 && k <= Date.parse(r.finishedAt ?? '') + 5);
    if (scenario !== 'submit_reset' && !interrupted) problems.push(`${where} is outcome_unknown but no kill interrupted its submit`);
  } else if (outcome !== (EXPECTED_END[scenario] ?? 'completed')) {
    problems.push(`${where} ended ${outcome} (${r.error?.message ?? 'no error'}), expected ${EXPECTED_END[scenario] ?? 'completed'}`);
  }
  if (r.state === 'completed') await checkVideo(input, r, where, problems);
}

async function checkVideo(input: AuditInput, r: JobRecord, where: string, problems: string[]): Promise<void> {
  const expectedPath = `media/${r.id}/video.mp4`;
  if (r.videoPath !== expectedPath) return void problems.push(`${where} is completed with videoPath ${r.videoPath}`);
  let bytes: Buffer;
  try {
    bytes = await readFile(join(input.libraryDir, expectedPath));
  } catch {
    return void problems.push(`${where} is completed but ${expectedPath} is missing`);
  }
  if (bytes.length !== r.videoBytes || bytes.length !== input.sample.length || r.result?.fileSize !== input.sample.length) {
    problems.push(`${where}: video has ${bytes.length} bytes, record says ${r.videoBytes}, server sent ${input.sample.length}`);
  } else if (bytes.toString('latin1', 4, 8) !== 'ftyp' || !bytes.equals(input.sample)) {
    problems.push(`${where}: video bytes differ from the served clip`);
  }
}

/** Submits as the server saw them: none lost, none doubled, every request id attributable. */
function checkAgainstServer(input: AuditInput, byMarker: ReadonlyMap<string, JobRecord>, problems: string[]): void {
  const simJobsByMarker = new Map<string, string[]>();
  for (const job of input.simJobs) {
    const submits = input.submits.filter((s) => s.requestId === job.requestId);
    const marker = submits[0]?.marker;
    if (submits.length !== 1 || !marker) {
      problems.push(`simulator job ${job.requestId} cannot be tied to exactly one submit (${submits.length})`);
      continue;
    }
    simJobsByMarker.set(marker, [...(simJobsByMarker.get(marker) ?? []), job.requestId]);
  }
  for (const [marker, ids] of simJobsByMarker) {
    if (ids.length > 1) problems.push(`DOUBLE SUBMIT: ${marker} was created ${ids.length} times on the server (${ids.join(', ')})`);
    const r = byMarker.get(marker);
    if (!r) {
      problems.push(`LOST: ${marker} reached the server as ${ids.join(', ')} but is not in the library`);
      continue;
    }
    if (r.requestId === undefined && outcomeOf(r) !== 'failed/outcome_unknown') {
      problems.push(`${marker} reached the server as ${ids[0]} but its record has no request id and is ${outcomeOf(r)}`);
    }
  }
  for (const [marker, r] of byMarker) {
    if (r.requestId === undefined) continue;
    const ids = simJobsByMarker.get(marker) ?? [];
    if (!ids.includes(r.requestId)) problems.push(`${marker} saved request id ${r.requestId}, which the server never created for it`);
  }
}

/** Every *.tmp / *.part anywhere in the library, and media folders without a record. */
async function scanFiles(dir: string, records: ReadonlyMap<string, JobRecord>) {
  const leftovers: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    for (const entry of await readdir(join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (/\.(tmp|part)$/.test(entry.name)) leftovers.push(child);
      if (entry.isDirectory()) await walk(child);
    }
  };
  await walk('');
  let mediaIds: string[] = [];
  try {
    mediaIds = await readdir(join(dir, 'media'));
  } catch {
    /* no media yet */
  }
  const orphanMediaDirs = mediaIds.filter((id) => !records.has(id)).map((id) => `media/${id}`);
  return { leftovers, orphanMediaDirs };
}
