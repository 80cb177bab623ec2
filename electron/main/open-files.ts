// Pictures the operating system asks us to open ("Open with Veo Studio", a double-click, a drop on
// the dock icon). Windows and Linux hand them over on the command line — of the first launch, or of
// a second launch forwarded through 'second-instance' — and Linux's `%U` may pass file:// URLs;
// macOS sends 'open-file' events instead. No Electron import: unit tests run this under plain Node.
// The filters here only keep the obvious non-pictures out; the core's preflight re-checks the bytes.
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The extensions the packaging registers as file associations (electron-builder.yml). */
export const OPENABLE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.webp'] as const;

/** Paths kept while no window can take them yet; a flood of launches must not grow without bound. */
export const MAX_QUEUED_OPENS = 50;

/** Longest argument considered (the contract's path limit). */
const MAX_PATH_LENGTH = 4096;

export type IsFile = (absolutePath: string) => boolean;

const isRegularFile: IsFile = (p) => {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
};

/**
 * The image files named in a command line, absolute and without repeats, in their order. argv[0]
 * (the executable) is skipped; flags, the app path of a dev run (`electron .`), URLs other than
 * file://, missing files and other extensions are ignored. Relative paths resolve against `cwd` —
 * for a second launch, the working directory of THAT launch.
 */
export function imagePathsFromArgv(argv: readonly string[], cwd: string, isFile: IsFile = isRegularFile): string[] {
  const found: string[] = [];
  for (const arg of argv.slice(1)) {
    // Chromium switches (--allow-file-access-from-files, --original-process-start-time=…) and
    // macOS's old -psn_… argument; a picture whose name starts with "-" is not worth the ambiguity.
    if (arg.startsWith('-')) continue;
    const file = openableImagePath(arg, cwd, isFile);
    if (file && !found.includes(file)) found.push(file);
  }
  return found;
}

/** One path or file:// URL from the OS as an absolute picture path, or undefined if it is not one. */
export function openableImagePath(candidate: string, cwd: string, isFile: IsFile = isRegularFile): string | undefined {
  if (!candidate || candidate.length > MAX_PATH_LENGTH || candidate.includes('\0')) return undefined;
  const local = toLocalPath(candidate);
  if (!local) return undefined;
  const absolute = path.resolve(cwd, local);
  if (!(OPENABLE_EXTENSIONS as readonly string[]).includes(path.extname(absolute).toLowerCase())) return undefined;
  return isFile(absolute) ? absolute : undefined;
}

function toLocalPath(candidate: string): string | undefined {
  if (/^file:/i.test(candidate)) {
    try {
      return fileURLToPath(candidate);
    } catch {
      return undefined; // file://otherhost/… or a malformed URL
    }
  }
  // Any other scheme (https:, veo:…) names no local file. Two letters or more, so C:\ stays a path.
  if (/^[a-z][a-z0-9+.-]+:/i.test(candidate)) return undefined;
  return candidate;
}

/**
 * Holds pictures the OS handed us until a window can take them (macOS sends 'open-file' before
 * `ready`; a first launch's argv is read before the shell exists), then passes every later one
 * straight through.
 */
export class OpenRequests {
  private queued: string[] = [];
  private deliver: ((path: string) => void) | undefined;
  private closed = false;

  constructor(private readonly limit = MAX_QUEUED_OPENS) {}

  add(paths: readonly string[]): void {
    if (this.closed) return;
    for (const p of paths) {
      if (this.deliver) {
        this.deliver(p);
        continue;
      }
      if (this.queued.includes(p)) continue;
      this.queued.push(p);
      // Keep the newest: the last pictures asked for are the ones the user is waiting to see.
      if (this.queued.length > this.limit) this.queued.shift();
    }
  }

  /** From now on deliver directly; what was queued goes first, in order. */
  attach(deliver: (path: string) => void): void {
    if (this.closed) return;
    this.deliver = deliver;
    for (const p of this.queued.splice(0)) deliver(p);
  }

  /** Shutting down: nothing more is delivered or kept. */
  close(): void {
    this.closed = true;
    this.deliver = undefined;
    this.queued = [];
  }

  get pending(): number {
    return this.queued.length;
  }
}
