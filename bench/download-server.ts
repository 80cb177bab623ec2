// Child process for group 2: serves one file from loopback, in its own process so its buffers do
// not count against the downloader's memory. GET /file answers Range with 206; GET /file?cut=1 sends
// the first half of the file without a Range header and then hangs up (an interrupted download).
// The parent asks for the body bytes sent so far ({type:'stats'}) to count bytes fetched twice.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerParent, exitWithParent } from './child';

export interface ServerReady {
  url: string;
  size: number;
}

export interface ServerStats {
  bytesSent: number;
  requests: number;
  /** Where each ranged request started: shows how much of the first answer the client kept. */
  rangeStarts: number[];
}

const file = process.argv[2];
if (!file) throw new Error('usage: download-server.ts <file>');
const size = statSync(file).size;
const stats: ServerStats = { bytesSent: 0, requests: 0, rangeStarts: [] };

/** "bytes=N-" or "bytes=N-M" within the file; anything else is served whole (as many CDNs do). */
function rangeOf(header: string | undefined): { start: number; end: number } | undefined {
  const match = /^bytes=(\d+)-(\d*)$/.exec(header ?? '');
  if (!match) return undefined;
  const start = Number(match[1]);
  const end = match[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
  return start <= end ? { start, end } : undefined;
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname !== '/file' || req.method !== 'GET') return void res.writeHead(404).end();
  stats.requests++;
  const range = rangeOf(req.headers.range);
  if (range) stats.rangeStarts.push(range.start);
  const cut = url.searchParams.get('cut') === '1' && !range;
  const start = range?.start ?? 0;
  const end = cut ? Math.floor(size / 2) - 1 : (range?.end ?? size - 1);
  const headers: Record<string, string | number> = {
    'content-type': 'video/mp4',
    'accept-ranges': 'bytes',
    'content-length': range ? end - start + 1 : size,
  };
  if (range) headers['content-range'] = `bytes ${start}-${end}/${size}`;
  res.writeHead(range ? 206 : 200, headers);
  const body = createReadStream(file, { start, end, highWaterMark: 1024 * 1024 });
  body.on('data', (chunk) => (stats.bytesSent += chunk.length));
  body.on('error', () => res.destroy());
  if (!cut) return void body.pipe(res);
  // Promise the whole file, deliver half, then close the connection cleanly (FIN after the last
  // byte, not a reset), so every byte counted as sent does reach the client's socket.
  body.pipe(res, { end: false });
  body.on('end', () => res.socket?.end());
});

exitWithParent(
  () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
);
answerParent((question) => {
  if (question.type === 'reset') Object.assign(stats, { bytesSent: 0, requests: 0, rangeStarts: [] });
  return { ...stats, rangeStarts: [...stats.rangeStarts] };
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ url: `http://127.0.0.1:${port}/file`, size } satisfies ServerReady);
});
