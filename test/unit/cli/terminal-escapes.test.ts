// Issue 10: the CLI printed server text with raw terminal escape codes. Everything it prints passes
// through stripTerminalControls now — human lines and --json alike.
import { randomUUID } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { stripTerminalControls, type CliIo } from '../../../electron/cli/io';
import { LibraryStore } from '../../../electron/core/library/store';
import { MemoryKeychain } from '../../../electron/core/secrets/secret-store';
import { makeJobRecord } from '../../support/records';

// Retitle the window, clear the screen, a C1 CSI (U+009B) colouring text, a carriage return that
// would overwrite the line, and an OSC 52 clipboard write.
const HOSTILE = 'refused\u001b]0;pwned\u0007\u001b[2J\u009b31mred\rOVERWRITE\u001b]52;c;ZXZpbA==\u0007';
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

let dataDir: string;
const id = randomUUID();

beforeEach(async () => {
  dataDir = await fsp.mkdtemp(path.join(tmpdir(), 'veo-cli-escapes-'));
  const store = await LibraryStore.open(path.join(dataDir, 'library'));
  await store.put(makeJobRecord({ id, state: 'failed', params: { prompt: `a lighthouse ${HOSTILE}` }, input: { kind: 'url', url: 'https://example.com/p.png' }, error: { kind: 'unknown', message: HOSTILE, detail: HOSTILE }, logs: [{ message: HOSTILE }] }));
  await store.close();
});
afterEach(async () => {
  await fsp.rm(dataDir, { recursive: true, force: true });
});

async function printed(argv: string[]): Promise<string> {
  const lines: string[] = [];
  const io: CliIo = { out: (l) => lines.push(l), err: (l) => lines.push(l), readSecret: async () => '' };
  await runCli([...argv, '--data-dir', dataDir], io, { keychain: new MemoryKeychain() });
  return lines.join('\n');
}

describe('server text on the terminal', () => {
  it.each([[['show', id]], [['show', id, '--json']], [['list']], [['list', '--json']]])('%j prints no control characters', async (argv) => {
    const out = await printed(argv);
    expect(out).toContain('refused');
    expect(out).not.toMatch(CONTROLS);
  });

  it('keeps newlines and tabs, drops C0/C1 controls', () => {
    expect(stripTerminalControls('a\tb\nc\u001b[31md\u009be\u007f')).toBe('a\tb\nc[31mde');
  });
});

// Red-team F8b: right-to-left overrides from provider text reached the terminal, where they reorder
// what the user reads ("gpj.exe" shown as "exe.jpg"). Bidi embeddings, overrides and isolates go too;
// ordinary right-to-left text (Arabic, Hebrew) is kept.
describe('bidi controls', () => {
  it('strips U+202A–U+202E and U+2066–U+2069, keeps right-to-left letters', () => {
    const bidi = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069';
    expect(stripTerminalControls(`report${bidi}gpj.exe`)).toBe('reportgpj.exe');
    expect(stripTerminalControls('שלום مرحبا')).toBe('שלום مرحبا');
  });
});
