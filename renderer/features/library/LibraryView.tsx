// The Library: search and filters on top, a virtualized grid of every job, and the selected job's
// detail beside it. Keyboard: ⌘/Ctrl+F search, arrows move in the grid, Space plays, ←/→ seek in
// the detail, J/K/L shuttle, "," / "." step a frame, T theatre (usePlayer), Delete removes (with
// undo), Esc leaves theatre mode, then closes the detail.
import { useEffect, useRef } from 'react';
import { isTypingTarget } from '../../components/keyboard';
import { useT } from '../../i18n/useT';
import { useLibrary, useStores } from '../../stores/hooks';
import { JobsPanelToggle } from '../jobs/JobsPanel';
import { LibraryDetail } from './LibraryDetail';
import { LibraryGrid } from './LibraryGrid';
import { LibraryToolbar } from './LibraryToolbar';
import { PortableActions } from './PortableActions';
import { deleteChecked } from './selection-actions';
import { SpendSummary } from './SpendSummary';
import { useArrowsSeek } from './useArrowsSeek';
import { usePlayer } from './usePlayer';

export function LibraryView() {
  const { library, portable } = useStores();
  const t = useT();
  const total = useLibrary((s) => s.total);
  const selectedId = useLibrary((s) => s.selectedId);
  const videoRef = useRef<HTMLVideoElement>(null);
  const player = usePlayer(videoRef, !!selectedId);
  const arrowsSeek = useArrowsSeek(videoRef, !!selectedId);

  // On the window, not the view: a card re-created by the virtualizer takes focus with it, and
  // Delete / Space must still work when focus has fallen back to the page.
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTypingTarget(e.target) || e.metaKey || e.ctrlKey || e.altKey) return;
      const target = e.target instanceof HTMLElement ? e.target : document.body;
      const video = videoRef.current;
      const selected = library.getState().selectedId;
      // The player's own controls already handle keys while it has focus.
      if (target === video) return;
      const checked = portable.getState().selecting && portable.getState().checked.length > 0;
      if ((e.key === 'Delete' || e.key === 'Backspace') && checked) {
        // Ticked cards are what the Delete key means, as "Delete selected" does: one deletion, one Undo.
        e.preventDefault();
        void deleteChecked(library, portable);
      } else if ((e.key === 'Delete' || e.key === 'Backspace') && selected) {
        e.preventDefault();
        void library.getState().remove(selected);
      } else if (e.key === 'Escape' && selected && !target.closest('.toasts')) {
        e.preventDefault();
        void library.getState().select(undefined);
      } else if (e.key === ' ' && video && (!target.closest('button, a, select') || target.closest('.lib-grid'))) {
        e.preventDefault();
        if (video.paused) void video.play().catch(() => undefined);
        else video.pause();
      } else if ((e.key === 'ArrowLeft' || e.key === 'ArrowRight') && video && (arrowsSeek.current || !target.closest('.lib-grid'))) {
        e.preventDefault();
        const step = e.shiftKey ? 1 : 5;
        const next = video.currentTime + (e.key === 'ArrowLeft' ? -step : step);
        video.currentTime = Math.max(0, Math.min(video.duration || 0, next));
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [library, portable, arrowsSeek]);

  return (
    <div className="library-view">
      <header className="view-header">
        <div>
          <h1 className="view-title">{t('library.view.title')}</h1>
          <p className="view-subtitle">{t('common.jobs', { count: total })}</p>
        </div>
        <div className="view-header-actions">
          <PortableActions />
          <JobsPanelToggle />
        </div>
      </header>
      <SpendSummary />
      <LibraryToolbar />
      <div className={`library-body ${selectedId ? 'has-detail' : ''}`}>
        <LibraryGrid arrowsSeek={arrowsSeek} />
        {selectedId && <LibraryDetail videoRef={videoRef} player={player} />}
      </div>
    </div>
  );
}
