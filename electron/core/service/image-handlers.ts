// image:prepare / image:discard. A picture dropped or pasted in the page arrives already prepared by
// Chromium there ('prepared': only validated here, never decoded); a path ("Open with", File ▸ Open
// Image…), raw bytes or a pasted link go through the core's preflight; the result stays here under a token and
// the renderer gets only what it shows: size, warnings and a small JPEG preview.
import { basename } from 'node:path';
import type { ImageSource, PreparedImageInfo } from '../../../shared/contract';
import { PROVIDER_INFO } from '../../../shared/providers';
import { say } from '../../../shared/i18n/messages';
import { IpcUserError, type Handlers } from '../ipc/router';
import { wordsOf } from '../util/said';
import { readImageFile } from '../media/image-file';
import {
  checkImageUrl,
  isInputImageError,
  PREFLIGHT_DEFAULTS,
  prepareImageBytes,
  prepareImageFile,
  type PreparedImage,
} from '../media/preflight';
import { acceptPreparedImage } from '../media/prepared';
import { refusePathOnHost } from './host-face';
import type { ServiceContext } from './types';

/** Largest picture accepted as bytes over IPC / WebSocket (decoded). */
export const MAX_IMAGE_BYTES = 30 * 1024 * 1024;

export function imageHandlers(ctx: ServiceContext): Pick<Handlers, 'image:prepare' | 'image:discard'> {
  return {
    async 'image:prepare'(source) {
      const prepared = await prepare(ctx, source);
      const token = ctx.images.add(prepared.image);
      return describe(token, prepared);
    },
    'image:discard'({ token }) {
      ctx.images.discard(token);
    },
  };
}

export type Prepared = { image: PreparedImage; name?: string } | { image: { url: string } };

async function prepare(ctx: ServiceContext, source: ImageSource): Promise<Prepared> {
  try {
    switch (source.kind) {
      case 'path':
        refusePathOnHost(ctx.opts, 'picture');
        return { image: await prepareImageFile(source.path, ctx.opts.preflight), name: basename(source.path) };
      case 'bytes': {
        const bytes = decodeBase64(source.base64);
        const name = source.name?.trim() || undefined;
        return { image: await prepareImageBytes(bytes, { ...ctx.opts.preflight, ...(name ? { name } : {}) }), ...(name ? { name } : {}) };
      }
      case 'prepared': {
        // Decoded by Chromium in the page; here only headers and sizes are checked (media/prepared.ts).
        const name = source.name?.trim() || (source.path ? basename(source.path) : undefined);
        const limits = { ...PREFLIGHT_DEFAULTS, ...ctx.opts.preflight };
        // A path is a desktop thing: the host's page has none and must not name files (host-face.ts).
        if (source.path) refusePathOnHost(ctx.opts, 'picture');
        let original: Uint8Array;
        if (source.path) original = await readImageFile(source.path, limits.maxInputBytes, name ?? basename(source.path));
        else if (source.original) original = decodeBase64(source.original);
        else throw new IpcUserError('invalid_input', say('app.picture.noFile'));
        const image = acceptPreparedImage(
          {
            ...(name ? { name } : {}),
            original,
            payload: decodeBase64(source.payload),
            thumbnail: decodeBase64(source.thumbnail),
            width: source.width,
            height: source.height,
          },
          ctx.opts.preflight,
        );
        return { image, ...(name ? { name } : {}) };
      }
      case 'url': {
        // The simulator serves its test pictures over plain http on loopback; real providers never do.
        const { provider } = await ctx.core.target();
        return { image: checkImageUrl(source.url, { allowInsecureLocal: PROVIDER_INFO[provider].local }) };
      }
    }
  } catch (err) {
    if (isInputImageError(err)) throw new IpcUserError('invalid_input', wordsOf(err));
    throw err;
  }
}

/** Accepts plain base64 or a `data:…;base64,` URI (what FileReader and the clipboard give). */
function decodeBase64(text: string): Buffer {
  const comma = text.startsWith('data:') ? text.indexOf(',') : -1;
  const body = comma >= 0 ? text.slice(comma + 1) : text;
  // Check the size before allocating: base64 carries 3 bytes per 4 characters.
  if (Math.floor((body.length * 3) / 4) - 2 > MAX_IMAGE_BYTES) throw tooLarge();
  const bytes = Buffer.from(body, 'base64');
  if (bytes.length > MAX_IMAGE_BYTES) throw tooLarge();
  if (bytes.length === 0) throw new IpcUserError('invalid_input', say('app.picture.empty'));
  return bytes;
}

const tooLarge = (): IpcUserError =>
  new IpcUserError('invalid_input', say('app.picture.tooLarge', { megabytes: MAX_IMAGE_BYTES / (1024 * 1024) }));

/** Shared with sidecar:open, which hands back a library picture the same way. */
export function describe(token: string, prepared: Prepared): PreparedImageInfo {
  const { image } = prepared;
  if (!('payload' in image)) return { token, kind: 'url', url: image.url, warnings: [] };
  return {
    token,
    kind: 'file',
    ...('name' in prepared && prepared.name ? { name: prepared.name } : {}),
    mime: image.mime,
    width: image.width,
    height: image.height,
    bytes: image.bytes,
    previewDataUri: `data:image/jpeg;base64,${image.thumbnail.toString('base64')}`,
    warnings: image.warnings.map(({ code, message, text }) => ({ code, message, text })),
  };
}
