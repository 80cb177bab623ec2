import { memo, useState } from 'react';
import { isFinalState } from '../../../shared/domain';
import type { JobSummary } from '../../../shared/job-summary';
import { jobTag } from '../../../shared/job-tag';
import { getDesktopExtras } from '../../api/api';
import { formatRelative } from '../../components/format';
import { StarIcon } from '../../components/icons';
import { StateBadge } from '../../components/StateBadge';
import { useT } from '../../i18n/useT';
import { useLibrary, useStores } from '../../stores/hooks';
import { loadedShotSizes } from '../../stores/library-store';
import { CardCheck } from './CardCheck';
import { CardMedia } from './CardMedia';

const CARD_PROMPT_CHARS = 300;

/** `selecting`: "Select" mode is on (the grid asks the store once for all its cards). */
export const LibraryCard = memo(function LibraryCard({ record, index, selecting }: { record: JobSummary; index: number; selecting: boolean }) {
  const { library, compare } = useStores();
  const t = useT();
  const selected = useLibrary((s) => s.selectedId === record.id);
  // Takes of a shot are made together, so they sit in the loaded pages together (a number: re-renders only when it changes).
  const shotSize = useLibrary((s) => (record.shotId === undefined ? undefined : loadedShotSizes(s.pages).get(record.shotId)));
  const tag = jobTag(record, shotSize);
  // Keyboard focus (arrow keys) previews the take; a mouse click's focus does not (hover already does).
  const [keyboardFocus, setKeyboardFocus] = useState(false);
  const desktop = getDesktopExtras();
  const canDragOut = !!desktop && record.state === 'completed' && !!record.videoPath;

  return (
    <div className={`lib-card ${selected ? 'is-selected' : ''}`} role="listitem">
      <button
        type="button"
        className="lib-card-button"
        data-index={index}
        // Named by its content (prompt, status, resolution, age): the name holds the visible status
        // and everything else a sighted person reads on the card (WCAG 2.5.3, label in name).
        aria-current={selected || undefined}
        onFocus={(e) => setKeyboardFocus(e.currentTarget.matches(':focus-visible'))}
        onBlur={() => setKeyboardFocus(false)}
        draggable={canDragOut}
        onDragStart={(e) => {
          if (!canDragOut) return;
          // The shell starts a native drag of the video file itself.
          e.preventDefault();
          desktop.startDrag(record.id);
        }}
        onClick={() => {
          // While "Compare with…" waits for a second job, a card choice completes the pair.
          // Comparing needs the whole record; the grid only holds the summary.
          if (compare.getState().picking) void library.getState().fullRecord(record.id).then((full) => full && compare.getState().pick(full));
          else void library.getState().select(record.id);
        }}
      >
        <CardMedia record={record} focused={keyboardFocus} />
        <div className="lib-card-text">
          {/* Two clamped lines show ~150 characters; laying out a 2,000-character prompt per card is waste. */}
          <p className="lib-card-prompt" data-user-text="">{record.params.prompt.slice(0, CARD_PROMPT_CHARS)}</p>
          <p className="lib-card-meta">
            <StateBadge state={record.state} error={record.error} />
            <span className="lib-card-when">
              {/* One string, one text node (a scroll step mounts a viewport of these). */}
              {[tag, record.params.resolution, isFinalState(record.state) ? formatRelative(record.createdAt) : ''].filter((part) => part !== '').join(' · ')}
            </span>
          </p>
        </div>
      </button>
      <button
        type="button"
        className={`star-button ${record.favourite ? 'is-on' : ''}`}
        aria-label={t('library.card.favourite')}
        aria-pressed={record.favourite}
        title={record.favourite ? t('library.card.removeFavourite') : t('library.card.addFavourite')}
        onClick={() => void library.getState().setFavourite(record.id, !record.favourite)}
      >
        <StarIcon size={15} aria-hidden="true" />
      </button>
      {selecting && <CardCheck id={record.id} prompt={record.params.prompt} />}
    </div>
  );
});

export function LibraryCardPlaceholder() {
  return (
    <div className="lib-card is-placeholder" role="listitem" aria-hidden="true">
      <div className="lib-card-media skeleton" />
      <div className="lib-card-text">
        <div className="skeleton skeleton-line" />
        <div className="skeleton skeleton-line short" />
      </div>
    </div>
  );
}
