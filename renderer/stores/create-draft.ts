// The half-filled Create form survives a reload or a restart: prompt and options (not the picture,
// whose bytes live in the core only for this session) are kept in the page's storage as typed.
// Storage is read as hostile: another version, an extension or a full disk may have left anything.
import { z } from 'zod';
import { ASPECT_RATIOS, DURATIONS, MAX_PROMPT_LENGTH, RESOLUTIONS } from '../../shared/domain';
import { MODEL_IDS } from '../../shared/models';
import { DEFAULT_FORM, switchModel, type CreateForm } from './create-form';
import type { KeyValueStorage } from './create-store';
import { tr } from '../i18n/intl';

export const CREATE_DRAFT_KEY = 'veo.createDraft';

/** A little room over the limit: an over-long prompt is kept and shown as too long, not cut. */
const MAX_DRAFT_TEXT = MAX_PROMPT_LENGTH * 2;

const DraftSchema = z.object({
  model: z.enum(MODEL_IDS).catch(DEFAULT_FORM.model),
  takes: z.union([z.literal(1), z.literal(2), z.literal(4)]).catch(DEFAULT_FORM.takes),
  prompt: z.string().max(MAX_DRAFT_TEXT).catch(DEFAULT_FORM.prompt),
  aspectRatio: z.enum(ASPECT_RATIOS).catch(DEFAULT_FORM.aspectRatio),
  duration: z.enum(DURATIONS).catch(DEFAULT_FORM.duration),
  resolution: z.enum(RESOLUTIONS).catch(DEFAULT_FORM.resolution),
  generateAudio: z.boolean().catch(DEFAULT_FORM.generateAudio),
  negativePrompt: z.string().max(MAX_DRAFT_TEXT).catch(DEFAULT_FORM.negativePrompt),
  seed: z.string().max(20).catch(DEFAULT_FORM.seed),
});

const FORM_KEYS = Object.keys(DEFAULT_FORM) as Array<keyof CreateForm>;

export function readDraft(storage: KeyValueStorage | undefined): CreateForm {
  try {
    const raw: unknown = JSON.parse(storage?.getItem(CREATE_DRAFT_KEY) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return DEFAULT_FORM;
    // Each field on its own: one bad field does not lose the prompt.
    const draft = DraftSchema.parse({ ...DEFAULT_FORM, ...(raw as object) });
    // A resolution the model does not offer (a draft from another version) falls back as a pick would.
    return { ...draft, ...switchModel(draft, draft.model) };
  } catch {
    return DEFAULT_FORM;
  }
}

export function writeDraft(storage: KeyValueStorage | undefined, form: CreateForm): void {
  try {
    storage?.setItem(CREATE_DRAFT_KEY, JSON.stringify(Object.fromEntries(FORM_KEYS.map((k) => [k, form[k]]))));
  } catch {
    // Storage full or disabled: the draft is a convenience, not worth an error.
  }
}

/** Whether any field of the form differs between two states (so a write happens only on a change). */
export function formChanged(a: CreateForm, b: CreateForm): boolean {
  return FORM_KEYS.some((k) => a[k] !== b[k]);
}

/**
 * The names of the pictures on the form, kept beside the draft only so that after a reload the drop
 * zone can say the picture is gone and which one to drop again (its bytes lived in the core's session).
 */
export const CREATE_PICTURES_KEY = 'veo.createPictures';
const MAX_PICTURE_NAMES = 10;
const PictureNamesSchema = z.array(z.string().max(300)).max(100).catch([]);

export function readPictureNames(storage: KeyValueStorage | undefined): string[] {
  try {
    return PictureNamesSchema.parse(JSON.parse(storage?.getItem(CREATE_PICTURES_KEY) ?? '[]')).slice(0, MAX_PICTURE_NAMES);
  } catch {
    return [];
  }
}

export function writePictureNames(storage: KeyValueStorage | undefined, names: string[]): void {
  try {
    storage?.setItem(CREATE_PICTURES_KEY, JSON.stringify(names.slice(0, MAX_PICTURE_NAMES)));
  } catch {
    // As for the draft: a convenience, not worth an error.
  }
}

/** What the drop zone says after a reload dropped the picture(s); undefined when there were none. */
export function lostPicturesNotice(names: string[]): string | undefined {
  if (names.length === 0) return undefined;
  const named = names.filter((n) => n !== '').map((name) => tr('create.restore.quoted', { name }));
  const list = named.slice(0, 3).join(tr('create.restore.listSeparator'));
  const which =
    named.length === 0 ? '' : named.length > 3 ? tr('create.restore.namesMore', { list, more: named.length - 3 }) : tr('create.restore.names', { list });
  return tr('create.restore.lostPictures', { count: names.length, names: which });
}
