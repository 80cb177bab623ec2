// Mounted once for the window (App): feeds the poster maker every finished job the Jobs panel or the
// Library has loaded, and puts each saved poster into both stores so every card shows it at once.
import { useEffect } from 'react';
import type { JobRecord } from '../../../shared/domain';
import type { Stores } from '../../stores';
import { useStores } from '../../stores/hooks';
import { mediaUrl } from '../../api/media';
import { posterFromVideoUrl } from '../frames/poster-frame';
import { MISSING_POSTER_EVENT, missingPosters, PosterMaker } from './poster-maker';
import type { JobMediaFields } from './job-media';

export function usePosterMaker(): void {
  const { api, app, jobs, library } = useStores();
  useEffect(() => {
    const maker = new PosterMaker({
      draw: async (videoPath) => {
        const url = mediaUrl(app.getState().info?.mediaBase, videoPath);
        if (!url) throw new Error('The library media address is not known yet.');
        return posterFromVideoUrl(url);
      },
      save: (id, poster) => api.library.setPoster({ id, seconds: poster.seconds, jpeg: poster.base64 }),
      onSaved: (record) => showSavedPoster({ jobs, library }, record),
      pace: () => quietMoment(() => lastScrollAt),
    });
    const scan = (): void => {
      // Until app:info arrives there is no address to load a video from.
      if (!app.getState().info?.mediaBase) return;
      for (const record of jobs.getState().records.values()) maker.want(record);
      const { pages, selected } = library.getState();
      for (const items of Object.values(pages)) for (const summary of items) maker.want(summary);
      if (selected) maker.want(selected);
    };
    // Drawing a poster loads and decodes a video on this thread: never while the user scrolls.
    let lastScrollAt = 0;
    const onScroll = (): void => {
      lastScrollAt = performance.now();
    };
    document.addEventListener('scroll', onScroll, { capture: true, passive: true });
    const onMissing = (e: Event): void => maker.want((e as CustomEvent<JobMediaFields>).detail, true);
    missingPosters.addEventListener(MISSING_POSTER_EVENT, onMissing);
    scan();
    const offs = [app.subscribe(scan), jobs.subscribe(scan), library.subscribe(scan)];
    return () => {
      for (const off of offs) off();
      document.removeEventListener('scroll', onScroll, { capture: true });
      missingPosters.removeEventListener(MISSING_POSTER_EVENT, onMissing);
      maker.stop();
    };
  }, [api, app, jobs, library]);
}

/** Every card of the job (Jobs panel, grid, the open detail) shows its new poster at once. */
export function showSavedPoster({ jobs, library }: Pick<Stores, 'jobs' | 'library'>, record: JobRecord): void {
  jobs.getState().applyUpdated(record);
  library.getState().applyUpdated(record);
}

/** Scrolling has been still for a moment, then the browser's next idle period (waiting at most 2 s for one). */
async function quietMoment(lastScrollAt: () => number): Promise<void> {
  const QUIET_MS = 600;
  for (let since = 0; since < QUIET_MS; since = performance.now() - lastScrollAt()) {
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS - since));
  }
  await new Promise<void>((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 2000 });
    else resolve();
  });
}
