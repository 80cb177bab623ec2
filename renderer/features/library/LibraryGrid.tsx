// A virtualized grid: only the rows on screen (plus a few) exist in the DOM, and only their pages
// are fetched, so 10,000 jobs scroll as smoothly as ten.
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { CreateIcon, ErrorIcon, FilmIcon, SearchIcon } from '../../components/icons';
import type { JobSummary } from '../../../shared/job-summary';
import { DEFAULT_LIBRARY_QUERY, LIBRARY_PAGE_SIZE } from '../../stores/library-store';
import { useT } from '../../i18n/useT';
import { useLibrary, useStores } from '../../stores/hooks';
import { rowsToRender, useOverscanRows } from './grid-rows';
import { LibraryCard, LibraryCardPlaceholder } from './LibraryCard';
import { handleSelectionKey } from './selection-keys';
import { useElementWidth } from './useElementWidth';
import { usePortable } from './usePortable';

const MIN_CARD_WIDTH = 200;
const GAP = 16;
const PADDING = 24;
/** How long after a key move (or a re-layout) the grid keeps focus on its card. */
const FOCUS_WATCH_MS = 1500;
/** Text block under the 16:9 thumbnail. */
const CARD_TEXT_HEIGHT = 74;

/** `arrowsSeek`: while true, ←/→ are the open player's (see useArrowsSeek), not the grid's. */
export function LibraryGrid({ arrowsSeek }: { arrowsSeek?: RefObject<boolean> }) {
  const { library, portable } = useStores();
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(scrollRef);
  const total = useLibrary((s) => s.total);
  const pages = useLibrary((s) => s.pages);
  const status = useLibrary((s) => s.status);
  const selecting = usePortable((s) => s.selecting);

  const inner = Math.max(0, width - PADDING * 2);
  const columns = Math.max(1, Math.floor((inner + GAP) / (MIN_CARD_WIDTH + GAP)));
  const cardWidth = (inner - GAP * (columns - 1)) / columns;
  const rowHeight = Math.round((cardWidth * 9) / 16 + CARD_TEXT_HEIGHT + GAP);
  const rowCount = Math.ceil(total / columns);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render on purpose; nothing memoizes around it
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 3,
    // Render new rows in their own task rather than inside the scroll event, so one scroll step's
    // React work and the frame's style, layout and paint are not one long task. The overscan rows
    // already cover a one-viewport jump, so nothing blank shows in between.
    useFlushSync: false,
    paddingStart: PADDING,
    paddingEnd: PADDING,
  });
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);

  const items = virtualizer.getVirtualItems();
  const firstRow = items[0]?.index ?? 0;
  const lastRow = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (total > 0) void library.getState().ensureRange(firstRow * columns, (lastRow + 1) * columns - 1);
  }, [library, firstRow, lastRow, columns, pages, total]);
  // The rows on screen render now; the overscan rows around them (what a scroll step mostly adds)
  // follow one row per task (grid-rows.ts).
  const visible = virtualizer.range ? { first: virtualizer.range.startIndex, last: virtualizer.range.endIndex } : undefined;
  const overscan = useOverscanRows(items.length > 0 ? { first: firstRow, last: lastRow } : undefined, visible);
  const rows = items.length === 0 ? [] : rowsToRender(visible, overscan, rowCount);

  // Keyboard focus must survive what the grid does after a key: End jumps to a page not loaded yet
  // (its card is a placeholder for a moment), and opening the detail narrows the grid, which moves
  // the focused card into another row (a re-mount) — sometimes more than once while the detail
  // loads. For a moment after such a move the grid watches, frame by frame: the card gets focus once
  // it exists, and again if focus falls to the page; focus the person moves elsewhere is left alone.
  const pendingFocus = useRef<{ index: number; select: boolean; until: number; from: Element | null }>(undefined);
  const lastFocused = useRef<number>(undefined);
  const watchFocus = (index: number, select: boolean) => {
    const first = !pendingFocus.current;
    // `from`: where focus was when the key was pressed (it stays there until the card exists).
    pendingFocus.current = { index, select, until: performance.now() + FOCUS_WATCH_MS, from: document.activeElement };
    if (!first) return;
    const step = () => {
      const pending = pendingFocus.current;
      if (!pending || performance.now() > pending.until) {
        pendingFocus.current = undefined;
        return;
      }
      const card = scrollRef.current?.querySelector<HTMLButtonElement>(`[data-index="${pending.index}"]`);
      const active = document.activeElement;
      const lost = !active || active === document.body;
      if (!lost && active !== card && active !== pending.from) {
        pendingFocus.current = undefined; // the person moved focus elsewhere
        return;
      }
      if (card && active !== card) card.focus();
      if (card && pending.select) {
        pending.select = false;
        const record = library.getState().itemAt(pending.index);
        if (record) void library.getState().select(record.id);
      }
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  };
  useEffect(() => {
    // A new column count re-mounts cards: the focused one lost focus to the page.
    if (lastFocused.current === undefined || (document.activeElement && document.activeElement !== document.body)) return;
    watchFocus(lastFocused.current, false);
    virtualizer.scrollToIndex(Math.floor(lastFocused.current / columns), { align: 'auto' });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on a column change only
  }, [columns]);

  const focusIndex = (index: number) => {
    const clamped = Math.max(0, Math.min(total - 1, index));
    virtualizer.scrollToIndex(Math.floor(clamped / columns), { align: 'auto' });
    watchFocus(clamped, true);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (handleSelectionKey(e, portable, library)) return;
    const current = Number((e.target as HTMLElement).dataset.index);
    if (Number.isNaN(current)) return;
    const moves: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -columns, ArrowDown: columns };
    if ((e.key === 'ArrowLeft' || e.key === 'ArrowRight') && arrowsSeek?.current) return;
    if (e.key in moves) {
      e.preventDefault();
      focusIndex(current + moves[e.key]!);
    } else if (e.key === 'Home') {
      e.preventDefault();
      focusIndex(0);
    } else if (e.key === 'End') {
      e.preventDefault();
      focusIndex(total - 1);
    }
  };

  return (
    <div className="lib-grid-scroll" ref={scrollRef}>
      {total === 0 && status !== 'loading' && status !== 'idle' ? (
        <GridEmptyState />
      ) : (
        <div
          className="lib-grid"
          role="list"
          aria-label={t('library.grid.label')}
          style={{ height: virtualizer.getTotalSize() }}
          onKeyDown={onKeyDown}
          onFocus={(e) => {
            const index = Number((e.target as HTMLElement).dataset.index);
            if (!Number.isNaN(index)) lastFocused.current = index;
          }}
        >
          {rows.map((row) => {
            const first = row * columns;
            const last = Math.min(total, first + columns) - 1;
            return (
              <GridRow
                key={row}
                first={first}
                last={last}
                columns={columns}
                top={PADDING + row * rowHeight}
                height={rowHeight - GAP}
                // A row's cards come from at most two pages: it re-renders only when one of them changes.
                pageOfFirst={pages[Math.floor(first / LIBRARY_PAGE_SIZE)]}
                pageOfLast={pages[Math.floor(last / LIBRARY_PAGE_SIZE)]}
                selecting={selecting}
              />
            );
          })}
        </div>
      )}
    </div>
  );
}

/** One row of cards; memoized, so a scroll step re-renders only the rows it adds. */
const GridRow = memo(function GridRow(props: {
  first: number;
  last: number;
  columns: number;
  top: number;
  height: number;
  pageOfFirst: JobSummary[] | undefined;
  pageOfLast: JobSummary[] | undefined;
  selecting: boolean;
}) {
  const { first, last, columns, top, height, pageOfFirst, pageOfLast, selecting } = props;
  const cells = [];
  for (let index = first; index <= last; index++) {
    const page = Math.floor(index / LIBRARY_PAGE_SIZE) === Math.floor(first / LIBRARY_PAGE_SIZE) ? pageOfFirst : pageOfLast;
    const record = page?.[index % LIBRARY_PAGE_SIZE];
    cells.push(record ? <LibraryCard key={record.id} record={record} index={index} selecting={selecting} /> : <LibraryCardPlaceholder key={`placeholder-${index}`} />);
  }
  return (
    <div
      className="lib-row"
      style={{ transform: `translateY(${top}px)`, height, gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, paddingInline: PADDING }}
    >
      {cells}
    </div>
  );
});

function GridEmptyState() {
  const { library, app } = useStores();
  const t = useT();
  const query = useLibrary((s) => s.query);
  const status = useLibrary((s) => s.status);
  const error = useLibrary((s) => s.error);
  const filtered =
    query.search.trim() !== '' || query.states.length > 0 || query.favourite !== DEFAULT_LIBRARY_QUERY.favourite;

  if (status === 'error') {
    return (
      <EmptyState
        icon={<ErrorIcon size={24} />}
        title={t('library.grid.readFailed')}
        action={
          <button type="button" className="btn btn-secondary" onClick={() => void library.getState().refresh()}>
            {t('common.tryAgain')}
          </button>
        }
      >
        {error}
      </EmptyState>
    );
  }
  if (filtered) {
    return (
      <EmptyState
        icon={<SearchIcon size={24} />}
        title={query.search.trim() ? t('library.grid.noResults', { search: query.search.trim() }) : t('library.grid.noMatch')}
        action={
          <button type="button" className="btn btn-secondary" onClick={() => void library.getState().resetQuery()}>
            {t('library.grid.clearFilters')}
          </button>
        }
      >
        {t('library.grid.filteredHint')}
      </EmptyState>
    );
  }
  return (
    <EmptyState
      icon={<FilmIcon size={24} />}
      title={t('library.grid.emptyTitle')}
      action={
        <button type="button" className="btn btn-primary" onClick={() => app.getState().setView('create')}>
          <CreateIcon size={16} aria-hidden="true" />
          {t('library.grid.emptyAction')}
        </button>
      }
    >
      {t('library.grid.emptyText')}
    </EmptyState>
  );
}
