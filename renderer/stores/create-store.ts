// The Create screen's model: the prepared input image(s), the form, recent prompts, and submit.
// Pictures are prepared by the core (image:prepare) and referenced by token; dropping several
// pictures queues one job each with the same settings.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { MAX_BATCH_SIZE, type ImageSource, type PreparedImageInfo, type SpendQuote, type VeoApi } from '../../shared/contract';
import type { JobRecord } from '../../shared/domain';
import { describeIpcError } from '../api/errors';
import {
  buildParams,
  formFromParams,
  generateBlocker,
  takeParams,
  type CreateForm,
  type IntakeState,
} from './create-form';
import { formChanged, lostPicturesNotice, readDraft, readPictureNames, writeDraft, writePictureNames } from './create-draft';
import { takesLastFrame } from '../../shared/models';
import type { KeyReadiness } from './settings-store';
import type { ToastStore } from './toast-store';
import { tr } from '../i18n/intl';

export const RECENT_PROMPTS_KEY = 'veo.recentPrompts';
export const RECENT_PROMPTS_LIMIT = 10;

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface CreateState extends CreateForm {
  images: PreparedImageInfo[];
  intake: IntakeState;
  submitting: boolean;
  recentPrompts: string[];
  /** "Continue from a frame": the job the picture was taken from; new jobs link to it. */
  parentId?: string;
  /** The picture the video ends on, for a first–last-frame model (sent only to it). */
  lastFrame?: PreparedImageInfo;
  /** Why the last dropped last frame could not be used. */
  lastFrameError?: string;
  /** Prepares this picture (by the core, like the first) as the last frame. */
  setLastFrame(source: ImageSource): Promise<void>;
  clearLastFrame(): void;
  setField<K extends keyof CreateForm>(key: K, value: CreateForm[K]): void;
  /** Shows "preparing" while the UI reads files; addImages or rejectImages ends it. */
  beginIntake(): void;
  /** Replaces the current picture(s) with these, prepared by the core. */
  addImages(sources: ImageSource[]): Promise<void>;
  rejectImages(message: string): void;
  removeImage(token: string): void;
  clearImages(): void;
  /** One job per picture, through the core's spend guard (see spend-guard.ts: call it, not this). */
  submit(key: KeyReadiness, spend?: SubmitSpend): Promise<JobRecord[]>;
  /**
   * The job's settings with its own picture: kept from this session or re-read from its link; else the
   * pictures on Create are cleared and the original asked for (Edit & retry, Edit prompt), so Generate
   * cannot make videos of other pictures with this job's model. `keepCurrentPictures` ("Use these
   * settings") puts the settings on whatever pictures are there instead.
   */
  loadFromJob(record: JobRecord, opts?: { keepCurrentPictures?: boolean }): Promise<void>;
  /** A frame of `record`'s video becomes the picture; its settings and prompt fill the form. */
  continueFromFrame(record: JobRecord, frame: ImageSource): Promise<boolean>;
}

export type CreateStore = StoreApi<CreateState>;

export interface SubmitSpend {
  /** The total the user confirmed for this press. */
  confirmedUsd?: number;
  /** The core asked for a confirmation first: nothing (more) was started. */
  onNeedsConfirmation?: (quote: SpendQuote) => void;
}

export interface CreateDeps {
  api: VeoApi;
  toasts: ToastStore;
  storage?: KeyValueStorage;
  onCreated?: (record: JobRecord) => void;
}

export function createCreateStore({ api, toasts, storage, onCreated }: CreateDeps): CreateStore {
  /** Pictures of jobs created in this session, so "Edit & retry" can reuse them without a re-drop. */
  const sessionInputs = new Map<string, PreparedImageInfo>();
  const submittedTokens = new Set<string>();
  let intakeGeneration = 0;

  const discardUnused = (images: PreparedImageInfo[]): void => {
    for (const img of images) if (!submittedTokens.has(img.token)) void api.image.discard({ token: img.token });
  };

  const lostPictures = lostPicturesNotice(readPictureNames(storage));
  const store = createStore<CreateState>((set, get) => ({
    ...readDraft(storage),
    images: [],
    intake: lostPictures === undefined ? { status: 'idle' } : { status: 'notice', message: lostPictures },
    submitting: false,
    recentPrompts: readRecent(storage),

    setField(key, value) {
      set({ [key]: value } as Pick<CreateForm, typeof key>);
    },

    beginIntake() {
      intakeGeneration++;
      set({ intake: { status: 'preparing' } });
    },

    async addImages(dropped) {
      const gen = ++intakeGeneration;
      // A picture of the user's own is no longer a continuation of anything.
      set({ intake: { status: 'preparing' }, parentId: undefined });
      // The core refuses a batch over the contract's limit (every job would fail): keep what fits, say so.
      const sources = dropped.slice(0, MAX_BATCH_SIZE);
      const results = await Promise.all(sources.map((source) => api.image.prepare(source)));
      if (gen !== intakeGeneration) {
        // A newer drop won; do not leak what this one prepared.
        discardUnused(results.flatMap((r) => (r.ok ? [r.value] : [])));
        return;
      }
      const prepared = results.flatMap((r) => (r.ok ? [r.value] : []));
      const failures = results.flatMap((r) => (r.ok ? [] : [describeIpcError(r.error, tr('create.intake.pictureCannotBeUsed'))]));
      if (prepared.length === 0) {
        const first = failures[0];
        set({ intake: { status: 'invalid', message: first?.message ?? tr('create.intake.pictureCannotBeUsedSentence'), details: first?.details } });
        return;
      }
      discardUnused(get().images);
      set({ images: prepared, intake: { status: 'idle' } });
      if (dropped.length > sources.length) {
        toasts.getState().push({
          tone: 'error',
          title: tr('create.intake.batchCappedTitle', { max: MAX_BATCH_SIZE, count: dropped.length }),
          message: tr('create.intake.batchCappedText', { max: MAX_BATCH_SIZE }),
        });
      }
      if (failures.length > 0) {
        toasts.getState().push({
          tone: 'error',
          title: tr('create.intake.picturesSkipped', { failed: failures.length, total: sources.length }),
          message: failures[0]!.message,
          details: failures.map((f) => f.message).join('\n'),
        });
      }
    },

    async setLastFrame(source) {
      const result = await api.image.prepare(source);
      if (!result.ok) {
        set({ lastFrameError: describeIpcError(result.error, tr('create.lastFrame.cannotUse')).message });
        return;
      }
      const before = get().lastFrame;
      if (before) discardUnused([before]);
      set({ lastFrame: result.value, lastFrameError: undefined });
    },

    clearLastFrame() {
      const before = get().lastFrame;
      if (before) discardUnused([before]);
      set({ lastFrame: undefined, lastFrameError: undefined });
    },

    rejectImages(message) {
      intakeGeneration++;
      set({ intake: { status: 'invalid', message } });
    },

    removeImage(token) {
      const removed = get().images.filter((img) => img.token === token);
      discardUnused(removed);
      set({ images: get().images.filter((img) => img.token !== token), intake: { status: 'idle' }, parentId: undefined });
    },

    clearImages() {
      intakeGeneration++;
      discardUnused(get().images);
      set({ images: [], intake: { status: 'idle' }, parentId: undefined });
    },

    async submit(key, spend = {}) {
      if (get().submitting || generateBlocker(get(), key)) return [];
      const params = buildParams(get());
      const images = get().images;
      const parentId = get().parentId;
      const takes = takeParams(params, get().takes);
      // Sent only to a model that takes it; another model's jobs leave it in the form, unsent.
      const lastFrame = takesLastFrame(params.model) ? get().lastFrame : undefined;
      set({ submitting: true });
      const created: JobRecord[] = [];
      try {
        // One after another, so jobs land in the order the pictures were dropped, takes in order.
        press: for (const image of images) {
          const shotId = takes.length > 1 ? crypto.randomUUID() : undefined;
          for (const [i, paramsOfTake] of takes.entries()) {
            const result = await api.jobs.create({
              params: paramsOfTake,
              imageToken: image.token,
              ...(lastFrame ? { lastImageToken: lastFrame.token } : {}),
              // The core prices every picture and take of this press together against the limit.
              batchSize: images.length * takes.length,
              ...(spend.confirmedUsd !== undefined ? { confirmedUsd: spend.confirmedUsd } : {}),
              ...(parentId ? { parentId } : {}),
              ...(shotId ? { shotId, take: i + 1 } : {}),
            });
            if (!result.ok && result.error.needsConfirmation) {
              spend.onNeedsConfirmation?.(result.error.needsConfirmation);
              break press;
            }
            if (!result.ok) {
              toasts.getState().error(describeIpcError(result.error, tr('create.start.failed')));
              continue;
            }
            submittedTokens.add(image.token);
            if (lastFrame) submittedTokens.add(lastFrame.token);
            sessionInputs.set(result.value.id, image);
            created.push(result.value);
            onCreated?.(result.value);
          }
        }
      } finally {
        set({ submitting: false });
      }
      if (created.length > 0) {
        const recentPrompts = [params.prompt, ...get().recentPrompts.filter((p) => p !== params.prompt)].slice(
          0,
          RECENT_PROMPTS_LIMIT,
        );
        set({ recentPrompts });
        writeRecent(storage, recentPrompts);
      }
      return created;
    },

    async loadFromJob(record, opts = {}) {
      set({ ...formFromParams(record.params), parentId: undefined });
      const kept = sessionInputs.get(record.id) ?? (record.parentId ? sessionInputs.get(record.parentId) : undefined);
      if (kept) {
        intakeGeneration++;
        set({ images: [kept], intake: { status: 'idle' } });
      } else if (record.input.kind === 'url') {
        await get().addImages([{ kind: 'url', url: record.input.url }]);
      } else if (!opts.keepCurrentPictures) {
        intakeGeneration++;
        const removed = get().images.length;
        discardUnused(get().images);
        set({
          images: [],
          intake: { status: 'notice', message: tr('create.restore.dropAgain', { hasName: record.input.originalName ? 'yes' : 'no', name: record.input.originalName ?? '', removed }) },
        });
      }
    },

    async continueFromFrame(record, frame) {
      set({ ...formFromParams(record.params) });
      await get().addImages([frame]);
      const taken = get().images.length > 0 && get().intake.status === 'idle';
      if (taken) set({ parentId: record.id });
      return taken;
    },
  }));
  store.subscribe((now, before) => {
    if (formChanged(now, before)) writeDraft(storage, now);
    if (now.images !== before.images) writePictureNames(storage, now.images.map((img) => img.name ?? img.url ?? ''));
  });
  return store;
}

function readRecent(storage: KeyValueStorage | undefined): string[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(RECENT_PROMPTS_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string').slice(0, RECENT_PROMPTS_LIMIT) : [];
  } catch {
    return [];
  }
}

function writeRecent(storage: KeyValueStorage | undefined, prompts: string[]): void {
  try {
    storage?.setItem(RECENT_PROMPTS_KEY, JSON.stringify(prompts));
  } catch {
    // Storage full or disabled: recent prompts are a convenience, not worth an error.
  }
}
