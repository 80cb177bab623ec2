// One writer per library: the desktop app and the CLI share a folder, and two processes appending to
// the same journal would interleave lines. The lock file holds the owner's pid and, where the system
// tells (Linux: /proc/<pid>/stat), the owner's start time; a lock whose owner is gone (crash, kill -9,
// reboot) is taken over — including when its pid now belongs to an unrelated process that started
// later (pids are reused), which used to lock the user out until a reboot.
import { randomBytes } from 'node:crypto';
import { promises as fsp, readFileSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { say } from '../../../shared/i18n/messages';
import { SaidError } from '../util/said';
import { LOCK_FILE } from './paths';

export class LibraryInUseError extends SaidError {
  readonly pid: number;
  constructor(dir: string, pid: number) {
    super(say('app.library.inUse', { dir, pid: String(pid) }));
    this.name = 'LibraryInUseError';
    this.pid = pid;
  }
}

export interface LibraryLock {
  release(): Promise<void>;
  /** The same, synchronously: for a process the OS kills right after (Windows session end). */
  releaseNow(): void;
}

/** True while a process with this pid exists. EPERM = it exists but belongs to another user. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parsePid(text: string): number | undefined {
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
}

/** The second line of a lock file: the owner's start time, if it was recorded. */
function parseStartTime(text: string): string | undefined {
  const value = text.split('\n')[1]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/**
 * When process `pid` started, as an opaque token (Linux: clock ticks since boot, field 22 of
 * /proc/<pid>/stat). Undefined where the system does not say; callers then fall back to comparing
 * the lock's age with the boot time.
 */
export function processStartTime(pid: number): string | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may itself contain spaces or ")".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const start = fields[19]; // field 22 overall; fields[0] is field 3 (state)
    return start !== undefined && /^\d+$/.test(start) ? start : undefined;
  } catch {
    return undefined;
  }
}

const lockContent = (): string => `${process.pid}\n${processStartTime(process.pid) ?? ''}\n`;

/**
 * Places a fully written lock file atomically: write a private temp file, then hard-link it to the
 * lock name (link fails with EEXIST if someone holds it). Readers therefore never see an empty lock.
 * Filesystems without hard links (exFAT) fall back to an exclusive create.
 */
async function tryCreate(lockPath: string): Promise<boolean> {
  const content = lockContent();
  const tmp = `${lockPath}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  await fsp.writeFile(tmp, content);
  try {
    await fsp.link(tmp, lockPath);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOENT: the current holder swept our temp file as a leftover; it holds the lock, so: not ours.
    if (code === 'EEXIST' || code === 'ENOENT') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    try {
      await fsp.writeFile(lockPath, content, { flag: 'wx' });
      return true;
    } catch (fallbackError) {
      if ((fallbackError as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw fallbackError;
    }
  } finally {
    await fsp.rm(tmp, { force: true });
  }
}

/**
 * Who holds an existing lock. It is stale (alive: false) with unreadable content, a dead pid, or a
 * lock written before the machine last booted (its pid may since have been reused by an unrelated
 * process, which would otherwise lock the user out for good).
 */
async function liveHolder(lockPath: string): Promise<{ pid?: number; raw: string; alive: boolean } | 'gone'> {
  let raw: string;
  let mtimeMs: number;
  try {
    raw = await fsp.readFile(lockPath, 'utf8');
    mtimeMs = (await fsp.stat(lockPath)).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  const pid = parsePid(raw);
  const bootTimeMs = Date.now() - os.uptime() * 1000;
  const recordedStart = parseStartTime(raw);
  const alive =
    pid !== undefined &&
    mtimeMs >= bootTimeMs &&
    isProcessAlive(pid) &&
    // Same pid, different start time: the owner died and an unrelated process got its number.
    (recordedStart === undefined || processStartTime(pid) === undefined || processStartTime(pid) === recordedStart);
  return { pid, raw, alive };
}

export async function acquireLibraryLock(dir: string): Promise<LibraryLock> {
  const lockPath = path.join(dir, LOCK_FILE);
  for (let round = 0; round < 3; round++) {
    if (await tryCreate(lockPath)) return ownedLock(lockPath);
    const holder = await liveHolder(lockPath);
    if (holder === 'gone') continue;
    if (holder.alive) throw new LibraryInUseError(dir, holder.pid ?? 0);
    // Stale. Re-read just before removing so that, if another process took the stale lock over a
    // moment ago, we do not delete its fresh lock (the remaining window is microseconds wide).
    const again = await liveHolder(lockPath);
    if (again !== 'gone' && again.raw === holder.raw) await fsp.rm(lockPath, { force: true });
  }
  throw new SaidError(say('app.library.lockContended', { dir }));
}

function ownedLock(lockPath: string): LibraryLock {
  // Release only a lock that is still ours: after a takeover by another process (we were presumed
  // dead) removing its lock would let a third writer in.
  const releaseSync = (): void => {
    try {
      if (readFileSync(lockPath, 'utf8') === lockContent()) unlinkSync(lockPath);
    } catch {
      // Already gone or unreadable: nothing of ours to remove.
    }
  };
  // A process that exits without close() (Ctrl-C in the CLI) still leaves no lock behind.
  process.once('exit', releaseSync);
  let released = false;
  const releaseNow = (): void => {
    if (released) return;
    released = true;
    process.removeListener('exit', releaseSync);
    releaseSync();
  };
  return {
    releaseNow,
    async release() {
      releaseNow();
    },
  };
}
