// library:export / library:import (a folder path typed by the user — the browser host runs on the
// same machine as its user) and library:exportPick / library:importPick (the desktop's native
// folder picker, then the same work). Only one export or import runs at a time: two writers into
// the same folder, or two imports racing on the same ids, would only confuse.
import path from 'node:path';
import type { PortableExportResult, PortableImportResult } from '../../../shared/contract';
import { say } from '../../../shared/i18n/messages';
import { IpcUserError, type Handlers } from '../ipc/router';
import { wordsOf } from '../util/said';
import { exportLibrary, importLibrary } from '../library/portable';
import type { ServiceContext } from './types';

type PortableHandlers = Pick<Handlers, 'library:export' | 'library:import' | 'library:exportPick' | 'library:importPick'>;

export function portableHandlers(ctx: ServiceContext): PortableHandlers {
  const { library } = ctx.core;
  let busy = false;

  const exclusive = async <T>(work: () => Promise<T>): Promise<T> => {
    if (busy) throw new IpcUserError('failed', say('app.portable.busy'));
    busy = true;
    try {
      return await work();
    } catch (error) {
      if (error instanceof IpcUserError) throw error;
      // The library's messages are written for people (which folder, what is wrong with it).
      throw new IpcUserError('failed', error instanceof Error ? wordsOf(error) : say('app.portable.failed'));
    } finally {
      busy = false;
    }
  };

  const runExport = (ids: string[] | undefined, dest: string): Promise<PortableExportResult> =>
    exclusive(() => exportLibrary(library, ids ?? 'all', absoluteFolder(dest)));
  const runImport = (src: string): Promise<PortableImportResult> => exclusive(() => importLibrary(library, absoluteFolder(src)));

  const pick = async (purpose: 'export' | 'import'): Promise<string | null> => {
    if (!ctx.platform.pickFolder) {
      throw new IpcUserError('unsupported', say('app.portable.noPicker'));
    }
    return ctx.platform.pickFolder(purpose);
  };

  return {
    'library:export'({ ids, dest }) {
      return runExport(ids, dest);
    },
    'library:import'({ src }) {
      return runImport(src);
    },
    async 'library:exportPick'({ ids }) {
      const dest = await pick('export');
      return dest === null ? null : runExport(ids, dest);
    },
    async 'library:importPick'() {
      const src = await pick('import');
      return src === null ? null : runImport(src);
    },
  };
}

/** A typed path must be absolute: "relative to what?" has no good answer for a server process. */
function absoluteFolder(input: string): string {
  const trimmed = input.trim();
  if (trimmed.includes('\0')) throw new IpcUserError('invalid_input', say('app.portable.nulByte'));
  if (!path.isAbsolute(trimmed)) {
    throw new IpcUserError('invalid_input', say('app.portable.notAbsolute', { sep: path.sep === '/' ? 'slash' : 'drive' }));
  }
  return path.resolve(trimmed);
}
