// `list`, `show`, `cancel` and `resume`: reading and steering jobs already in the library.
import { JOB_STATES, type JobRecord, type JobState } from '../../../shared/domain';
import type { Core } from '../../core';
import type { ParsedOptions } from '../args';
import { EXIT, UsageError } from '../errors';
import type { CliIo } from '../io';
import { describeJob, jobToJson, listLine, watchJobs } from '../output';

export function runList(core: Core, o: ParsedOptions, io: CliIo): number {
  let states: JobState[] | undefined;
  if (o.status !== undefined) {
    if (!(JOB_STATES as readonly string[]).includes(o.status)) {
      throw new UsageError(`--status must be one of ${JOB_STATES.join(', ')} (got "${o.status}").`);
    }
    states = [o.status as JobState];
  }
  const records = core.library.list({ ...(o.search ? { search: o.search } : {}), ...(states ? { states } : {}), sort: 'newest' });
  const resolve = (rel: string) => core.library.resolve(rel);
  if (o.json) io.out(JSON.stringify(records.map((r) => jobToJson(r, resolve))));
  else if (records.length === 0) io.err('No jobs match.');
  else for (const r of records) io.out(listLine(r));
  return EXIT.ok;
}

export function findJob(core: Core, idOrPrefix: string | undefined): JobRecord {
  if (!idOrPrefix) throw new UsageError('Give a job id (the first 8 characters are enough).');
  const exact = core.library.get(idOrPrefix);
  if (exact) return exact;
  // Match on summaries: reading every full record to compare ids would cost seconds at 50,000 jobs.
  const matches = core.library.summaries().filter((r) => r.id.startsWith(idOrPrefix));
  const only = matches.length === 1 && matches[0] ? core.library.get(matches[0].id) : undefined;
  if (only) return only;
  if (matches.length > 1) throw new UsageError(`"${idOrPrefix}" matches ${matches.length} jobs; give more characters.`);
  throw new UsageError(`No job "${idOrPrefix}" in the library at ${core.library.dir}. "list" shows the jobs.`);
}

export function runShow(core: Core, id: string | undefined, o: ParsedOptions, io: CliIo): number {
  const rec = findJob(core, id);
  const resolve = (rel: string) => core.library.resolve(rel);
  io.out(o.json ? JSON.stringify(jobToJson(rec, resolve)) : describeJob(rec, resolve));
  return EXIT.ok;
}

export async function runCancel(core: Core, id: string | undefined, o: ParsedOptions, io: CliIo): Promise<number> {
  const found = findJob(core, id);
  const unsubscribe = watchJobs(core.runner.events, io.err);
  try {
    await core.runner.cancel(found.id);
    // Follow to the end: the server may still finish the job, and the record must say what happened.
    const rec = await core.runner.wait(found.id);
    const resolve = (rel: string) => core.library.resolve(rel);
    io.out(o.json ? JSON.stringify(jobToJson(rec, resolve)) : describeJob(rec, resolve));
    return rec.state === 'completed' ? EXIT.ok : EXIT.failed;
  } finally {
    unsubscribe();
  }
}

export async function runResume(core: Core, o: ParsedOptions, io: CliIo): Promise<number> {
  const ids = core.runner.resumeAll();
  if (ids.length === 0) {
    io.err('Nothing to resume: every job has finished.');
    if (o.json) io.out('[]');
    return EXIT.ok;
  }
  io.err(`Resuming ${ids.length} unfinished job(s); none will be submitted twice.`);
  const unsubscribe = watchJobs(core.runner.events, io.err);
  try {
    const records = await Promise.all(ids.map((id) => core.runner.wait(id)));
    const resolve = (rel: string) => core.library.resolve(rel);
    if (o.json) io.out(JSON.stringify(records.map((r) => jobToJson(r, resolve))));
    else for (const r of records) io.out(describeJob(r, resolve));
    return records.every((r) => r.state === 'completed') ? EXIT.ok : EXIT.failed;
  } finally {
    unsubscribe();
  }
}
