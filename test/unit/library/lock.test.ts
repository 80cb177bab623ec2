import { spawnSync } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { LibraryInUseError, LibraryStore } from '../../../electron/core/library';
import { isProcessAlive, processStartTime } from '../../../electron/core/library/lock';
import { makeJobRecord } from '../../support/records';
import { useTempLibrary } from '../../support/temp-library';

const lib = useTempLibrary('veo-lock-');

let lockPath: string;

/** The pid of a process that has certainly exited (it ran to completion before we look). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  expect(child.pid).toBeGreaterThan(0);
  expect(isProcessAlive(child.pid)).toBe(false);
  return child.pid;
}

beforeEach(() => {
  lockPath = path.join(lib.dir, 'library.lock');
});

describe('library lock', () => {
  it('writes our pid while open and removes the lock on close', async () => {
    const store = await lib.openStore();
    expect((await fsp.readFile(lockPath, 'utf8')).split('\n')[0]).toBe(String(process.pid));
    await store.close();
    await expect(fsp.stat(lockPath)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a second open while the first is open, with a message naming the holder', async () => {
    await lib.openStore();
    const second = LibraryStore.open(lib.dir);
    await expect(second).rejects.toBeInstanceOf(LibraryInUseError);
    await expect(second).rejects.toThrow(
      `The Veo Studio library at ${lib.dir} is in use by process ${process.pid} (the app or another CLI). Close it and try again.`,
    );
  });

  it('refuses a lock held by another live process', async () => {
    await fsp.writeFile(lockPath, `${process.ppid}\n`);
    await expect(LibraryStore.open(lib.dir)).rejects.toThrow(`in use by process ${process.ppid}`);
    expect((await fsp.readFile(lockPath, 'utf8')).trim()).toBe(String(process.ppid));
  });

  it('takes over a stale lock whose process is gone, keeping the data', async () => {
    const first = await lib.openStore();
    const r = await first.put(makeJobRecord());
    await first.close();
    const pid = deadPid();
    await fsp.writeFile(lockPath, `${pid}\n`);
    const store = await lib.openStore();
    expect(store.get(r.id)).toEqual(r);
    expect((await fsp.readFile(lockPath, 'utf8')).split('\n')[0]).toBe(String(process.pid));
  });

  it('takes over a lock written before the machine booted (its pid may belong to someone else now)', async () => {
    await fsp.writeFile(lockPath, `${process.ppid}\n`);
    const beforeBoot = new Date(Date.now() - os.uptime() * 1000 - 60_000);
    await fsp.utimes(lockPath, beforeBoot, beforeBoot);
    await lib.openStore();
    expect((await fsp.readFile(lockPath, 'utf8')).split('\n')[0]).toBe(String(process.pid));
  });

  it.runIf(process.platform === 'linux')('records the owner\'s start time next to its pid', async () => {
    await lib.openStore();
    const [pid, start] = (await fsp.readFile(lockPath, 'utf8')).split('\n');
    expect(pid).toBe(String(process.pid));
    expect(start).toBe(processStartTime(process.pid));
    expect(start).toMatch(/^\d+$/);
  });

  it.runIf(process.platform === 'linux')('takes over a lock whose pid now belongs to a process that started later (pid reuse)', async () => {
    // A live process (our parent) with a start time that is not its own: the owner that wrote this
    // lock died, and the number was handed to someone else.
    const reused = process.ppid;
    expect(isProcessAlive(reused)).toBe(true);
    const otherStart = String(Number(processStartTime(reused)) + 12_345);
    await fsp.writeFile(lockPath, `${reused}\n${otherStart}\n`);
    const store = await lib.openStore();
    expect(store.list()).toEqual([]);
    expect((await fsp.readFile(lockPath, 'utf8')).split('\n')[0]).toBe(String(process.pid));
  });

  it.runIf(process.platform === 'linux')('still refuses that pid when the start time matches (the owner is alive)', async () => {
    await fsp.writeFile(lockPath, `${process.ppid}\n${processStartTime(process.ppid)}\n`);
    await expect(LibraryStore.open(lib.dir)).rejects.toBeInstanceOf(LibraryInUseError);
  });

  it('takes over a lock with unreadable content', async () => {
    await fsp.writeFile(lockPath, 'not a pid');
    await lib.openStore();
    expect((await fsp.readFile(lockPath, 'utf8')).split('\n')[0]).toBe(String(process.pid));
  });

  it('does not remove a lock that another process took over after we were presumed dead', async () => {
    const store = await lib.openStore();
    await fsp.writeFile(lockPath, `${process.ppid}\n`);
    await store.close();
    expect((await fsp.readFile(lockPath, 'utf8')).trim()).toBe(String(process.ppid));
  });
});
