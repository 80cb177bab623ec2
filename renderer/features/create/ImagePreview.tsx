// The filled drop zone: the picture with crop guides for 16:9 and 9:16 (the one this video will use
// is emphasised and everything outside it dimmed), its facts, warnings, and Replace / Remove.
import { useState, type CSSProperties } from 'react';
import type { PreparedImageInfo } from '../../../shared/contract';
import { formatBytes } from '../../components/format';
import { CloseIcon, LinkIcon, UploadIcon, WarningIcon } from '../../components/icons';
import { useCreate, useStores } from '../../stores/hooks';
import { cropBox, nearestTarget, type CropTarget } from './crop';
import { renderMessage } from '../../../shared/i18n/messages';
import { useLocale, useT } from '../../i18n/useT';

export function ImagePreview({ images, onReplace }: { images: PreparedImageInfo[]; onReplace: () => void }) {
  const { create } = useStores();
  const [chosen, setChosen] = useState(0);
  const index = Math.min(chosen, images.length - 1);
  const image = images[index]!;
  const aspect = useCreate((s) => s.aspectRatio);
  const t = useT();
  const locale = useLocale();

  return (
    <div className="preview">
      <div className="preview-stage">
        {image.previewDataUri && image.width && image.height ? (
          <PreviewFrame image={image} active={aspect === 'auto' ? nearestTarget(image.width, image.height) : aspect} auto={aspect === 'auto'} />
        ) : (
          <div className="preview-url">
            <LinkIcon size={22} aria-hidden="true" />
            <p className="preview-url-title">{t('create.preview.fromWeb')}</p>
            <p className="preview-url-text">{image.url ?? image.name}</p>
          </div>
        )}
      </div>
      {images.length > 1 && (
        <div className="filmstrip" role="group" aria-label={t('create.preview.queued')}>
          <span className="filmstrip-note">{t('create.preview.queuedNote', { count: images.length })}</span>
          {images.map((img, i) => (
            <button
              key={img.token}
              type="button"
              className="filmstrip-item"
              aria-pressed={i === index}
              aria-label={t('create.preview.showPicture', { index: i + 1, hasName: img.name ? 'yes' : 'no', name: img.name ?? '' })}
              onClick={() => setChosen(i)}
            >
              {img.previewDataUri ? <img src={img.previewDataUri} alt="" /> : <LinkIcon size={14} />}
            </button>
          ))}
        </div>
      )}
      <div className="preview-bar">
        <p className="preview-facts">
          <span className="preview-name">{image.name ?? image.url ?? t('create.preview.picture')}</span>
          {image.width && image.height && (
            <span>
              {image.width}×{image.height}
            </span>
          )}
          {image.bytes !== undefined && <span>{formatBytes(image.bytes)}</span>}
        </p>
        <div className="preview-actions">
          <button type="button" className="btn btn-ghost btn-small" onClick={onReplace}>
            <UploadIcon size={14} aria-hidden="true" />
            {t('create.preview.replace')}
          </button>
          <button
            type="button"
            className="btn btn-ghost btn-small"
            onClick={() => (images.length > 1 ? create.getState().removeImage(image.token) : create.getState().clearImages())}
          >
            <CloseIcon size={14} aria-hidden="true" />
            {t('create.preview.remove')}
          </button>
        </div>
      </div>
      {image.warnings.length > 0 && (
        <ul className="preview-warnings" aria-label={t('create.preview.warnings')}>
          {image.warnings.map((w, i) => (
            <li key={`${w.code}-${i}`}>
              <WarningIcon size={14} aria-hidden="true" />
              <span>{renderMessage(locale, w)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function PreviewFrame({ image, active, auto }: { image: PreparedImageInfo; active: CropTarget; auto: boolean }) {
  const width = image.width!;
  const height = image.height!;
  const t = useT();
  return (
    <div className="preview-frame" style={{ '--ratio': width / height } as CSSProperties}>
      <img src={image.previewDataUri} alt={t('create.preview.alt', { hasName: image.name ? 'yes' : 'no', name: image.name ?? '' })} draggable={false} />
      {(['16:9', '9:16'] as const).map((target) => {
        const box = cropBox(width, height, target);
        const isActive = target === active;
        return (
          <div
            key={target}
            className={`crop-guide ${isActive ? 'is-active' : ''}`}
            style={{ width: `${box.w * 100}%`, height: `${box.h * 100}%` }}
            aria-hidden="true"
          >
            <span className="crop-label">
              {isActive && auto ? t('create.preview.autoCrop', { target }) : target}
              {isActive && box.w * box.h < 0.999 && t('create.preview.keeps', { percent: Math.round(box.w * box.h * 100) })}
            </span>
          </div>
        );
      })}
    </div>
  );
}
