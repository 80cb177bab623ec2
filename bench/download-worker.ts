// Child process for group 2: runs our downloadToFile alone, so the process's memory is the
// downloader's. Prints one JSON line: timings, outcome and memory (RSS sampled every 5 ms, plus the
// kernel's high-water mark).
import { downloadToFile as downloadFrom, type DownloadOptions } from '../electron/core/media/download';

/** These tests serve the video from loopback, which only the provider's own host may use. */
const downloadToFile = (o: DownloadOptions) => downloadFrom({ privateHostsAllowed: ['127.0.0.1'], ...o });

export interface WorkerResult {
  ms: number;
  /** Until the last body byte was written (the rest is fsync + rename + directory fsync). */
  streamMs: number;
  bytes: number;
  resumed: boolean;
  bytesFetchedTwice: number;
  baselineRss: number;
  peakRssSampled: number;
  /** process.resourceUsage().maxRSS in bytes: includes anything before the baseline too. */
  maxRss: number;
  /** Highest sampled memoryUsage().arrayBuffers: chunk buffers, live or awaiting GC. */
  peakArrayBuffers: number;
}

async function main(): Promise<void> {
  const [url, destPath, expected] = process.argv.slice(2);
  if (!url || !destPath || !expected) throw new Error('usage: download-worker.ts <url> <dest> <expectedBytes>');
  const expectedBytes = Number(expected);
  const baselineRss = process.memoryUsage.rss();
  let peakRssSampled = baselineRss;
  let peakArrayBuffers = 0;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peakRssSampled = Math.max(peakRssSampled, usage.rss);
    peakArrayBuffers = Math.max(peakArrayBuffers, usage.arrayBuffers);
  }, 5);
  let streamEnd = 0;
  const started = performance.now();
  const outcome = await downloadToFile({
    url,
    destPath,
    expectedBytes,
    expectedContentType: 'video/mp4',
    onProgress: (p) => {
      if (p.receivedBytes === expectedBytes) streamEnd = performance.now();
    },
  });
  const ms = performance.now() - started;
  clearInterval(sampler);
  peakRssSampled = Math.max(peakRssSampled, process.memoryUsage.rss());
  const result: WorkerResult = {
    ms,
    streamMs: (streamEnd || performance.now()) - started,
    bytes: outcome.bytes,
    resumed: outcome.resumed,
    bytesFetchedTwice: outcome.bytesFetchedTwice,
    baselineRss,
    peakRssSampled,
    maxRss: process.resourceUsage().maxRSS * 1024,
    peakArrayBuffers,
  };
  console.log(JSON.stringify(result));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
