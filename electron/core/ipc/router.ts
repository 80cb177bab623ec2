// The one router behind every face: Electron's ipcMain and the browser host's WebSocket both hand
// it (channel, payload) exactly as received. It validates the channel and the payload against the
// contract, runs the handler, and turns every outcome into a result value — nothing throws across
// the bridge, and no stack trace or internal detail reaches the renderer.
import { z } from 'zod';
import {
  invokeChannels,
  isInvokeChannel,
  type InvokeChannel,
  type InvokeOutput,
  type IpcError,
  type IpcResult,
} from '../../../shared/contract';
import type { CodedMessage, MessageId, MessageParams } from '../../../shared/i18n/messages';
import { say } from '../../../shared/i18n/messages';
import { isApiError } from '../api/errors';
import { codeOf, saidOf, type Said } from '../util/said';

export type HandlerInput<C extends InvokeChannel> = z.output<(typeof invokeChannels)[C]['input']>;
export type Handlers = {
  [C in InvokeChannel]: (input: HandlerInput<C>) => Promise<InvokeOutput<C>> | InvokeOutput<C>;
};

/**
 * Thrown by handlers for failures the user should read as they are. Pass `say(code, params)` so the
 * app can show it in the user's language (a plain string stays English everywhere).
 */
export class IpcUserError extends Error {
  readonly code?: MessageId;
  readonly params?: MessageParams;
  constructor(
    readonly kind: IpcError['kind'],
    words: string | (CodedMessage & { message: string }),
    /** What the renderer needs beyond the words (e.g. the spend guard's quote). */
    readonly extra: Pick<IpcError, 'needsConfirmation'> = {},
  ) {
    super(typeof words === 'string' ? words : words.message);
    this.name = 'IpcUserError';
    if (typeof words !== 'string') {
      this.code = words.code;
      this.params = words.params;
    }
  }
}

export interface Router {
  handle(channel: unknown, payload: unknown): Promise<IpcResult<unknown>>;
}

export function createRouter(handlers: Handlers, log: (msg: string, err: unknown) => void = defaultLog): Router {
  return {
    async handle(channel, payload) {
      if (!isInvokeChannel(channel)) {
        return fail('invalid_input', say('app.ipc.unknownRequest'));
      }
      const parsed = invokeChannels[channel].input.safeParse(payload);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
        return fail('invalid_input', `${issue?.message ?? 'Invalid request'}${where}`);
      }
      try {
        const handler = handlers[channel] as (input: unknown) => unknown;
        return { ok: true, value: await handler(parsed.data) };
      } catch (err) {
        return toFailure(channel, err, log);
      }
    },
  };
}

function toFailure(channel: string, err: unknown, log: (msg: string, err: unknown) => void): IpcResult<never> {
  if (err instanceof IpcUserError) {
    const coded = err.code === undefined ? {} : { code: err.code, ...(err.params === undefined ? {} : { params: err.params }) };
    return { ok: false, error: { kind: err.kind, message: err.message, ...coded, ...err.extra } };
  }
  if (isApiError(err)) return { ok: false, error: { kind: 'failed', message: err.message, jobError: err.toJobError() } };
  if (err instanceof z.ZodError) return fail('invalid_input', err.issues[0]?.message ?? 'Invalid input');
  const said = saidOf(err);
  if (said) return fail('failed', said);
  // Core errors are written for people (library, preflight, keychain); anything else is a bug.
  log(`[veo] ${channel} failed`, err);
  return fail('failed', err instanceof Error && err.message ? err.message : say('app.ipc.somethingWrong'));
}

const fail = (kind: IpcError['kind'], words: string | Said): IpcResult<never> => ({
  ok: false,
  error: typeof words === 'string' ? { kind, message: words } : { kind, message: words.message, ...codeOf(words) },
});

const defaultLog = (msg: string, err: unknown): void => console.error(msg, err instanceof Error ? err.message : err);
