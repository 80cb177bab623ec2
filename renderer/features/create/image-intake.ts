// Turns what the user dropped, chose, pasted or typed into ImageSources for image:prepare. The core
// re-checks every byte; the checks here only give a faster, friendlier "no" for obvious mistakes.
import { useCallback } from 'react';
import type { ImageSource } from '../../../shared/contract';
import { getDesktopExtras } from '../../api/api';
import type { DesktopExtras } from '../../api/types';
import { formatBytes } from '../../components/format';
import { useStores } from '../../stores/hooks';
import { restoreFromSidecar } from '../../stores/sidecar-restore';
import { canPrepareInPage, prepareInPage, toBase64 } from './image-prepare';
import { tr } from '../../i18n/intl';

export const ACCEPTED_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const ACCEPT_ATTRIBUTE = ACCEPTED_TYPES.join(',');
/** What the file chooser also offers: a sidecar (or its video) restores a job's settings. */
export const SIDECAR_ACCEPT = '.json,application/json,.mp4,video/mp4';
const MAX_SIDECAR_UPLOAD_BYTES = 1024 * 1024;

/** A sidecar JSON, or a video whose sidecar may sit next to it. */
export function isSidecarCandidate(file: File): boolean {
  return /\.(json|mp4|mov|m4v)$/i.test(file.name) || file.type === 'application/json' || file.type.startsWith('video/');
}
/** The contract carries at most ~30 MB of picture as base64 in one frame. */
const MAX_UPLOAD_BYTES = 30 * 1024 * 1024;

class IntakeError extends Error {}

/** Why this file is obviously not usable, or undefined. An empty type is left to the core to sniff. */
export function obviousProblem(file: File): string | undefined {
  const named = { hasName: file.name ? 'yes' : 'no', name: file.name };
  if (file.type && !(ACCEPTED_TYPES as readonly string[]).includes(file.type)) {
    return tr('create.intake.notPicture', named);
  }
  if (file.size === 0) return tr('create.intake.empty', named);
  return undefined;
}

export async function fileToSource(file: File, desktop: DesktopExtras | undefined): Promise<ImageSource> {
  const path = desktop?.files.pathForFile(file);
  if (file.size <= MAX_UPLOAD_BYTES && canPrepareInPage()) {
    // Decoded here by Chromium, in the sandbox; the core only validates the result (image-prepare.ts).
    // A file Chromium cannot decode falls through: the core names what it is ("a PDF document"…).
    try {
      return await prepareInPage(file, file.name || undefined, path);
    } catch {
      // fall through
    }
  }
  // Electron: hand main the path and let it read the file itself (no 30 MB copy through IPC).
  if (path) return { kind: 'path', path };
  if (file.size > MAX_UPLOAD_BYTES) {
    throw new IntakeError(tr('create.intake.tooLarge', { name: file.name, size: formatBytes(file.size) }));
  }
  const base64 = await readBase64(file);
  return { kind: 'bytes', ...(file.name ? { name: file.name } : {}), base64 };
}

function readBase64(file: File): Promise<string> {
  return toBase64(file).catch(() => {
    throw new IntakeError(tr('create.intake.couldNotRead', { name: file.name }));
  });
}

/** A pasted or dropped https address of a picture, or undefined. */
export function imageUrlFromText(text: string): string | undefined {
  const candidate = text.trim().split(/\s+/)[0] ?? '';
  if (!/^https:\/\//i.test(candidate)) return undefined;
  try {
    return new URL(candidate).href;
  } catch {
    return undefined;
  }
}

export interface ImageIntake {
  takeFiles(files: readonly File[]): Promise<void>;
  takeUrl(url: string): Promise<void>;
}

export function useImageIntake(): ImageIntake {
  const { api, create, toasts } = useStores();

  const takeSidecar = useCallback(
    async (file: File) => {
      const path = getDesktopExtras()?.files.pathForFile(file);
      if (path) {
        await restoreFromSidecar({ api, create, toasts }, { kind: 'path', path }, `“${file.name}”`);
        return;
      }
      // Without a path (browser host) a video arrives alone: its sidecar cannot be found beside it.
      if (!/\.json$/i.test(file.name) && file.type !== 'application/json') {
        create.getState().rejectImages(`“${file.name}” arrived without its folder, so its sidecar cannot be found. Drop the .json sidecar next to it instead.`);
        return;
      }
      if (file.size > MAX_SIDECAR_UPLOAD_BYTES) {
        create.getState().rejectImages(tr('create.intake.sidecarTooLarge', { name: file.name }));
        return;
      }
      try {
        const base64 = await readBase64(file);
        await restoreFromSidecar({ api, create, toasts }, { kind: 'bytes', name: file.name, base64 }, tr('create.restore.quoted', { name: file.name }));
      } catch (err) {
        create.getState().rejectImages(err instanceof IntakeError ? err.message : tr('create.intake.couldNotRead', { name: file.name }));
      }
    },
    [api, create, toasts],
  );

  const takeFiles = useCallback(
    async (files: readonly File[]) => {
      if (files.length === 0) return;
      const sidecar = files.find(isSidecarCandidate);
      if (sidecar) {
        await takeSidecar(sidecar);
        return;
      }
      const problems = files.map(obviousProblem);
      const usable = files.filter((_, i) => !problems[i]);
      if (usable.length === 0) {
        create.getState().rejectImages(problems.find(Boolean) ?? tr('create.intake.cannotUse'));
        return;
      }
      if (usable.length < files.length) {
        toasts.getState().push({ tone: 'error', title: tr('create.intake.someSkipped'), message: problems.find(Boolean) });
      }
      create.getState().beginIntake();
      const desktop = getDesktopExtras();
      const sources: ImageSource[] = [];
      for (const file of usable) {
        try {
          sources.push(await fileToSource(file, desktop));
        } catch (err) {
          const message = err instanceof IntakeError ? err.message : tr('create.intake.couldNotRead', { name: file.name });
          if (usable.length === 1) {
            create.getState().rejectImages(message);
            return;
          }
          toasts.getState().push({ tone: 'error', title: tr('create.intake.oneSkipped'), message });
        }
      }
      if (sources.length === 0) {
        create.getState().rejectImages(tr('create.intake.noneRead'));
        return;
      }
      await create.getState().addImages(sources);
    },
    [create, toasts, takeSidecar],
  );

  const takeUrl = useCallback(
    async (url: string) => {
      const https = imageUrlFromText(url);
      if (!https) {
        create.getState().rejectImages(tr('create.intake.badUrl'));
        return;
      }
      await create.getState().addImages([{ kind: 'url', url: https }]);
    },
    [create],
  );

  return { takeFiles, takeUrl };
}
