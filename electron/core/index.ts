// Composition root: builds every core service from one config object. The desktop app, the browser
// host and the CLI all call createCore and differ only in how they present it.
import { ACTIVE_STATES, DEFAULT_BASE_URL, type Provider } from '../../shared/domain';
import { needsKey } from '../../shared/providers';
import type { Settings } from '../../shared/settings';
import type { BalanceInfo, KeyCheckResult } from '../../shared/account';
import { fetchBalance } from './api/balance';
import { createQueueClient, type QueueClientOptions } from './api/client';
import { checkKey } from './api/key-check';
import { createProxyResolver, type ProxyEnv, type SystemProxyLookup } from './api/proxy-config';
import { createProxyFetch, tunnelTo, type TunnelOptions } from './api/proxy-tunnel';
import { parseApiBase } from './api/rebase';
import { downloadToFile } from './media/download';
import type { QueueClient } from './api/types';
import { JobRunner } from './jobs/runner';
import type { FollowPolicy } from './jobs/follow';
import type { StepOptions } from './jobs/steps';
import { SpendLedger } from './library/ledger';
import { LibraryStore, type LibraryProblem } from './library/store';
import { libraryDir } from './paths';
import { lazyKeytarBackend } from './secrets/keytar-backend';
import { SecretStore, type KeychainBackend } from './secrets/secret-store';
import { loadSettings, saveSettings } from './settings-store';
import { startSimulator, type Simulator, type SimulatorOptions } from './simulator';
import { SpendGuard } from './spend/spend-guard';
import { say } from '../../shared/i18n/messages';
import { SaidError } from './util/said';

/**
 * Records sent to an in-process simulator store this base URL: the real port changes with every
 * run, so it is resolved to whichever in-process simulator this process has.
 */
export const IN_PROCESS_SIMULATOR = DEFAULT_BASE_URL.simulator;

/**
 * An API base from a flag is where one provider's key goes: it must say which provider, or it would
 * follow whatever provider Settings (or a page) picks next (red-team F6).
 */
export const API_BASE_NEEDS_PROVIDER =
  '--api-base needs --provider, to say whose key may go there: e.g. "--provider simulator --api-base http://127.0.0.1:8787" for "npm run sim".';

export interface CoreConfig {
  dataDir: string;
  /** Override settings.json for this process (CLI / host flags). `apiBase` requires `provider`. */
  provider?: Provider;
  apiBase?: string;
  concurrency?: number;
  /** Defaults to the OS keychain via keytar. */
  keychain?: KeychainBackend;
  /** Keychain service name; tests use their own so they never touch a real key. */
  keychainService?: string;
  /** Options for the in-process simulator (provider "simulator" with no base URL). */
  simulator?: SimulatorOptions;
  /** Replaces the network entirely (tests); without it requests honour the proxy settings. */
  fetch?: typeof fetch;
  /** The desktop app's system proxy (Electron's session.resolveProxy), injected from electron/main. */
  systemProxy?: SystemProxyLookup;
  /** HTTPS_PROXY/HTTP_PROXY/NO_PROXY; defaults to process.env. */
  proxyEnv?: ProxyEnv;
  /** Tests: trust a self-signed API server reached through the proxy. */
  tunnel?: TunnelOptions;
  follow?: Partial<FollowPolicy>;
  steps?: Partial<StepOptions>;
  retry?: Parameters<typeof createQueueClient>[0]['retry'];
  clientOptions?: QueueClientOptions;
  onLibraryProblem?: (p: LibraryProblem) => void;
  /** Commands that only read (`cli list`/`show`): the library is opened read-only (see LibraryStore). */
  readOnly?: boolean;
  /** How long an identical spending request is answered by the first one (tests shorten it). */
  spendDedupWindowMs?: number;
}

export interface Target {
  provider: Provider;
  /** What records store: a real URL, or IN_PROCESS_SIMULATOR. */
  apiBase: string;
}

export interface Core {
  readonly dataDir: string;
  readonly settingsProblem?: string;
  readonly library: LibraryStore;
  readonly secrets: SecretStore;
  readonly runner: JobRunner;
  /** What was charged on this machine; survives deletes and ignores imports. */
  readonly ledger: SpendLedger;
  /** Every request that spends goes through it: limit, confirmation, de-duplication. */
  readonly spendGuard: SpendGuard;
  /** Provider and base URL new jobs go to right now (settings + overrides). */
  readonly provider: Provider;
  readonly apiBase: string;
  /** The provider was fixed at start (--provider): Settings cannot move new jobs elsewhere. */
  readonly providerFixed: boolean;
  settings(): Settings;
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
  /** The in-process simulator, if one runs. */
  simulator(): Simulator | undefined;
  /** Resolves the current target, starting the in-process simulator when it is needed. */
  target(): Promise<Target>;
  clientFor(provider: Provider, apiBase: string): QueueClient;
  /** The balance behind the current provider's key; balanceUsd null when the provider does not say. */
  balance(): Promise<BalanceInfo>;
  /** Asks the provider whether `key` works, without spending anything (api/key-check.ts). */
  checkKey(provider: Provider, key: string): Promise<KeyCheckResult>;
  close(): Promise<void>;
}

function originOf(base: string): string | undefined {
  try {
    return parseApiBase(base).origin;
  } catch {
    return undefined;
  }
}

export async function createCore(config: CoreConfig): Promise<Core> {
  if (config.apiBase !== undefined && config.provider === undefined) throw new Error(API_BASE_NEEDS_PROVIDER);
  const loaded = await loadSettings(config.dataDir);
  let settings = loaded.settings;
  const secrets = new SecretStore(config.keychain ?? lazyKeytarBackend(), {
    ...(config.keychainService ? { service: config.keychainService } : {}),
  });
  const library = await LibraryStore.open(libraryDir(config.dataDir), { onProblem: config.onLibraryProblem, readOnly: config.readOnly === true });

  let simulator: Simulator | undefined;
  let simulatorStarting: Promise<Simulator> | undefined;
  const ensureSimulator = (): Promise<Simulator> => (simulatorStarting ??= startSimulator({ requestLogLimit: 0, fetchImageUrls: true, ...config.simulator }).then((s) => (simulator = s)));

  // Every request of the core (queue API, balance, key check, downloads) goes through this proxy choice.
  const proxyFor = createProxyResolver({ setting: () => settings.proxy, system: config.systemProxy, env: config.proxyEnv ?? process.env });
  const netFetch: typeof fetch = config.fetch ?? createProxyFetch(proxyFor, (input, init) => globalThis.fetch(input, init), config.tunnel);
  const proxyConnection = async (url: URL) => {
    const proxy = await proxyFor(url);
    return proxy === undefined ? undefined : tunnelTo(proxy, url, config.tunnel);
  };

  const targetOf = (provider: Provider): Target => {
    const base = (provider === (config.provider ?? settings.provider) ? config.apiBase : undefined) ?? settings.apiBase[provider];
    if (provider === 'simulator' && !base) return { provider, apiBase: IN_PROCESS_SIMULATOR };
    return { provider, apiBase: base ?? DEFAULT_BASE_URL[provider] };
  };
  const currentTarget = (): Target => targetOf(config.provider ?? settings.provider);

  /**
   * Where the key for `p` may go right now: the base the user configured (flag or Settings) or the
   * provider's default — read on every request, so a record, an import or a server can never add
   * an origin. For the simulator (which holds no real key) also this run's in-process one.
   */
  const keyOrigins = (p: Provider): string[] => {
    const configured = (p === (config.provider ?? settings.provider) ? config.apiBase : undefined) ?? settings.apiBase[p];
    const bases = [configured, p === 'simulator' ? simulator?.baseUrl : DEFAULT_BASE_URL[p]];
    return bases.flatMap((b) => (b === undefined || b === IN_PROCESS_SIMULATOR ? [] : [originOf(b)].filter((o) => o !== undefined)));
  };

  const clients = new Map<string, QueueClient>();
  const clientFor = (p: Provider, base: string): QueueClient => {
    let effectiveBase = base;
    if (p === 'simulator' && base === IN_PROCESS_SIMULATOR) {
      // An earlier run's in-process simulator is gone; this run's answers 404 for its jobs, which
      // is the honest "the server no longer knows this request".
      if (!simulator) throw new SaidError(say('app.simulator.notRunning'));
      effectiveBase = simulator.baseUrl;
    }
    const cacheKey = `${p} ${effectiveBase}`;
    let client = clients.get(cacheKey);
    if (!client) {
      client = createQueueClient(
        {
          provider: p,
          baseUrl: effectiveBase,
          keyOrigins: () => keyOrigins(p),
          getKey: () => (needsKey(p) ? secrets.get(p) : Promise.resolve(null)),
          fetch: netFetch,
          ...(config.retry ? { retry: config.retry } : {}),
        },
        config.clientOptions,
      );
      clients.set(cacheKey, client);
    }
    return client;
  };

  // Start the in-process simulator up front when new jobs or unfinished old ones need it.
  const needsSimulator =
    config.readOnly !== true &&
    (currentTarget().apiBase === IN_PROCESS_SIMULATOR || library.list({ states: [...ACTIVE_STATES] }).some((r) => r.apiBase === IN_PROCESS_SIMULATOR));
  if (needsSimulator) await ensureSimulator();

  const runner = new JobRunner({
    library,
    clientFor,
    concurrency: config.concurrency ?? settings.concurrency,
    follow: config.follow,
    steps: { download: (o) => downloadToFile({ connectionFor: proxyConnection, ...o }), ...config.steps },
    // A video on loopback/private addresses only from the host the user configured for the job's
    // provider (the simulator's CDN next to its API, a local gateway) — never one a server names.
    privateVideoHosts: (rec) => keyOrigins(rec.provider).map((o) => new URL(o).hostname.replace(/^\[|\]$/g, '')),
  });
  const keyOf = (p: Provider): Promise<string | null> => (needsKey(p) ? secrets.get(p) : Promise.resolve(null));

  const ledger = await SpendLedger.open(library.dir);
  // Only the runner's own updates are heard: an imported record never reaches this listener.
  const offLedger = runner.events.on('job:updated', (rec) => {
    ledger.observe(rec).catch((err: unknown) => console.error('[veo] could not write the spend ledger', err));
  });
  // A read-only open (`cli list`/`show`) writes nothing, not even the ledger's catch-up.
  // Full records only for the jobs whose summary says an entry may be missing: reading all of them
  // held every record of the library in memory.
  if (config.readOnly !== true) {
    await ledger.reconcile(library.summaries().flatMap((s) => (ledger.mayNeedEntries(s) ? (library.get(s.id) ?? []) : [])));
  }
  const spendGuard = new SpendGuard({
    limit: () => settings.confirmAboveUsd,
    ...(config.spendDedupWindowMs !== undefined ? { dedupWindowMs: config.spendDedupWindowMs } : {}),
  });

  const initial = currentTarget();
  return {
    dataDir: config.dataDir,
    ...(loaded.problem ? { settingsProblem: loaded.problem } : {}),
    library,
    secrets,
    runner,
    ledger,
    spendGuard,
    provider: initial.provider,
    apiBase: initial.apiBase,
    providerFixed: config.provider !== undefined,
    settings: () => settings,
    async updateSettings(patch) {
      settings = await saveSettings(config.dataDir, patch);
      if (config.concurrency === undefined) runner.setConcurrency(settings.concurrency);
      return settings;
    },
    simulator: () => simulator,
    async target() {
      const t = currentTarget();
      if (t.apiBase === IN_PROCESS_SIMULATOR) await ensureSimulator();
      return t;
    },
    clientFor,
    async balance() {
      const t = currentTarget();
      if (t.apiBase === IN_PROCESS_SIMULATOR) await ensureSimulator();
      const baseUrl = clientFor(t.provider, t.apiBase).baseUrl;
      return fetchBalance({ provider: t.provider, baseUrl, keyOrigins: () => keyOrigins(t.provider), getKey: () => keyOf(t.provider), fetch: netFetch });
    },
    async checkKey(provider, key) {
      const t = targetOf(provider);
      if (t.apiBase === IN_PROCESS_SIMULATOR) await ensureSimulator();
      return checkKey({ provider, baseUrl: clientFor(provider, t.apiBase).baseUrl, keyOrigins: () => keyOrigins(provider), key, fetch: netFetch });
    },
    async close() {
      await runner.shutdown();
      offLedger();
      await ledger.flush();
      await library.close();
      await simulator?.close();
    },
  };
}
