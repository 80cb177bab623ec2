// Follows the crash driver's log of library writes (crash-driver.ts appends one line per durable write
// to the library) from outside its process, so the crash test can land a kill right after a given kind
// of write: "a record just turned queued", "the n-th write since start". inotify (fs.watch on the
// folder) gives sub-millisecond notice; a short poll backs it up where watching is unreliable.
import { watch, type FSWatcher } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';

/** In the data folder, outside the library: crash-driver.ts appends one line per library write. */
export const WRITES_FILE = 'library-writes.jsonl';

export interface WriteEntry {
  /** Parsed line, or undefined for a line that is not JSON (torn). */
  op?: { op?: string; id?: string; record?: { id: string; state: string; params?: { prompt?: string }; requestId?: string } };
  bytes: number;
}

type Listener = (entry: WriteEntry) => void;

export class WritesTail {
  private offset = 0;
  private partial = '';
  private reading = false;
  private again = false;
  private watcher: FSWatcher | undefined;
  private poll: NodeJS.Timeout | undefined;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly path: string) {}

  /** Starts at the current end of the file: only writes from now on are reported. */
  async start(): Promise<void> {
    this.offset = await sizeOf(this.path);
    this.watcher = watch(dirname(this.path), (_event, name) => {
      if (name === basename(this.path)) void this.read();
    });
    this.poll = setInterval(() => void this.read(), 10);
  }

  stop(): void {
    this.watcher?.close();
    clearInterval(this.poll);
    this.listeners.clear();
  }

  /** Calls `listener` for each appended line; returns the unsubscribe. */
  onEntry(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves with the first appended line that matches. */
  next(match: (entry: WriteEntry) => boolean): Promise<WriteEntry> {
    return new Promise((resolve) => {
      const off = this.onEntry((e) => {
        if (match(e)) {
          off();
          resolve(e);
        }
      });
    });
  }

  private async read(): Promise<void> {
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = true;
    try {
      do {
        this.again = false;
        await this.readNew();
      } while (this.again);
    } finally {
      this.reading = false;
    }
  }

  private async readNew(): Promise<void> {
    const size = await sizeOf(this.path);
    if (size === this.offset) return;
    const handle = await open(this.path, 'r');
    try {
      const buffer = Buffer.alloc(size - this.offset);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, this.offset);
      this.offset += bytesRead;
      const text = this.partial + buffer.toString('utf8', 0, bytesRead);
      const lines = text.split('\n');
      this.partial = lines.pop() ?? '';
      for (const line of lines) {
        if (line.trim() === '') continue;
        let op: WriteEntry['op'];
        try {
          op = JSON.parse(line) as WriteEntry['op'];
        } catch {
          op = undefined;
        }
        for (const l of [...this.listeners]) l({ op, bytes: line.length });
      }
    } finally {
      await handle.close();
    }
  }
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}
