// sidecar:open — restore Create from a sidecar (or a video with one beside it). The picture a sidecar names is never read
// from a path inside the sidecar: a URL is re-checked like a pasted link, a file is looked up in the
// library by its SHA-256, so a crafted sidecar cannot make the core read an arbitrary file.
import { promises as fsp } from 'node:fs';
import { basename, extname } from 'node:path';
import type { SidecarOpenResult } from '../../../shared/contract';
import { PROVIDER_INFO } from '../../../shared/providers';
import type { Sidecar } from '../../../shared/sidecar';
import { say } from '../../../shared/i18n/messages';
import { IpcUserError, type Handlers } from '../ipc/router';
import { wordsOf } from '../util/said';
import { isSidecarError, parseSidecar, readSidecar, sidecarPathFor } from '../library/sidecar';
import { checkImageUrl, isInputImageError, prepareImageFile } from '../media/preflight';
import { describe } from './image-handlers';
import { refusePathOnHost } from './host-face';
import type { ServiceContext } from './types';

type SidecarHandlers = Pick<Handlers, 'sidecar:open'>;

const VIDEO_EXTENSIONS = new Set(['.mp4', '.mov', '.m4v']);

const DROP_THE_JSON = 'app.sidecar.dropTheJson';

export function sidecarHandlers(ctx: SidecarContext): SidecarHandlers {
  return {
    async 'sidecar:open'(source) {
      if (source.kind === 'path') refusePathOnHost(ctx.opts, 'sidecar');
      const sidecar = await load(source);
      return restore(ctx, sidecar);
    },
  };
}

type SidecarContext = Pick<ServiceContext, 'core' | 'images' | 'opts'>;

async function load(source: { kind: 'path'; path: string } | { kind: 'bytes'; name?: string; base64: string }): Promise<Sidecar> {
  try {
    if (source.kind === 'path') {
      const isVideo = VIDEO_EXTENSIONS.has(extname(source.path).toLowerCase());
      const path = isVideo ? sidecarPathFor(source.path) : source.path;
      if (isVideo && !(await exists(path))) {
        throw new IpcUserError('not_found', say('app.sidecar.missing', { video: basename(source.path), sidecar: basename(path) }));
      }
      return await readSidecar(path);
    }
    const bytes = Buffer.from(source.base64, 'base64');
    if (isVideoBytes(bytes, source.name)) throw new IpcUserError('invalid_input', say(DROP_THE_JSON));
    return parseSidecar(bytes.toString('utf8'), source.name || 'The sidecar');
  } catch (err) {
    if (isSidecarError(err)) throw new IpcUserError('invalid_input', wordsOf(err));
    throw err;
  }
}

/** An ISO-BMFF file (mp4/mov) carries `ftyp` at offset 4; the name catches a truncated upload. */
function isVideoBytes(bytes: Buffer, name?: string): boolean {
  if (name && VIDEO_EXTENSIONS.has(extname(name).toLowerCase())) return true;
  return bytes.length >= 8 && bytes.subarray(4, 8).toString('latin1') === 'ftyp';
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await fsp.stat(path)).isFile();
  } catch {
    return false;
  }
}

async function restore(ctx: SidecarContext, sidecar: Sidecar): Promise<SidecarOpenResult> {
  const { params, input } = sidecar;
  try {
    if ('url' in input) {
      const { provider } = await ctx.core.target();
      const image = checkImageUrl(input.url, { allowInsecureLocal: PROVIDER_INFO[provider].local });
      return { params, image: describe(ctx.images.add(image), { image }) };
    }
    const match = ctx.core.library
      .list({})
      .find((rec) => rec.input.kind === 'file' && rec.input.sha256 === input.sha256);
    if (!match || match.input.kind !== 'file') {
      const name = input.originalName ? `“${input.originalName}”` : 'the original picture';
      return { params, note: `Settings restored. The library no longer has its input picture: drop ${name} to use it.` };
    }
    const image = await prepareImageFile(ctx.core.library.resolve(match.input.path), ctx.opts.preflight);
    const name = input.originalName ?? match.input.originalName;
    return { params, image: describe(ctx.images.add(image), { image, ...(name ? { name } : {}) }) };
  } catch (err) {
    if (isInputImageError(err)) {
      return { params, note: `Settings restored, but the input picture cannot be used: ${err.message}` };
    }
    throw err;
  }
}
