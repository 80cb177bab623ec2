// Reads the journal of the versions before SQLite (to migrate it, journal-import.ts) as a stream of
// lines, a chunk at a time, so no file size — and no single line, however long — can stop the library
// from opening. Reading the whole file into one string failed outright past V8's string limit
// ("Cannot create a string longer than 0x1fffffe8") when one record carried a 180 MB string. A line
// longer than MAX_JOURNAL_LINE_BYTES is not decoded at all: it is handed on with its position only, to
// be reported and skipped like a corrupt one.
import { promises as fsp } from 'node:fs';

/** No record within RECORD_LIMITS comes close (they stay well under 1 MiB as JSON). */
export const MAX_JOURNAL_LINE_BYTES = 8 * 1024 * 1024;
const CHUNK_BYTES = 1024 * 1024;
const NEWLINE = 0x0a;

export interface JournalLine {
  /** The line's text, or undefined when it was longer than the limit (it was not read into memory). */
  text: string | undefined;
  /** Byte offset of the line's first byte and its length without the newline. */
  start: number;
  bytes: number;
  /** False only for a last line with no newline after it (a torn write). */
  terminated: boolean;
}

/** Calls `onLine` for every line in order, with its text. A missing file has no lines. */
export async function forEachJournalLine(
  filePath: string,
  onLine: (line: JournalLine) => void,
  maxLineBytes: number = MAX_JOURNAL_LINE_BYTES,
): Promise<void> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(filePath, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    // The current line so far: copies of earlier chunks' pieces (only when a line spans chunks).
    let parts: Buffer[] = [];
    let lineStart = 0;
    let lineBytes = 0;
    let oversized = false;
    let position = 0;
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, position);
      if (bytesRead === 0) break;
      const view = chunk.subarray(0, bytesRead);
      let from = 0;
      while (from < bytesRead) {
        const newline = view.indexOf(NEWLINE, from);
        const end = newline === -1 ? bytesRead : newline;
        lineBytes += end - from;
        if (!oversized && lineBytes > maxLineBytes) {
          oversized = true;
          parts = [];
        }
        if (newline === -1) {
          if (!oversized) parts.push(Buffer.from(view.subarray(from, end)));
          break;
        }
        let raw: Buffer | undefined;
        if (!oversized) raw = parts.length === 0 ? view.subarray(from, end) : Buffer.concat([...parts, view.subarray(from, end)]);
        onLine({ text: raw?.toString('utf8'), start: lineStart, bytes: lineBytes, terminated: true });
        parts = [];
        lineBytes = 0;
        oversized = false;
        from = newline + 1;
        lineStart = position + from;
      }
      position += bytesRead;
    }
    if (lineBytes > 0) {
      onLine({ text: oversized ? undefined : Buffer.concat(parts).toString('utf8'), start: lineStart, bytes: lineBytes, terminated: false });
    }
  } finally {
    await handle.close();
  }
}
