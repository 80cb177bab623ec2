// fast-check generators for what a compromised or buggy renderer could send through IPC: payloads
// that break the contract (a valid example with one field swapped for something hostile, or any
// value at all), and payloads that pass the contract but point at things that do not exist or must
// not be touched (ids, tokens, paths, links).
import fc from 'fast-check';
import { INVOKE_CHANNELS, type InvokeChannel } from '../../../shared/contract';

/** One valid payload per channel: the starting point the corruptor breaks one piece of. */
export const VALID_EXAMPLES: Record<InvokeChannel, unknown> = {
  'app:info': undefined,
  'image:prepare': { kind: 'bytes', name: 'a.png', base64: 'iVBORw0KGgo=' },
  'image:discard': { token: 'tok' },
  'jobs:create': { params: { prompt: 'a fox', aspectRatio: '16:9', duration: '8s', resolution: '720p', generateAudio: true, seed: 7 }, imageToken: 'tok' },
  'jobs:cancel': { id: 'job' },
  'jobs:recheck': { id: 'job' },
  'jobs:rerun': { id: 'job' },
  'jobs:active': undefined,
  'library:list': { search: 'fox', states: ['completed'], favourite: true, sort: 'newest', limit: 10, offset: 0 },
  'library:summaries': { search: 'fox', states: ['completed'], favourite: true, sort: 'newest', limit: 10, offset: 0 },
  'library:get': { id: 'job' },
  'library:favourite': { id: 'job', favourite: true },
  'library:delete': { id: 'job' },
  'library:undoDelete': { id: 'job' },
  'library:setPoster': { id: 'job', seconds: 0.5, jpeg: '/9j/2w==' },
  // /dev/null is a file, so these folders can never be created or read: a fuzzed call stays harmless.
  'library:export': { ids: ['job'], dest: '/dev/null/veo-fuzz-export' },
  'library:import': { src: '/dev/null/veo-fuzz-export' },
  'library:exportPick': { ids: ['job'] },
  'library:importPick': undefined,
  'library:chain': { id: 'job' },
  'library:takes': { id: 'job' },
  'library:chainList': { id: 'job' },
  'library:ledger': undefined,
  'library:jobCost': { id: 'job' },
  'sidecar:open': { kind: 'bytes', name: 'take.json', base64: 'e30=' },
  'key:status': { provider: 'aggregator' },
  'key:set': { provider: 'aggregator', key: 'sk-0123456789abcdef' },
  'key:clear': { provider: 'fal' },
  'key:check': { provider: 'simulator', key: 'sk-0123456789abcdef' },
  'account:balance': undefined,
  'settings:get': undefined,
  'settings:update': { concurrency: 3, theme: 'dark', apiBase: { fal: 'https://queue.fal.run' } },
  'video:saveAs': { id: 'job' },
  'video:showInFolder': { id: 'job' },
};

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  '../../../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '/etc/shadow',
  'C:\\Windows\\win.ini',
  '\\\\server\\share\\x.png',
  'file:///etc/passwd',
  'javascript:alert(1)',
  '<img src=x onerror=alert(1)>',
  '__proto__',
  'constructor',
  'toString',
  '\ud800',
  '\u202e',
  '%',
  'x'.repeat(70_000),
];

/** Anything a structured clone or a JSON frame can carry, plus the usual troublemakers. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ withMap: true, withSet: true, withDate: true, withTypedArray: true, withNullPrototype: true, withSparseArray: true, withBoxedValues: true, maxDepth: 3 }),
  fc.constantFrom<unknown>(...HOSTILE_STRINGS, NaN, Infinity, -Infinity, -0, -1, 2 ** 53, 1e308, null, undefined, true, [], {}),
  fc.constantFrom<unknown>(JSON.parse('{"__proto__":{"polluted":true}}'), JSON.parse('{"constructor":{"prototype":{"polluted":true}}}')),
);

/** Every path to a value inside `v` (the root is []). */
function paths(v: unknown, prefix: string[] = []): string[][] {
  const out = [prefix];
  if (v !== null && typeof v === 'object') {
    for (const [k, child] of Object.entries(v)) out.push(...paths(child, [...prefix, k]));
  }
  return out;
}

function replaceAt(v: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  const copy = Array.isArray(v) ? [...v] : { ...(v as Record<string, unknown>) };
  (copy as Record<string, unknown>)[head] = replaceAt((v as Record<string, unknown>)[head], rest, value);
  return copy;
}

/**
 * The tests run as root: a generated absolute `dest` such as "/abc" would really receive an export.
 * Such paths are moved under /dev/null, where nothing can ever be created, keeping their shape.
 */
function keepExportsHarmless(channel: string, payload: unknown): unknown {
  const dest = (payload as { dest?: unknown } | null)?.dest;
  if (channel !== 'library:export' || typeof dest !== 'string' || !dest.startsWith('/') || dest.startsWith('/dev/null')) return payload;
  return { ...(payload as object), dest: `/dev/null${dest}` };
}

/** A valid example with one value (or the whole payload) replaced by something hostile. */
export const corruptedCall: fc.Arbitrary<{ channel: string; payload: unknown }> = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.constantFrom(...INVOKE_CHANNELS), fc.nat(), hostileValue).map(([channel, n, value]) => {
    const example = VALID_EXAMPLES[channel];
    const all = paths(example);
    return { channel, payload: keepExportsHarmless(channel, replaceAt(example, all[n % all.length] as string[], value)) };
  }) },
  { weight: 1, arbitrary: fc.record({ channel: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'toString', 'constructor', 'jobs:', ':create', 'JOBS:CREATE', 'jobs:create ')), payload: hostileValue }) },
);

const NO_SUCH_ID = fc.oneof(
  fc.uuid(),
  fc.string({ minLength: 1, maxLength: 200 }),
  fc.constantFrom('..', '.', '../library', 'media/../..', '%2e%2e', 'job\u0000', 'CON', 'a'.repeat(200)),
);

/** Calls that pass the contract but name nothing that exists, or something that must be refused. */
export const wellFormedButWrong: fc.Arbitrary<{ channel: InvokeChannel; payload: unknown }> = fc.oneof(
  fc.tuple(fc.constantFrom<InvokeChannel>('jobs:cancel', 'jobs:recheck', 'jobs:rerun', 'library:delete', 'library:undoDelete', 'video:saveAs', 'video:showInFolder'), NO_SUCH_ID).map(([channel, id]) => ({ channel, payload: { id } })),
  fc.tuple(NO_SUCH_ID, fc.boolean()).map(([id, favourite]) => ({ channel: 'library:favourite' as const, payload: { id, favourite } })),
  fc.string({ minLength: 1, maxLength: 200 }).map((imageToken) => ({ channel: 'jobs:create' as const, payload: { ...(VALID_EXAMPLES['jobs:create'] as object), imageToken } })),
  fc.oneof(
    fc.constantFrom('/dev/zero', '/dev/urandom', '/etc/shadow', '/etc/passwd', '/proc/self/environ', '/proc/self/mem', '/', '.', '..', '~/.ssh/id_rsa', 'package.json', 'C:\\pagefile.sys'),
    fc.string({ minLength: 1, maxLength: 300 }).map((s) => `/nonexistent/${s}`),
  ).map((path) => ({ channel: 'image:prepare' as const, payload: { kind: 'path', path } })),
  fc.oneof(fc.base64String({ minLength: 4, maxLength: 4000 }), fc.string({ minLength: 1, maxLength: 400 }), fc.constantFrom('data:image/png;base64,', 'data:text/html;base64,PGgxPg==')).map((base64) => ({ channel: 'image:prepare' as const, payload: { kind: 'bytes', base64 } })),
  fc.oneof(
    fc.constantFrom('javascript:alert(1)', 'file:///etc/passwd', 'http://example.com/a.png', 'ftp://host/a.png', 'https://user:pass@example.com/a.png', 'data:image/png;base64,iVBORw0KGgo=', 'https://', 'about:blank', 'blob:https://x/1', ' '),
    fc.string({ minLength: 1, maxLength: 100 }).filter((s) => !/^\s*https?:/i.test(s)),
  ).map((url) => ({ channel: 'image:prepare' as const, payload: { kind: 'url', url } })),
  fc.string({ minLength: 1, maxLength: 1000 }).map((key) => ({ channel: 'key:set' as const, payload: { provider: 'simulator', key } })),
);
