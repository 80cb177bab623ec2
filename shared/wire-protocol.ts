// The browser host carries the IPC contract over one WebSocket (/ws). These are its frames; the
// host validates every incoming frame with this schema before the router sees the payload.
import { z } from 'zod';
import type { EventChannel, IpcResult } from './contract';

export const HOST_WS_PATH = '/ws';
/** Media from the library, same origin as the page: `${HOST_MEDIA_PATH}/<relative path>`. */
export const HOST_MEDIA_PATH = '/media';
/** Set by the host on `/?token=…`; required on every later request (and the WebSocket upgrade). */
export const HOST_COOKIE = 'veo_host';
/** Electron's media scheme: `veo-media://library/<relative path>`. */
export const MEDIA_SCHEME = 'veo-media';

export const ClientFrameSchema = z.object({
  type: z.literal('invoke'),
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  // Optional: JSON drops `undefined`, which is the payload of channels that take no input.
  payload: z.unknown().optional(),
});
export type ClientFrame = z.infer<typeof ClientFrameSchema>;

export type ServerFrame =
  | { type: 'result'; id: number; result: IpcResult<unknown> }
  | { type: 'event'; channel: EventChannel; payload: unknown };
