// The router is the one gate between untrusted renderer input and the app service: every payload
// is checked against the contract, every outcome becomes a result value, and no stack trace leaks.
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { INVOKE_CHANNELS, type InvokeChannel, type IpcResult } from '../../../shared/contract';
import { ApiError } from '../../../electron/core/api/errors';
import { createRouter, IpcUserError, type Handlers } from '../../../electron/core/ipc/router';

type Calls = Array<{ channel: InvokeChannel; input: unknown }>;

function fakeHandlers(calls: Calls, impl?: (channel: InvokeChannel, input: unknown) => unknown): Handlers {
  return Object.fromEntries(
    INVOKE_CHANNELS.map((channel) => [
      channel,
      async (input: unknown) => {
        calls.push({ channel, input });
        return impl ? impl(channel, input) : { echoed: channel };
      },
    ]),
  ) as unknown as Handlers;
}

const STACK_LINE = /\n\s+at\s/;
const expectFailure = (r: IpcResult<unknown>, kind: string): string => {
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('unreachable');
  expect(r.error.kind).toBe(kind);
  expect(r.error.message).not.toMatch(STACK_LINE);
  expect(r.error.message.length).toBeLessThan(2000);
  return r.error.message;
};

describe('channel and payload validation', () => {
  it('refuses unknown channels, including inherited property names', async () => {
    const calls: Calls = [];
    const router = createRouter(fakeHandlers(calls));
    for (const channel of ['nope:nope', '', 'toString', '__proto__', 'constructor', 'hasOwnProperty', 42, null, undefined, { c: 1 }]) {
      expectFailure(await router.handle(channel, undefined), 'invalid_input');
    }
    expect(calls).toHaveLength(0);
  });

  it('passes valid payloads through, parsed (defaults applied, unknown keys stripped)', async () => {
    const calls: Calls = [];
    const router = createRouter(fakeHandlers(calls));
    const r = await router.handle('jobs:create', { params: { prompt: '  a fox  ' }, imageToken: 't', extra: 'dropped' });
    expect(r).toEqual({ ok: true, value: { echoed: 'jobs:create' } });
    expect(calls[0]?.input).toEqual({
      params: { model: 'fal-ai/veo3/image-to-video', prompt: 'a fox', aspectRatio: 'auto', duration: '8s', resolution: '720p', generateAudio: true },
      imageToken: 't',
    });
    expect(await router.handle('app:info', undefined)).toEqual({ ok: true, value: { echoed: 'app:info' } });
  });

  it('names the offending field in the message', async () => {
    const router = createRouter(fakeHandlers([]));
    const msg = expectFailure(await router.handle('library:favourite', { id: 'a', favourite: 'yes' }), 'invalid_input');
    expect(msg).toContain('favourite');
    expect(expectFailure(await router.handle('jobs:create', { params: { prompt: '' }, imageToken: 't' }), 'invalid_input')).toContain(
      'Write a prompt',
    );
  });

  it('refuses wrong shapes, missing fields and huge strings', async () => {
    const calls: Calls = [];
    const router = createRouter(fakeHandlers(calls));
    const cases: Array<[InvokeChannel, unknown]> = [
      ['app:info', {}],
      ['app:info', 'x'],
      ['jobs:cancel', undefined],
      ['jobs:cancel', {}],
      ['jobs:cancel', { id: '' }],
      ['jobs:cancel', { id: 'x'.repeat(201) }],
      ['jobs:cancel', { id: 5 }],
      ['jobs:cancel', ['id']],
      ['key:set', { key: 'k'.repeat(1001) }],
      ['image:prepare', { kind: 'url', url: 'u'.repeat(4097) }],
      ['image:prepare', { kind: 'bytes', base64: 'A'.repeat(40_000_001) }],
      ['image:prepare', { kind: 'file', path: '/etc/passwd' }],
      ['library:list', { search: 's'.repeat(501) }],
      ['library:list', { limit: Number.POSITIVE_INFINITY }],
      ['library:list', { offset: Number.NaN }],
      ['settings:update', { concurrency: 99 }],
      ['settings:update', { apiBase: { fal: 'not a url' } }],
      ['settings:update', { provider: 'openai' }],
    ];
    for (const [channel, payload] of cases) expectFailure(await router.handle(channel, payload), 'invalid_input');
    expect(calls).toHaveLength(0);
  });

  it('never lets prototype-polluting keys reach a handler or Object.prototype', async () => {
    const calls: Calls = [];
    const router = createRouter(fakeHandlers(calls));
    const polluted = JSON.parse('{"id":"a","favourite":true,"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}}}');
    const r = await router.handle('library:favourite', polluted);
    expect(r.ok).toBe(true);
    expect(calls[0]?.input).toEqual({ id: 'a', favourite: true });
    expect(Object.getPrototypeOf(calls[0]?.input)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const nested = JSON.parse('{"params":{"prompt":"p","__proto__":{"seed":-5}},"imageToken":"t"}');
    expect((await router.handle('jobs:create', nested)).ok).toBe(true);
    expect((calls[1]?.input as { params: { seed?: number } }).params.seed).toBeUndefined();
  });
});

describe('handler failures become result values', () => {
  const run = async (thrown: unknown) => {
    const log = vi.fn();
    const router = createRouter(
      fakeHandlers([], () => {
        throw thrown;
      }),
      log,
    );
    return { result: await router.handle('jobs:cancel', { id: 'job-1' }), log };
  };

  it('IpcUserError keeps its kind and message', async () => {
    const { result, log } = await run(new IpcUserError('not_found', 'This job is no longer in the library.'));
    expect(result).toEqual({ ok: false, error: { kind: 'not_found', message: 'This job is no longer in the library.' } });
    expect(log).not.toHaveBeenCalled();
  });

  it('ApiError becomes "failed" with its job error attached', async () => {
    const err = new ApiError({ kind: 'auth', message: 'The API key was rejected.', httpStatus: 401, requestId: 'req-9' });
    const { result } = await run(err);
    expect(result).toEqual({
      ok: false,
      error: { kind: 'failed', message: 'The API key was rejected.', jobError: { kind: 'auth', message: 'The API key was rejected.', httpStatus: 401, requestId: 'req-9' } },
    });
  });

  it('a plain Error keeps its message but not its stack, and is logged', async () => {
    const { result, log } = await run(new Error('There is no job x in the library.'));
    expect(expectFailure(result, 'failed')).toBe('There is no job x in the library.');
    expect(log).toHaveBeenCalledOnce();
  });

  it('a thrown non-Error and an empty message get a generic sentence', async () => {
    expect(expectFailure((await run('boom')).result, 'failed')).toBe('Something went wrong. Try again.');
    expect(expectFailure((await run(new Error(''))).result, 'failed')).toBe('Something went wrong. Try again.');
  });

  it('a ZodError thrown inside a handler is invalid input', async () => {
    const zerr = z.object({ a: z.string() }).safeParse({ a: 1 }).error;
    expectFailure((await run(zerr)).result, 'invalid_input');
  });
});

// ---- Generated malformed payloads ------------------------------------------------------------
// A seeded generator (fast-check is not installed): start from a valid payload and break exactly one
// thing — a field's type or range, a missing required field, or the whole payload's shape.

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DELETE = Symbol('delete');
type Breakage = unknown | typeof DELETE;
interface Spec {
  valid: () => Record<string, unknown>;
  /** dotted path → values that must be refused there (DELETE = remove a required field). */
  breaks: Record<string, Breakage[]>;
}

const ANY_WRONG = [null, true, 0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, {}, [], [1], { $gt: '' }, () => 1];
const notString = ANY_WRONG;
const notBool = [null, 0, 1, 'true', 'yes', {}, [], Number.NaN];
const badInt = [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '3', null, true, {}, []];

const SPECS: Partial<Record<InvokeChannel, Spec>> = {
  'jobs:create': {
    valid: () => ({ params: { prompt: 'a fox', aspectRatio: '16:9', duration: '8s', resolution: '720p', generateAudio: true }, imageToken: 'tok' }),
    breaks: {
      params: [DELETE, ...notString, 'a fox'],
      'params.prompt': [DELETE, '', '   ', 'p'.repeat(5001), ...notString],
      'params.aspectRatio': ['4:3', '16:10', 'AUTO', ...notString.filter((v) => v !== null)],
      'params.duration': ['5s', '8', 8, 'forever'],
      'params.resolution': ['8k', '4K', '720', 720],
      // Whether this model takes 4k or a seed is asked in the handler (shared/models.ts), not here.
      'params.model': ['fal-ai/veo4/image-to-video', 'fal-ai/veo3', '', 5],
      shotId: ['', 's'.repeat(201), 5],
      take: [0, -1, 1.5, 101, '1'],
      'params.generateAudio': notBool.filter((v) => v !== null),
      'params.seed': [...badInt.filter((v) => v !== null), 2 ** 32],
      'params.negativePrompt': ['n'.repeat(5001), 5, {}, []],
      imageToken: [DELETE, '', 't'.repeat(201), ...notString],
      parentId: ['p'.repeat(201), 5, {}, [], true],
    },
  },
  'library:list': {
    valid: () => ({ search: 'fox', states: ['completed'], favourite: true, sort: 'newest', limit: 10, offset: 0 }),
    breaks: {
      search: ['s'.repeat(501), 5, {}, [], true],
      states: [['bogus'], 'completed', ['completed', 5], Array(8).fill('queued'), {}, 5],
      favourite: notBool.filter((v) => v !== null),
      sort: ['sideways', 1, {}, []],
      limit: [...badInt.filter((v) => v !== null), 100_001],
      offset: badInt.filter((v) => v !== null),
    },
  },
  'key:set': {
    valid: () => ({ provider: 'fal', key: 'sk-abcdefgh' }),
    breaks: {
      key: [DELETE, '', 'k'.repeat(1001), ...notString],
      provider: ['openai', 'FAL', 1, {}, [], true],
    },
  },
  'image:prepare': {
    valid: () => ({ kind: 'url', url: 'https://example.com/a.png' }),
    breaks: {
      kind: [DELETE, 'file', 'URL', 'bytes', 'path', 1, null, {}],
      url: [DELETE, '', 'u'.repeat(4097), ...notString],
    },
  },
  'library:favourite': {
    valid: () => ({ id: 'job-1', favourite: false }),
    breaks: {
      id: [DELETE, '', 'i'.repeat(201), ...notString],
      favourite: [DELETE, ...notBool],
    },
  },
};
const WHOLE_PAYLOAD_BREAKS = [undefined, null, 0, 'x', true, [], [{}], Number.NaN];

function setPath(obj: Record<string, unknown>, dotted: string, value: Breakage): void {
  const keys = dotted.split('.');
  let target = obj;
  for (const k of keys.slice(0, -1)) target = target[k] as Record<string, unknown>;
  const last = keys[keys.length - 1] as string;
  if (value === DELETE) delete target[last];
  else target[last] = value;
}

function* malformed(spec: Spec, count: number, seed: number): Generator<{ payload: unknown; what: string }> {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const fields = Object.keys(spec.breaks);
  for (let i = 0; i < count; i++) {
    if (rnd() < 0.1) {
      const payload = pick(WHOLE_PAYLOAD_BREAKS);
      yield { payload, what: `whole payload ${String(payload)}` };
      continue;
    }
    const payload = spec.valid();
    const field = pick(fields);
    const value = pick(spec.breaks[field] as Breakage[]);
    setPath(payload, field, value);
    // Noise that must not rescue or change anything: junk keys and pollution attempts.
    if (rnd() < 0.5) payload[`junk${i}`] = pick(ANY_WRONG);
    if (rnd() < 0.3) Object.assign(payload, JSON.parse('{"__proto__":{"isAdmin":true}}'));
    yield { payload, what: `${field} = ${value === DELETE ? '<missing>' : typeof value === 'string' && value.length > 40 ? `<${value.length} chars>` : String(value)}` };
  }
}

describe('generated malformed payloads are all refused as invalid input', () => {
  it.each(Object.keys(SPECS) as InvokeChannel[])('%s: 250 broken payloads', async (channel) => {
    const spec = SPECS[channel] as Spec;
    const calls: Calls = [];
    const router = createRouter(fakeHandlers(calls));
    // The unbroken payload must pass, or the test proves nothing.
    expect((await router.handle(channel, spec.valid())).ok).toBe(true);
    calls.length = 0;
    let n = 0;
    for (const { payload, what } of malformed(spec, 250, channel.length * 7919)) {
      const r = await router.handle(channel, payload);
      expect(r.ok, `${channel}: ${what} was accepted`).toBe(false);
      if (!r.ok) {
        expect(r.error.kind).toBe('invalid_input');
        expect(r.error.message).not.toMatch(STACK_LINE);
      }
      n++;
    }
    expect(n).toBe(250);
    expect(calls).toHaveLength(0);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});
