// Sidecars: `take.json` next to `take.mp4`, describing how the video was made (see shared/sidecar.ts).
// Written atomically so a crash never leaves half a JSON file under the real name; read back with
// full validation because a sidecar may come from anywhere (a drop, another machine, a hand edit).
import { promises as fsp } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { JobInput, JobRecord } from '../../../shared/domain';
import { chargedUsd } from '../../../shared/pricing';
import {
  SIDECAR_FORMAT,
  SIDECAR_VERSION,
  SidecarSchema,
  sidecarPathFor,
  type Sidecar,
  type SidecarInput,
} from '../../../shared/sidecar';
import { TEMP_SUFFIX, writeFileAtomic } from '../fs/atomic';
import { say } from '../../../shared/i18n/messages';
import type { Said } from '../util/said';

export { sidecarPathFor };

/** Far larger than any real sidecar (a few KB); refuses to parse a huge file dropped by mistake. */
export const MAX_SIDECAR_BYTES = 1024 * 1024;

export class SidecarError extends Error {
  override name = 'SidecarError';
  /** The message as a catalog code, for the faces that say it in the user's language. */
  readonly said?: Said;
  constructor(words: string | Said) {
    super(typeof words === 'string' ? words : words.message);
    if (typeof words !== 'string') this.said = words;
  }
}

/** The sidecar of a job; `videoFileName` is the name the video has where the sidecar is written. */
export function sidecarFor(rec: JobRecord, videoFileName = 'video.mp4'): Sidecar {
  return {
    format: SIDECAR_FORMAT,
    version: SIDECAR_VERSION,
    prompt: rec.params.prompt,
    params: rec.params,
    ...(rec.requestId ? { requestId: rec.requestId } : {}),
    provider: rec.provider,
    apiBase: rec.apiBase,
    createdAt: rec.createdAt,
    ...(rec.finishedAt ? { finishedAt: rec.finishedAt } : {}),
    // What the provider charges: a simulator job is free, whatever the real service would ask.
    estimatedCostUsd: chargedUsd(rec.params, rec.provider),
    input: describePicture(rec.input),
    ...(rec.lastFrame ? { lastFrame: describePicture(rec.lastFrame) } : {}),
    video: { fileName: videoFileName, ...(rec.videoBytes !== undefined ? { bytes: rec.videoBytes } : {}) },
  };
}

/** A picture as a sidecar names it: its URL, or what identifies the file (never the library path). */
function describePicture(input: JobInput): SidecarInput {
  return input.kind === 'url'
    ? { url: input.url }
    : {
        sha256: input.sha256,
        width: input.width,
        height: input.height,
        mime: input.mime,
        ...(input.originalName ? { originalName: input.originalName } : {}),
      };
}

/**
 * Writes `<video minus extension>.json` next to `videoPath`; returns the sidecar's path. That name may
 * already belong to someone else (`package.json` beside `package.mp4`, or the video itself saved as
 * `clip.json`): a file there is replaced only if it is our own sidecar; otherwise `<name>.veo.json` is
 * used, and if that too is someone else's, nothing is written (red-team F7).
 */
export async function writeSidecar(videoPath: string, rec: JobRecord): Promise<string> {
  const target = await freeSidecarPath(videoPath);
  const body = `${JSON.stringify(sidecarFor(rec, basename(videoPath)), null, 2)}\n`;
  await removeStaleTemps(target);
  await writeFileAtomic(target, body);
  return target;
}

/** The plain sidecar name, or the `.veo.json` one, whichever is free or already ours. */
async function freeSidecarPath(videoPath: string): Promise<string> {
  const plain = sidecarPathFor(videoPath);
  const fallback = `${plain.slice(0, -'.json'.length)}.veo.json`;
  for (const candidate of [plain, fallback]) {
    if (candidate === videoPath) continue;
    if (await isFreeOrOurs(candidate)) return candidate;
  }
  throw new SidecarError(
    `“${basename(plain)}” and “${basename(fallback)}” already exist and are not a Veo Studio sidecar, so they were not replaced and the video's settings were not written. Save the video under another name to get them.`,
  );
}

async function isFreeOrOurs(file: string): Promise<boolean> {
  try {
    await readSidecar(file);
    return true;
  } catch (err) {
    return (await fsp.lstat(file).catch(() => undefined)) === undefined && isSidecarError(err);
  }
}

/**
 * A crash mid-write leaves `<sidecar>.<pid>-<hex>.tmp` beside it (see fs/atomic.ts). The job is still
 * unfinished then, so the resumed run writes the sidecar again: that is the moment to sweep them.
 */
async function removeStaleTemps(target: string): Promise<void> {
  const dir = dirname(target);
  const prefix = `${basename(target)}.`;
  const names = await fsp.readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names.filter((n) => n.startsWith(prefix) && n.endsWith(TEMP_SUFFIX)).map((n) => fsp.rm(join(dir, n), { force: true })),
  );
}

/** Reads and validates a sidecar file. Errors say which file and what is wrong with it. */
export async function readSidecar(path: string): Promise<Sidecar> {
  let text: string;
  try {
    const stat = await fsp.stat(path);
    if (!stat.isFile()) throw new SidecarError(say('app.sidecar.notAFile', { name: basename(path) }));
    if (stat.size > MAX_SIDECAR_BYTES) throw new SidecarError(say('app.sidecar.tooLarge', named(basename(path))));
    text = await fsp.readFile(path, 'utf8');
  } catch (err) {
    if (err instanceof SidecarError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new SidecarError(say('app.sidecar.notFound', { name: basename(path) }));
    throw new SidecarError(`“${basename(path)}” could not be read: ${(err as Error).message}`);
  }
  return parseSidecar(text, basename(path));
}

/** Validates sidecar text (from a file or dropped bytes). */
export function parseSidecar(text: string, name = 'The sidecar'): Sidecar {
  if (text.length > MAX_SIDECAR_BYTES) throw new SidecarError(say('app.sidecar.tooLarge', named(name)));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SidecarError(say('app.sidecar.notJson', named(name)));
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== SIDECAR_FORMAT) {
    throw new SidecarError(say('app.sidecar.notASidecar', named(name)));
  }
  const version = (json as { version?: unknown }).version;
  if (version !== SIDECAR_VERSION) {
    throw new SidecarError(say('app.sidecar.unknownVersion', { ...named(name), version: String(version) }));
  }
  const parsed = SidecarSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'sidecar';
    throw new SidecarError(`${quote(name)} is damaged: ${where}: ${issue?.message ?? 'invalid value'}.`);
  }
  return parsed.data;
}

const quote = (name: string): string => (name === 'The sidecar' ? name : `“${name}”`);

/** `quote` as params: `{named, select, yes {“{name}”} other {The sidecar}}`. */
const named = (name: string): { named: 'yes' | 'no'; name: string } => ({ named: name === 'The sidecar' ? 'no' : 'yes', name });

export const isSidecarError = (err: unknown): err is SidecarError => err instanceof SidecarError;

/**
 * For writers whose real work is already done (the video is saved): a sidecar that cannot be
 * written must not turn a completed job or a saved copy into a failure, so it is only reported.
 */
export async function writeSidecarQuietly(videoPath: string, rec: JobRecord): Promise<string | undefined> {
  try {
    return await writeSidecar(videoPath, rec);
  } catch (err) {
    console.warn(`Could not write the sidecar next to ${basename(videoPath)}: ${(err as Error).message}`);
    return undefined;
  }
}
