// Reads a dropped file for preflight, doing the cheap checks first: size from stat, type from the
// first bytes. A 90 MB PDF dropped by mistake is refused without being read.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { checkInputSize, requireAcceptedType } from './checks';
import { say } from '../../../shared/i18n/messages';
import { InputImageError, subjectParams } from './input-error';
import { SNIFF_BYTES } from './sniff';

export async function readImageFile(path: string, maxInputBytes: number, name: string): Promise<Buffer> {
  let handle;
  try {
    // O_NONBLOCK: opening a named pipe (FIFO) would otherwise wait forever for a writer and pin a
    // libuv thread; with it the open returns and the isFile() check below refuses the pipe.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw openError(err, name);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new InputImageError('not_found', say('app.image.notAFile', subjectParams(name)));
    checkInputSize(info.size, maxInputBytes, name);
    const head = Buffer.alloc(Math.min(SNIFF_BYTES, info.size));
    await handle.read(head, 0, head.length, 0);
    requireAcceptedType(head, name);
    // Read exactly the size stat reported, so a file that grows meanwhile cannot exceed the limit.
    const whole = Buffer.alloc(info.size);
    let filled = 0;
    while (filled < whole.length) {
      const { bytesRead } = await handle.read(whole, filled, whole.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return whole.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

function openError(err: unknown, name: string): InputImageError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') {
    return new InputImageError(
      'not_found',
      say('app.image.permissionDenied', subjectParams(name)),
      { cause: err },
    );
  }
  if (code === 'EISDIR') {
    return new InputImageError('not_found', say('app.image.isFolder', subjectParams(name)), { cause: err });
  }
  return new InputImageError(
    'not_found',
    say('app.image.notFound', subjectParams(name)),
    { cause: err },
  );
}
