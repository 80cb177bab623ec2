// The one IPC contract. The Electron router, the preload API, the browser host's WebSocket transport
// and the renderer's api.ts are all derived from these maps — never a second hand-written list.
// Channel names read `domain:verb`. Inputs are validated with these schemas on the main/host side
// (the renderer is untrusted); outputs are typed for the renderer.
import { z } from 'zod';
import {
  GenerationParamsSchema,
  JOB_STATES,
  JobErrorSchema,
  JobRecordSchema,
  LogLineSchema,
  PROVIDERS,
  type JobProgress,
  type JobRecord,
} from './domain';
import { MessageParamsSchema } from './i18n/params';
import type { JobSummary } from './job-summary';
import { SettingsPatchSchema, type Settings } from './settings';
import { SPEND_CONFIRMATION, SpendQuoteSchema, type JobCost, type LedgerInfo } from './spend';
import type { BalanceInfo, KeyCheckResult, KeyStatusInfo } from './account';
export { KEY_STORES, KeyStoreSchema, KeyStatusSchema, type KeyStatusInfo, type KeyStore } from './account';
import { SetPosterSchema } from './poster';
import type {
  AppInfo,
  ChainFile,
  LibraryPage,
  PortableExportResult,
  PortableImportResult,
  PreparedImageInfo,
  SidecarOpenResult,
  SummaryPage,
} from './contract-replies';

export type { JobCost, LedgerInfo, SpendQuote } from './spend';
export type { AppInfo, ChainFile, LibraryPage, PortableExportResult, PortableImportResult, PreparedImageInfo, SidecarOpenResult, SummaryPage } from './contract-replies';

const Id = z.object({ id: z.string().min(1).max(200) });
const ProviderInput = z.object({ provider: z.enum(PROVIDERS).optional() });

/** Where a dropped or chosen picture comes from. Main re-checks every byte whatever the source. */
export const ImageSourceSchema = z.discriminatedUnion('kind', [
  /** Electron: the path from webUtils.getPathForFile. */
  z.object({ kind: z.literal('path'), path: z.string().min(1).max(4096) }),
  /** Browser host (and clipboard paste): the file's bytes, base64. ~30 MB of image at most. */
  z.object({ kind: z.literal('bytes'), name: z.string().max(500).optional(), base64: z.string().min(1).max(40_000_000) }),
  /** A public https URL the user pasted. */
  z.object({ kind: z.literal('url'), url: z.string().min(1).max(4096) }),
  /**
   * A dropped or pasted picture already decoded, downscaled and re-encoded by Chromium in the page
   * (renderer/features/create/image-prepare.ts), so untrusted pixels are never decoded in a privileged
   * process. The core only validates what it gets: magic bytes, sizes and the pixel counts in the headers.
   */
  z.object({
    kind: z.literal('prepared'),
    name: z.string().max(500).optional(),
    /** The original file, kept in the library: its bytes (base64), or in Electron its path (main reads it; no 30 MB copy). */
    original: z.string().min(1).max(40_000_000).optional(),
    path: z.string().min(1).max(4096).optional(),
    /** What is sent as image_url (the original itself when it already fits); base64. */
    payload: z.string().min(1).max(12_000_000),
    /** A JPEG of at most 320 px on the long side; base64. */
    thumbnail: z.string().min(1).max(1_000_000),
    /** As displayed (after EXIF orientation). */
    width: z.number().int().positive().max(100_000),
    height: z.number().int().positive().max(100_000),
  }),
]);
export type ImageSource = z.infer<typeof ImageSourceSchema>;

/** A sidecar to restore from: the .json itself, or a video whose sibling .json is read. */
export const SidecarSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path: z.string().min(1).max(4096) }),
  z.object({ kind: z.literal('bytes'), name: z.string().max(500).optional(), base64: z.string().min(1).max(2_000_000) }),
]);

/** The most jobs one Generate press may start (one per picture): the core refuses more, the page keeps no more. */
export const MAX_BATCH_SIZE = 100;

/** What a re-run makes: the same settings again, another take of the shot, or a Fast draft's final. */
export const RERUN_KINDS = ['retry', 'take', 'final'] as const;
export type RerunKind = (typeof RERUN_KINDS)[number];

export const CreateJobSchema = z.object({
  params: GenerationParamsSchema,
  /** Token from image:prepare. */
  imageToken: z.string().min(1).max(200),
  /** Token from image:prepare of the picture the video ends on: a first–last-frame model needs it, others refuse it. */
  lastImageToken: z.string().min(1).max(200).optional(),
  parentId: z.string().max(200).optional(),
  /** Takes of one picture share a shot id (made by the page per picture and press); `take` counts from 1. */
  shotId: z.string().min(1).max(200).optional(),
  take: z.number().int().min(1).max(MAX_BATCH_SIZE).optional(),
  /** How many jobs this press starts (pictures × takes): they are priced together. */
  batchSize: z.number().int().min(1).max(MAX_BATCH_SIZE).optional(),
  ...SPEND_CONFIRMATION,
});

/** A first–last-frame job between two takes ("Transition to…"), as the page sends it before any confirmation. */
export type TransitionRequest = Omit<z.input<typeof CreateJobSchema>, 'confirmedUsd' | 'lastImageToken'> & { lastImageToken: string };

export const ListQuerySchema = z.object({
  search: z.string().max(500).optional(),
  states: z.array(z.enum(JOB_STATES)).max(JOB_STATES.length).optional(),
  favourite: z.boolean().optional(),
  sort: z.enum(['newest', 'oldest']).optional(),
  limit: z.number().int().min(0).max(100_000).optional(),
  offset: z.number().int().min(0).optional(),
});


/** An absolute folder path on the machine running the core (checked again there). */
const PortableFolder = z.string().min(1).max(4096);
const PortableExportSchema = z.object({ ids: z.array(z.string().min(1).max(200)).max(100_000).optional() });

const out = <T>() => z.custom<T>(() => true);

/** Request → response channels: `input` is validated where it lands; `output` types the reply. */
export const invokeChannels = {
  'app:info': { input: z.undefined(), output: out<AppInfo>() },
  'image:prepare': { input: ImageSourceSchema, output: out<PreparedImageInfo>() },
  'image:discard': { input: z.object({ token: z.string().min(1).max(200) }), output: out<void>() },
  'jobs:create': { input: CreateJobSchema, output: out<JobRecord>() },
  'jobs:cancel': { input: Id, output: out<JobRecord>() },
  /** "Check again": follow a job the server may still know (never re-submits). */
  'jobs:recheck': { input: Id, output: out<JobRecord>() },
  /**
   * Re-run with the same input: a NEW job (and a new charge). `as`: `retry` (default) the same
   * settings; `take` another take of its shot with the same seed; `final` a Fast draft on its full model.
   */
  'jobs:rerun': { input: Id.extend({ as: z.enum(RERUN_KINDS).optional(), ...SPEND_CONFIRMATION }), output: out<JobRecord>() },
  /** Live numbers of every active job, for a renderer that (re)connects mid-job. */
  'jobs:active': { input: z.undefined(), output: out<JobProgress[]>() },
  'library:list': { input: ListQuerySchema, output: out<LibraryPage>() },
  /** The same query as library:list, answered from summaries (no record is read): what the grid pages through. */
  'library:summaries': { input: ListQuerySchema, output: out<SummaryPage>() },
  'library:get': { input: Id, output: out<JobRecord | null>() },
  'library:favourite': { input: Id.extend({ favourite: z.boolean() }), output: out<JobRecord>() },
  'library:delete': { input: Id, output: out<void>() },
  'library:undoDelete': { input: Id, output: out<JobRecord>() },
  /** A frame of the job's own video (drawn in the page) becomes its poster: grid tile, job card, player. */
  'library:setPoster': { input: SetPosterSchema, output: out<JobRecord>() },
  /** Copies the chosen jobs (absent = all) into `dest` as a portable folder (index.json + jobs/<id>/…). */
  'library:export': { input: PortableExportSchema.extend({ dest: PortableFolder }), output: out<PortableExportResult>() },
  /** Merges a portable folder into this library; jobs already here (same id or request id) are skipped. */
  'library:import': { input: z.object({ src: PortableFolder }), output: out<PortableImportResult>() },
  /** Desktop: native folder picker, then export; null when the user cancels. The host answers `unsupported`. */
  'library:exportPick': { input: PortableExportSchema, output: out<PortableExportResult | null>() },
  /** Desktop: native folder picker, then import; null when the user cancels. The host answers `unsupported`. */
  'library:importPick': { input: z.undefined(), output: out<PortableImportResult | null>() },
  /** What was charged per day, month and provider (rule: electron/core/library/ledger.ts). */
  'library:ledger': { input: z.undefined(), output: out<LedgerInfo>() },
  /** One job's cost as the ledger recorded it. */
  'library:jobCost': { input: Id, output: out<JobCost>() },
  /** A dropped sidecar (.json) or a video with one next to it: its settings, and its picture if found. */
  'sidecar:open': { input: SidecarSourceSchema, output: out<SidecarOpenResult>() },
  /** The job's continuation chain: root → … → this job → its descendants (depth-first, oldest first). */
  'library:chain': { input: Id, output: out<{ chain: JobRecord[] }>() },
  /** The takes of this job's shot (same picture, prompt and settings), take 1 first; just the job when it is alone. */
  'library:takes': { input: Id, output: out<{ takes: JobRecord[] }>() },
  /** The chain's finished videos in order, as absolute paths: "export the chain as a list of files". */
  'library:chainList': { input: Id, output: out<{ files: ChainFile[] }>() },
  'key:status': { input: ProviderInput, output: out<KeyStatusInfo>() },
  'key:set': { input: ProviderInput.extend({ key: z.string().min(1).max(1000) }), output: out<KeyStatusInfo>() },
  'key:clear': { input: ProviderInput, output: out<KeyStatusInfo>() },
  /** Asks the provider whether this key works (a free authenticated GET); nothing is saved. */
  'key:check': { input: ProviderInput.extend({ key: z.string().min(1).max(1000) }), output: out<KeyCheckResult>() },
  /** The balance behind the current provider's key; balanceUsd null = the provider does not say (hide it). */
  'account:balance': { input: z.undefined(), output: out<BalanceInfo>() },
  'settings:get': { input: z.undefined(), output: out<Settings>() },
  'settings:update': { input: SettingsPatchSchema, output: out<Settings>() },
  /** Native "Save video as…" dialog; resolves null when the user cancels. Electron only. */
  'video:saveAs': { input: Id, output: out<{ path: string } | null>() },
  'video:showInFolder': { input: Id, output: out<void>() },
} as const;

/**
 * Every command the shell (menu, notification click) can send the renderer. The menu builds its
 * items from this list and the renderer's dispatcher switches over it exhaustively, so a command
 * one side knows and the other does not is a compile error.
 */
export const APP_COMMANDS = [
  'view:create',
  'view:library',
  'view:settings',
  'focus:search',
  /** Opens or folds the Jobs panel beside the current view. */
  'view:toggle-jobs',
  'file:open-image',
  'job:generate',
  /** Brings back the jobs the last Library deletion removed. */
  'edit:undo-delete',
  /** Shows one job in the Library; the payload's `jobId` says which. */
  'job:open',
] as const;
export const AppCommandSchema = z.enum(APP_COMMANDS);
export type AppCommand = z.infer<typeof AppCommandSchema>;

/** main → renderer events. */
export const eventChannels = {
  'job:updated': JobRecordSchema,
  'job:progress': z.object({
    id: z.string(),
    state: z.enum(JOB_STATES),
    queuePosition: z.number().optional(),
    elapsedMs: z.number(),
    latestLogs: z.array(LogLineSchema),
    download: z.object({ receivedBytes: z.number(), totalBytes: z.number().optional() }).optional(),
    retryNote: z.string().optional(),
    retryNoteText: z.object({ code: z.string().max(100), params: MessageParamsSchema.optional() }).optional(),
  }),
  'library:changed': z.object({ type: z.enum(['put', 'delete']), id: z.string() }),
  /** Menu / notification commands the renderer acts on; `jobId` goes with `job:open` only. */
  'app:command': z.object({ command: AppCommandSchema, jobId: z.string().min(1).max(200).optional() }),
  /** The OS asked us to open this picture ("Open with Veo Studio", a double-click, the dock icon). */
  'app:openImage': z.object({ path: z.string().min(1).max(4096) }),
} as const;

/**
 * renderer → main one-way messages (desktop face only), checked like invoke inputs. Drag-out must
 * start synchronously inside the renderer's dragstart, so it cannot wait for an invoke round trip.
 */
export const sendChannels = {
  'video:drag': z.string().min(1).max(200),
} as const;
export const VIDEO_DRAG_CHANNEL = 'video:drag' satisfies keyof typeof sendChannels;

export type InvokeChannel = keyof typeof invokeChannels;
export type EventChannel = keyof typeof eventChannels;
export type InvokeInput<C extends InvokeChannel> = z.input<(typeof invokeChannels)[C]['input']>;
export type InvokeOutput<C extends InvokeChannel> = z.output<(typeof invokeChannels)[C]['output']>;
export type EventPayload<C extends EventChannel> = z.output<(typeof eventChannels)[C]>;

export const ERROR_RESULT_KINDS = ['invalid_input', 'not_found', 'unsupported', 'failed'] as const;
export const IpcErrorSchema = z.object({
  kind: z.enum(ERROR_RESULT_KINDS),
  /** English words (CLI, logs); the app renders `code` + `params` in the user's language when present. */
  message: z.string(),
  code: z.string().max(100).optional(),
  params: MessageParamsSchema.optional(),
  /** A job-level error when the failure is about the queue API (auth, validation…). */
  jobError: JobErrorSchema.optional(),
  /** The spend is above the user's limit: show the quote, and send `confirmedUsd` to go ahead. */
  needsConfirmation: SpendQuoteSchema.optional(),
});
export type IpcError = z.infer<typeof IpcErrorSchema>;

/** Handlers never throw across the bridge: every reply is a result value. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const INVOKE_CHANNELS = Object.keys(invokeChannels) as InvokeChannel[];
export const EVENT_CHANNELS = Object.keys(eventChannels) as EventChannel[];

// ---- The renderer-facing API shape, derived from the maps ------------------------------------
type Domain<C extends string> = C extends `${infer D}:${string}` ? D : never;
type Verb<C extends string> = C extends `${string}:${infer V}` ? V : never;

export type VeoApi = {
  [D in Domain<InvokeChannel>]: {
    [C in InvokeChannel as Domain<C> extends D ? Verb<C> : never]: (
      ...args: undefined extends InvokeInput<C> ? [input?: InvokeInput<C>] : [input: InvokeInput<C>]
    ) => Promise<IpcResult<InvokeOutput<C>>>;
  };
} & {
  on: <C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void) => () => void;
};

/** Splits `domain:verb` so every face builds the same nested object from the same list. */
export function splitChannel(channel: string): [string, string] {
  const i = channel.indexOf(':');
  return [channel.slice(0, i), channel.slice(i + 1)];
}

// Object.hasOwn, not `in`: inherited names such as 'toString' or '__proto__' are not channels.
/**
 * The `{domain: {verb: fn}}` methods of VeoApi, one per invoke channel, each calling `invoke`. Every
 * face (preload, browser-host WebSocket, test fakes) builds its API with this, so none can drift.
 */
export function buildInvokeMethods(
  invoke: (channel: InvokeChannel, input: unknown) => unknown,
): Record<string, Record<string, (input?: unknown) => unknown>> {
  const domains: Record<string, Record<string, (input?: unknown) => unknown>> = {};
  for (const channel of INVOKE_CHANNELS) {
    const [domain, verb] = splitChannel(channel);
    (domains[domain] ??= {})[verb] = (input?: unknown) => invoke(channel, input);
  }
  return domains;
}

export const isInvokeChannel = (c: unknown): c is InvokeChannel => typeof c === 'string' && Object.hasOwn(invokeChannels, c);
export const isEventChannel = (c: unknown): c is EventChannel => typeof c === 'string' && Object.hasOwn(eventChannels, c);

export type { JobProgress, JobRecord, JobSummary, Settings };
