// pumpBody keeps every byte that reached the process, even those node:http had buffered (the body
// was paused for backpressure) when the connection closed early.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable, Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pumpBody } from '../../../electron/core/media/download-body';
import { openWithNodeHttp } from '../../../electron/core/media/download-transport';

let server: http.Server;
let baseUrl: string;
let handler: (res: http.ServerResponse) => void;

beforeEach(async () => {
  server = http.createServer((_req, res) => handler(res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** A sink that holds the callback of its first write until `release()`: the body must pause. */
function heldSink(): { sink: Writable; chunks: Buffer[]; firstWrite: Promise<void>; release: () => void } {
  const chunks: Buffer[] = [];
  let held: (() => void) | undefined;
  let released = false;
  let gotFirst!: () => void;
  const firstWrite = new Promise<void>((resolve) => (gotFirst = resolve));
  const sink = new Writable({
    highWaterMark: 1,
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      if (chunks.length === 1 && !released) {
        held = callback;
        gotFirst();
      } else callback();
    },
  });
  const release = (): void => {
    released = true;
    held?.();
  };
  return { sink, chunks, firstWrite, release };
}

describe('pumpBody', () => {
  it('writes the bytes a paused response had buffered when its connection closed', async () => {
    const first = Buffer.alloc(1_000, 1);
    const second = Buffer.alloc(3_000, 2); // small: it sits in the paused response's buffer
    const { sink, chunks, firstWrite, release } = heldSink();
    handler = (res) => {
      res.writeHead(200, { 'Content-Length': 1_000_000 });
      res.write(first);
      // Only once the client is stuck on the first chunk: the second then arrives while it is paused.
      void firstWrite.then(() => res.write(second, () => res.socket?.destroy()));
    };
    const answer = await openWithNodeHttp(['127.0.0.1'])(`${baseUrl}/`, {}, new AbortController().signal);
    // Let the sink drain only once the response is closed for good: a resume then comes too late.
    answer.body.once('close', release);
    const written: number[] = [];
    const end = await pumpBody(answer.body, sink, { accept: () => undefined, written: (n) => written.push(n) });
    expect(end.complete).toBe(false);
    expect(Buffer.concat(chunks).equals(Buffer.concat([first, second]))).toBe(true);
    expect(written.reduce((a, b) => a + b, 0)).toBe(first.length + second.length);
  });

  it('resolves complete once the whole body is flushed', async () => {
    const chunks: Buffer[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _e, cb) => void (chunks.push(chunk), setImmediate(cb)) });
    const end = await pumpBody(Readable.from([Buffer.from('ab'), Buffer.from('cd')]), sink, { accept: () => undefined, written: () => undefined });
    expect(end).toEqual({ complete: true });
    expect(Buffer.concat(chunks).toString()).toBe('abcd');
    expect(sink.writableFinished).toBe(true);
  });

  it('stops and rejects with the error of a refused chunk, writing nothing more', async () => {
    const chunks: Buffer[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _e, cb) => void (chunks.push(chunk), cb()) });
    const refusal = new Error('too long');
    const body = Readable.from([Buffer.from('ok'), Buffer.from('too much'), Buffer.from('more')]);
    const hooks = { accept: (n: number) => void (n > 2 ? (() => { throw refusal; })() : undefined), written: () => undefined };
    await expect(pumpBody(body, sink, hooks)).rejects.toBe(refusal);
    expect(Buffer.concat(chunks).toString()).toBe('ok');
    expect(body.destroyed).toBe(true);
  });

  it('rejects with the disk error and stops reading the body', async () => {
    const diskFull = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    const sink = new Writable({ write: (_chunk, _e, cb) => cb(diskFull) });
    const body = Readable.from([Buffer.from('a'), Buffer.from('b')]);
    await expect(pumpBody(body, sink, { accept: () => undefined, written: () => undefined })).rejects.toBe(diskFull);
    expect(body.destroyed).toBe(true);
  });
});
