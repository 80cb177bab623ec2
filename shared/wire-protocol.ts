// The browser host carries the IPC contract over one WebSocket (/ws). These are its frames; the
// host validates every incoming frame with this schema before the router sees the payload.
import { z } from 'zod';
import type { EventChannel, IpcResult } from './contract';

export const HOST_WS_PATH = '/ws';
/**
 * The page proves it holds this run's token on the WebSocket handshake, in Sec-WebSocket-Protocol:
 * it offers [HOST_WS_PROTOCOL, hostTokenProtocol(token)] and the host, which can read the header
 * before upgrading, answers with HOST_WS_PROTOCOL. No cookie: cookies are not separated by port,
 * so every other server on 127.0.0.1 the browser visits would receive one.
 */
export const HOST_WS_PROTOCOL = 'veo-studio.v1';
const TOKEN_PROTOCOL_PREFIX = 'veo-token.';
export const hostTokenProtocol = (token: string): string => `${TOKEN_PROTOCOL_PREFIX}${token}`;
/** The token among the offered subprotocols, or undefined. */
export function tokenFromProtocols(offered: Iterable<string>): string | undefined {
  for (const p of offered) if (p.startsWith(TOKEN_PROTOCOL_PREFIX)) return p.slice(TOKEN_PROTOCOL_PREFIX.length);
  return undefined;
}
/** The printed URL carries the token as `#token=…`: a fragment never reaches any server or log. */
export const HOST_TOKEN_PARAM = 'token';

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
