// Restoring Create from a sidecar: the core reads and checks it (sidecar:open), then the form gets
// its settings and — when the core could find it — its input picture. Lives outside the create
// store so that store keeps one job (the form and submit); this only fills it.
import type { InvokeInput, VeoApi } from '../../shared/contract';
import { describeIpcError } from '../api/errors';
import { tr } from '../i18n/intl';
import { formFromParams } from './create-form';
import type { CreateStore } from './create-store';
import type { ToastStore } from './toast-store';

export type SidecarSource = InvokeInput<'sidecar:open'>;

export async function restoreFromSidecar(
  { api, create, toasts }: { api: VeoApi; create: CreateStore; toasts: ToastStore },
  source: SidecarSource,
  /** The file's name as the user knows it, quoted; without one the toast says "the sidecar". */
  name?: string,
): Promise<boolean> {
  create.getState().beginIntake();
  const result = await api.sidecar.open(source);
  if (!result.ok) {
    create.getState().rejectImages(describeIpcError(result.error, tr('library.sidecar.failed')).message);
    return false;
  }
  const { params, image, note } = result.value;
  // clearImages releases the pictures the form held and makes any slower, older drop lose.
  create.getState().clearImages();
  create.setState({
    ...formFromParams(params),
    images: image ? [image] : [],
    intake: note ? { status: 'notice', message: note } : { status: 'idle' },
  });
  toasts.getState().push({
    tone: 'success',
    title: tr('library.sidecar.restored'),
    message: name === undefined ? tr('library.sidecar.loadedFromSidecar') : tr('library.sidecar.loadedFrom', { name }),
  });
  return true;
}
