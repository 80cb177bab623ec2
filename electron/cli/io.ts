// The CLI's only contact with the terminal, injectable so tests can run commands in-process.
import { createInterface } from 'node:readline';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Reads one secret line; on a terminal it is not echoed. */
  readSecret(prompt: string): Promise<string>;
}

// C0 controls except tab and newline, DEL, and C1 controls (U+0080–U+009F: a lone U+009B is a CSI
// on many terminals). Server text — error details, log lines, prompts from an imported library —
// reaches the terminal through here, and an escape sequence in it could retitle the window, clear
// the screen, rewrite earlier lines or (on some terminals) write files. Bidi embeddings, overrides
// and isolates (U+202A–U+202E, U+2066–U+2069) go too: they reorder what is shown, so a name or a
// message can read as something else ("Trojan Source"); right-to-left letters themselves stay.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function stripTerminalControls(text: string): string {
  return text.replace(TERMINAL_CONTROLS, '');
}

/** Every line printed through the returned io is stripped of terminal controls first. */
export function terminalSafe(io: CliIo): CliIo {
  return {
    out: (line) => io.out(stripTerminalControls(line)),
    err: (line) => io.err(stripTerminalControls(line)),
    readSecret: (prompt) => io.readSecret(prompt),
  };
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  readSecret: (prompt) => (process.stdin.isTTY ? readHidden(prompt) : readAllStdin()),
};

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}

function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    process.stderr.write(prompt);
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    // Swallow the echo: readline writes typed characters through _writeToOutput.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
    rl.once('line', (line) => {
      rl.close();
      process.stderr.write('\n');
      resolve(line.trim());
    });
  });
}
