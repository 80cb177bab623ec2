// Moves a response body onto the .part file with backpressure, and makes sure that every byte that
// reached this process is on disk when the body breaks, so a resume asks for exactly what is missing
// (bytesFetchedTwice stays 0).
import type { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream';

export interface BodyHooks {
  /** Before a chunk is written. Throw to refuse it: the pump stops and rejects with that error. */
  accept(byteLength: number): void;
  /** After a chunk was handed to the file (in order; reporting progress from here is safe). */
  written(byteLength: number): void;
}

/** How the body ended. The file is flushed and closed in both cases. */
export type BodyEnd = { complete: true } | { complete: false; error: unknown };

/**
 * Pumps `body` into `file` and closes `file`. Resolves when the body ends (completely or not);
 * rejects when the file fails or a hook refused a chunk (the body is then dropped).
 */
export function pumpBody(body: Readable, file: Writable, hooks: BodyHooks): Promise<BodyEnd> {
  return new Promise((resolve, reject) => {
    let refused: { error: unknown } | undefined;
    let fileError: unknown;

    const onData = (chunk: Buffer): void => {
      if (refused || fileError !== undefined) return;
      try {
        hooks.accept(chunk.byteLength);
      } catch (error) {
        refused = { error };
        body.destroy();
        return;
      }
      if (!file.write(chunk)) body.pause();
      hooks.written(chunk.byteLength);
    };
    body.on('data', onData);
    file.on('drain', () => body.resume());
    file.on('error', (error) => {
      fileError = error;
      body.destroy();
    });
    // node:http destroys a response whose socket closed early, and a destroyed stream emits no more
    // 'data'. Chunks it had parsed but not yet emitted (it was paused for backpressure) would be
    // lost. 'aborted' is emitted synchronously inside that destroy, while they are still buffered:
    // read() hands them over (as 'data') now.
    body.once('aborted', () => {
      while (body.readableLength > 0 && body.read() !== null);
    });

    finished(body, (bodyError) => {
      body.off('data', onData);
      if (refused || fileError !== undefined) {
        file.destroy();
        finished(file, () => reject(refused ? refused.error : fileError));
        return;
      }
      file.end(); // flushes whatever is still queued, then closes the fd
      finished(file, (error) => {
        if (error) reject(error);
        else resolve(bodyError ? { complete: false, error: bodyError } : { complete: true });
      });
    });
  });
}
