// The library's in-memory view, built from job summaries (not full records): a Map by id for lookups,
// an array kept sorted by creation time for listing, and a lower-cased search text per job, so search
// and paging stay in the low milliseconds at 50,000 jobs without any database.
import type { JobRecord, JobState } from '../../../shared/domain';
import type { JobSummary } from '../../../shared/job-summary';

export interface ListQuery {
  /** Case-insensitive substring of the prompt, negative prompt, request id or job id. */
  search?: string;
  states?: JobState[];
  favourite?: boolean;
  sort?: 'newest' | 'oldest';
  limit?: number;
  offset?: number;
}

interface Entry {
  record: JobSummary;
  createdMs: number;
  /** Lower-cased search text, made on the first search that needs it: opening does not pay for it. */
  haystack: string | undefined;
}

function toEntry(record: JobSummary): Entry {
  const parsed = Date.parse(record.createdAt);
  return { record, createdMs: Number.isNaN(parsed) ? 0 : parsed, haystack: undefined };
}

function haystackOf(e: Entry): string {
  const { record } = e;
  e.haystack ??= [record.params.prompt, record.params.negativePrompt ?? '', record.requestId ?? '', record.id].join('\n').toLowerCase();
  return e.haystack;
}

/** Oldest first; ties broken by id so the order is total and stable across restarts. */
function compare(a: Entry, b: Entry): number {
  if (a.createdMs !== b.createdMs) return a.createdMs - b.createdMs;
  return a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0;
}

/**
 * Records handed out are frozen, so a caller mutating one (instead of calling update) fails loudly
 * rather than silently diverging from the disk. Two levels only (the record and its objects/arrays
 * such as params, input, logs): a full deep freeze cost ~75 ms on open at 10,000 records.
 */
export function freezeRecord<T extends JobRecord | JobSummary>(record: T): T {
  for (const key in record) {
    const value: unknown = record[key];
    if (typeof value === 'object' && value !== null) Object.freeze(value);
  }
  return Object.freeze(record);
}

export class RecordIndex {
  private readonly byId = new Map<string, Entry>();
  private sorted: Entry[] = [];

  constructor(records: Iterable<JobSummary> = []) {
    for (const record of records) this.byId.set(record.id, toEntry(freezeRecord(record)));
    this.sorted = [...this.byId.values()].sort(compare);
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): JobSummary | undefined {
    return this.byId.get(id)?.record;
  }

  /** Oldest first. */
  values(): JobSummary[] {
    return this.sorted.map((e) => e.record);
  }

  /** Inserts or replaces; returns the stored (frozen) summary. */
  set(record: JobSummary): JobSummary {
    this.remove(record.id);
    const entry = toEntry(freezeRecord(record));
    this.byId.set(record.id, entry);
    this.sorted.splice(this.insertionPoint(entry), 0, entry);
    return entry.record;
  }

  remove(id: string): boolean {
    const entry = this.byId.get(id);
    if (entry === undefined) return false;
    this.byId.delete(id);
    const at = this.insertionPoint(entry);
    // insertionPoint finds the first slot not before `entry`; the entry itself sits there.
    if (this.sorted[at] === entry) this.sorted.splice(at, 1);
    else this.sorted.splice(this.sorted.indexOf(entry), 1);
    return true;
  }

  list(query: ListQuery = {}): JobSummary[] {
    const offset = Math.max(0, Math.trunc(query.offset ?? 0));
    const limit = query.limit === undefined ? Infinity : Math.max(0, Math.trunc(query.limit));
    const out: JobSummary[] = [];
    if (limit === 0) return out;
    const matches = this.matcher(query);
    let skipped = 0;
    const newest = (query.sort ?? 'newest') === 'newest';
    for (let i = 0; i < this.sorted.length; i++) {
      const entry = this.sorted[newest ? this.sorted.length - 1 - i : i] as Entry;
      if (!matches(entry)) continue;
      if (skipped < offset) {
        skipped++;
        continue;
      }
      out.push(entry.record);
      if (out.length >= limit) break;
    }
    return out;
  }

  count(query: Omit<ListQuery, 'limit' | 'offset'> = {}): number {
    if (query.search === undefined && query.states === undefined && query.favourite === undefined) {
      return this.byId.size;
    }
    const matches = this.matcher(query);
    let n = 0;
    for (const entry of this.sorted) if (matches(entry)) n++;
    return n;
  }

  private matcher(query: Omit<ListQuery, 'limit' | 'offset' | 'sort'>): (e: Entry) => boolean {
    const needle = query.search?.trim().toLowerCase() ?? '';
    const states = query.states !== undefined ? new Set<JobState>(query.states) : undefined;
    const favourite = query.favourite;
    return (e) =>
      (states === undefined || states.has(e.record.state)) &&
      (favourite === undefined || e.record.favourite === favourite) &&
      (needle === '' || haystackOf(e).includes(needle));
  }

  /** Binary search: index of the first entry that does not sort before `entry`. */
  private insertionPoint(entry: Entry): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(this.sorted[mid] as Entry, entry) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
