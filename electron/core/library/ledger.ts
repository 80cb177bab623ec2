// The spend ledger: what was charged on this machine, kept in its own append-only file
// (library/spend-ledger.jsonl) so that deleting, restoring or importing jobs never changes it.
//
// The rule — a job is charged once, when a provider ACCEPTS it (it has a request id), at the price
// of that provider at that moment:
//   • billed providers (aggregator, fal) write a `charge` line with that price;
//   • the simulator writes a `charge` line with usd 0 and its list price as `listUsd` ("would cost");
//   • a job that then fails with `notCharged` (fal does not bill 5xx failures) gets a `void` line;
//   • a voided job that later completes after all ("Check again" fetched the video) was billed after
//     all: a `restore` line undoes the void;
//   • a job cancelled before it was sent has no request id and is never charged; one cancelled after
//     it was queued stays charged, because the provider may bill it;
//   • imported jobs (`importedAt`) are never charged here: their own machine paid for them and
//     counted them there. Counting them again would make "today" jump on every import.
// Lines are written then fdatasync'ed, one write call each; a torn last line is skipped on open and
// the next append starts on a fresh line. On open, `reconcile` adds what a crash between the
// journal's write and the ledger's may have missed (records are the only other witness).
import { createReadStream, promises as fsp } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import type { JobCost, LedgerInfo } from '../../../shared/contract';
import { PROVIDERS, type JobRecord } from '../../../shared/domain';
import { estimateCostUsd, isBilledProvider, priceTableFor } from '../../../shared/pricing';
import { fsyncDirectory } from '../fs/atomic';
import { summarizeLedger } from './ledger-summary';

export const LEDGER_FILE = 'spend-ledger.jsonl';

const ChargeSchema = z.object({
  type: z.literal('charge'),
  at: z.string().max(40),
  jobId: z.string().min(1).max(200),
  requestId: z.string().max(500),
  provider: z.enum(PROVIDERS),
  /** What was charged: 0 for a free provider. */
  usd: z.number().min(0).max(100_000),
  /** The list price of the same job, for "free — would cost $3.20". */
  listUsd: z.number().min(0).max(100_000),
});
const VoidSchema = z.object({
  type: z.literal('void'),
  at: z.string().max(40),
  jobId: z.string().min(1).max(200),
  reason: z.literal('not_charged'),
});
const RestoreSchema = z.object({
  type: z.literal('restore'),
  at: z.string().max(40),
  jobId: z.string().min(1).max(200),
  reason: z.literal('completed'),
});
const EntrySchema = z.discriminatedUnion('type', [ChargeSchema, VoidSchema, RestoreSchema]);
export type LedgerCharge = z.infer<typeof ChargeSchema>;
export type LedgerEntry = z.infer<typeof EntrySchema>;

/** Charges the ledger knows, with whether each was voided later. */
export interface LedgerCharges {
  charges: ReadonlyMap<string, LedgerCharge>;
  voided: ReadonlySet<string>;
}

export class SpendLedger implements LedgerCharges {
  readonly charges = new Map<string, LedgerCharge>();
  readonly voided = new Set<string>();
  /** Unreadable lines seen on open (kept in the file, skipped here). */
  problems = 0;
  private tail: Promise<unknown> = Promise.resolve();
  private needsLeadingNewline = false;
  private fileExists = false;

  private constructor(readonly file: string) {}

  static async open(libraryDir: string): Promise<SpendLedger> {
    const ledger = new SpendLedger(path.join(libraryDir, LEDGER_FILE));
    await ledger.replay();
    return ledger;
  }

  /** Records what this job state means for spend: its charge when accepted, a void when not billed. */
  observe(rec: JobRecord): Promise<void> {
    return this.enqueue(() => this.appendAll(this.entriesFor(rec)));
  }

  /**
   * After a crash between the journal's write and the ledger's (or on the first run of a library
   * older than the ledger): adds what the records prove, in one write and one fsync.
   */
  reconcile(records: Iterable<JobRecord>): Promise<void> {
    return this.enqueue(async () => {
      const entries: LedgerEntry[] = [];
      const pending = new Set<string>();
      for (const rec of records) {
        for (const entry of this.entriesFor(rec, pending)) {
          entries.push(entry);
          pending.add(`${entry.type}:${entry.jobId}`);
        }
      }
      await this.appendAll(entries);
    });
  }

  /**
   * From a job's summary alone, whether its full record could add an entry (entriesFor): startup
   * reconciles those few, not every record of the library.
   */
  mayNeedEntries(job: Pick<JobRecord, 'id' | 'requestId' | 'state'>): boolean {
    if (!job.requestId) return false;
    if (!this.charges.has(job.id)) return true;
    return job.state === 'failed' ? !this.voided.has(job.id) : job.state === 'completed' && this.voided.has(job.id);
  }

  private entriesFor(rec: JobRecord, pending: ReadonlySet<string> = new Set()): LedgerEntry[] {
    if (rec.importedAt !== undefined || !rec.requestId) return [];
    const entries: LedgerEntry[] = [];
    const charged = this.charges.has(rec.id) || pending.has(`charge:${rec.id}`);
    if (!charged) entries.push(chargeFor({ ...rec, requestId: rec.requestId }));
    if (rec.state === 'failed' && rec.error?.notCharged && !this.voided.has(rec.id) && !pending.has(`void:${rec.id}`)) {
      entries.push({ type: 'void', at: rec.finishedAt ?? rec.updatedAt, jobId: rec.id, reason: 'not_charged' });
    }
    if (rec.state === 'completed' && this.voided.has(rec.id) && !pending.has(`restore:${rec.id}`)) {
      entries.push({ type: 'restore', at: rec.finishedAt ?? rec.updatedAt, jobId: rec.id, reason: 'completed' });
    }
    return entries;
  }

  summary(offsetMinutes?: number): LedgerInfo {
    return summarizeLedger(this, offsetMinutes);
  }

  /** The job's cost as charged, or why it was not. */
  costOf(rec: JobRecord): JobCost {
    const charge = this.charges.get(rec.id);
    const list = estimateCostUsd(rec.params, priceTableFor(rec.provider));
    if (rec.importedAt !== undefined && !charge) return { status: 'imported', usd: list };
    if (!charge) {
      // Accepted but not yet written (the append is a moment behind the record), or never sent.
      if (!rec.requestId) return { status: 'not_sent', usd: list };
      return { status: isBilledProvider(rec.provider) ? 'charged' : 'free', usd: list };
    }
    if (this.voided.has(rec.id)) return { status: 'not_charged', usd: charge.listUsd, at: charge.at };
    if (!isBilledProvider(charge.provider)) return { status: 'free', usd: charge.listUsd, at: charge.at };
    return { status: 'charged', usd: charge.usd, at: charge.at };
  }

  /** Waits for pending appends. */
  async flush(): Promise<void> {
    await this.tail;
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.tail.then(task);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private apply(entry: LedgerEntry): void {
    if (entry.type === 'charge') {
      if (!this.charges.has(entry.jobId)) this.charges.set(entry.jobId, entry);
    } else if (entry.type === 'restore') {
      this.voided.delete(entry.jobId);
    } else if (this.charges.has(entry.jobId)) {
      this.voided.add(entry.jobId);
    }
  }

  /** One write call, then fdatasync: once this resolves, the entries survive a crash. */
  private async appendAll(entries: LedgerEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const text = `${this.needsLeadingNewline ? '\n' : ''}${entries.map((e) => `${JSON.stringify(e)}\n`).join('')}`;
    const handle = await fsp.open(this.file, 'a');
    try {
      const buffer = Buffer.from(text, 'utf8');
      let offset = 0;
      while (offset < buffer.length) offset += (await handle.write(buffer, offset, buffer.length - offset)).bytesWritten;
      await handle.datasync();
      // A new file's name is only durable once its folder is synced too.
      if (!this.fileExists) await fsyncDirectory(path.dirname(this.file));
      this.fileExists = true;
    } catch (error) {
      // Part of a line may be on disk (disk full): the next append must start on a fresh line.
      this.needsLeadingNewline = true;
      throw error;
    } finally {
      await handle.close();
    }
    this.needsLeadingNewline = false;
    for (const entry of entries) this.apply(entry);
  }

  private async replay(): Promise<void> {
    let size: number;
    try {
      size = (await fsp.stat(this.file)).size;
      this.fileExists = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    if (size === 0) return;
    // Read line by line: the file only grows, and no single line may hold the rest hostage.
    const lines = createInterface({ input: createReadStream(this.file, { encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const line of lines) {
      if (line.trim() === '' || line.length > 4096) {
        if (line.trim() !== '') this.problems++;
        continue;
      }
      const entry = parseEntry(line);
      if (entry) this.apply(entry);
      else this.problems++;
    }
    const handle = await fsp.open(this.file, 'r');
    try {
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      this.needsLeadingNewline = last[0] !== 0x0a;
    } finally {
      await handle.close();
    }
  }
}

function parseEntry(line: string): LedgerEntry | undefined {
  try {
    const parsed = EntrySchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function chargeFor(rec: JobRecord & { requestId: string }): LedgerCharge {
  const listUsd = estimateCostUsd(rec.params, priceTableFor(rec.provider));
  return {
    type: 'charge',
    at: rec.submittedAt ?? rec.updatedAt,
    jobId: rec.id,
    requestId: rec.requestId,
    provider: rec.provider,
    usd: isBilledProvider(rec.provider) ? listUsd : 0,
    listUsd,
  };
}
