// What can be done with a finished video's file. The desktop app has native dialogs; the browser
// host offers a plain download of the same media URL instead.
import type { JobRecord } from '../../../shared/domain';
import { videoFileName } from '../../../shared/video-file-name';
import { describeIpcError } from '../../api/errors';
import { mediaUrl } from '../../api/media';
import { DownloadIcon, FolderIcon } from '../../components/icons';
import { useT } from '../../i18n/useT';
import { useApp, useStores } from '../../stores/hooks';

export function FileActions({ record, compact = false }: { record: JobRecord; compact?: boolean }) {
  const { api, toasts } = useStores();
  const t = useT();
  const info = useApp((s) => s.info);
  if (record.state !== 'completed' || !record.videoPath || !info) return null;

  if (!info.nativeFiles) {
    const href = mediaUrl(info.mediaBase, record.videoPath);
    return (
      <a className={`btn btn-secondary ${compact ? 'btn-small' : ''}`} href={href} download={videoFileName(record)}>
        <DownloadIcon size={14} aria-hidden="true" />
        {t('library.file.download')}
      </a>
    );
  }

  const run = async (what: 'saveAs' | 'showInFolder') => {
    const result = what === 'saveAs' ? await api.video.saveAs({ id: record.id }) : await api.video.showInFolder({ id: record.id });
    if (!result.ok) {
      toasts.getState().error(describeIpcError(result.error, what === 'saveAs' ? t('library.file.saveFailed') : t('library.file.showFailed')));
    } else if (what === 'saveAs' && result.value) {
      toasts.getState().push({ tone: 'success', title: t('library.file.saved'), message: result.value.path });
    }
  };

  return (
    <>
      <button type="button" className={`btn btn-secondary ${compact ? 'btn-small' : ''}`} onClick={() => void run('saveAs')}>
        <DownloadIcon size={14} aria-hidden="true" />
        {t('library.file.saveAs')}
      </button>
      <button type="button" className={`btn btn-ghost ${compact ? 'btn-small' : ''}`} onClick={() => void run('showInFolder')}>
        <FolderIcon size={14} aria-hidden="true" />
        {t('library.file.showInFolder')}
      </button>
    </>
  );
}
