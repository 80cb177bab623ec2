// startSimulator(): the queue API and the video CDN on two loopback ports (two origins, as in
// production, so a client that leaks its key to the CDN is caught by the request log).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SimAccount } from './aggregator';
import { createCdnHandler } from './cdn';
import { allowedHostNames } from './exchange';
import { JobRegistry } from './job-registry';
import { createRequestLog, DEFAULT_REQUEST_LOG_LIMIT } from './request-log';
import { createApiHandler } from './server';
import {
  DEFAULT_PING_INTERVAL_MS,
  DEFAULT_SLOW_DOWNLOAD_BYTES_PER_SECOND,
  DEFAULT_TIMING,
  type SimTiming,
  type Simulator,
  type SimulatorOptions,
} from './types';
import { loadVideoSource } from './video-source';

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new Error(`simulator: ${name} must be a positive number, got ${value}`);
  return value;
}

function resolveTiming(partial: Partial<SimTiming> = {}): SimTiming {
  const timing = { ...DEFAULT_TIMING, ...partial };
  for (const [name, value] of Object.entries(timing)) positive(`timing.${name}`, value);
  return timing;
}

async function listen(server: Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

/** Stops accepting, then cuts every open connection: SSE streams, stalled and throttled bodies. */
async function shutdown(server: Server): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const timing = resolveTiming(opts.timing);
  const pingIntervalMs = positive('pingIntervalMs', opts.pingIntervalMs ?? DEFAULT_PING_INTERVAL_MS);
  const slowBytesPerSecond = positive(
    'downloadBytesPerSecond',
    opts.downloadBytesPerSecond ?? DEFAULT_SLOW_DOWNLOAD_BYTES_PER_SECOND,
  );
  const source = await loadVideoSource(opts.video);
  const hostNames = allowedHostNames(opts.hostNames);
  const log = createRequestLog(opts.requestLogLimit ?? DEFAULT_REQUEST_LOG_LIMIT);
  const imageFetch = opts.fetchImageUrls === true ? {} : opts.fetchImageUrls || undefined;
  const registry = new JobRegistry(timing, opts.maxJobs === undefined ? undefined : positive('maxJobs', opts.maxJobs), imageFetch);
  const account = new SimAccount(opts.account);

  const cdnServer = createServer(createCdnHandler({ registry, log, hostNames, source, slowBytesPerSecond }));
  const cdnPort = await listen(cdnServer, opts.cdnPort ?? 0);
  const cdnUrl = `http://127.0.0.1:${cdnPort}`;

  const apiServer = createServer(
    createApiHandler({
      registry,
      log,
      hostNames,
      cdnUrl,
      videoSize: source.size,
      streamSupported: opts.streamSupported ?? true,
      cancelSupported: opts.cancelSupported ?? true,
      pingIntervalMs,
      account,
    }),
  );
  let port: number;
  try {
    port = await listen(apiServer, opts.port ?? 0);
  } catch (err) {
    await shutdown(cdnServer);
    throw err;
  }

  let closing: Promise<void> | undefined;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    cdnUrl,
    requests: log.entries,
    jobs: () => registry.all().map((job) => job.view()),
    job: (requestId) => registry.get(requestId)?.view(),
    submitCount: () => registry.submitCount(),
    remainingUsd: () => account.remainingUsd(),
    refuse: (refusal) => {
      account.refusal = refusal;
    },
    on: (_event, listener) => registry.onCompleted(listener),
    close() {
      closing ??= (async () => {
        registry.dispose();
        await Promise.all([shutdown(apiServer), shutdown(cdnServer)]);
      })();
      return closing;
    },
  };
}
