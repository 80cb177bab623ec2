// Which rows of the virtualized Library grid are in the DOM. The rows on screen always are, at once;
// the overscan rows around them (what a scroll step mostly adds) are mounted one row per task after
// that, so one scroll step never mounts a viewport of cards — and lays them out — in one long task.
import { useEffect, useRef, useState } from 'react';

export interface RowSpan {
  first: number;
  last: number;
}

const overlaps = (a: RowSpan, b: RowSpan): boolean => a.first <= b.last && b.first <= a.last;
const within = (span: RowSpan, bounds: RowSpan): RowSpan => ({ first: Math.max(span.first, bounds.first), last: Math.min(span.last, bounds.last) });

/**
 * One step from the mounted overscan span toward `target`: rows outside the target go, and one row
 * more comes in, on the side that misses more. Far from the target (a jump), it starts again from
 * the rows on screen, which are rendered anyway.
 */
export function growToward(mounted: RowSpan | undefined, target: RowSpan, visible: RowSpan | undefined): RowSpan {
  const start = mounted && overlaps(mounted, target) ? mounted : visible && overlaps(visible, target) ? visible : { first: target.first, last: target.first };
  const kept = within(start, target);
  const missingAbove = kept.first - target.first;
  const missingBelow = target.last - kept.last;
  if (missingBelow > 0 && missingBelow >= missingAbove) return { first: kept.first, last: kept.last + 1 };
  if (missingAbove > 0) return { first: kept.first - 1, last: kept.last };
  return kept;
}

/**
 * The row indexes to render, ascending: every row of `visible` and of `overscan` — and nothing in
 * between when the two are apart (a jump to the end renders its own rows, not the 2,000 passed).
 */
export function rowsToRender(visible: RowSpan | undefined, overscan: RowSpan | undefined, rowCount: number): number[] {
  const rows = new Set<number>();
  for (const span of [overscan, visible]) {
    if (!span) continue;
    for (let row = Math.max(0, span.first); row <= Math.min(rowCount - 1, span.last); row++) rows.add(row);
  }
  return [...rows].sort((a, b) => a - b);
}

/**
 * The overscan rows to render: `target` (the virtualizer's rows, overscan included), reached one row
 * per task. Each step is its own small React render, commit and layout; none is thrown away when
 * the next scroll comes, as an interrupted transition's work would be.
 */
export function useOverscanRows(target: RowSpan | undefined, visible: RowSpan | undefined): RowSpan | undefined {
  const [mounted, setMounted] = useState<RowSpan>();
  const visibleNow = useRef(visible);
  useEffect(() => {
    visibleNow.current = visible;
  });
  const targetFirst = target?.first;
  const targetLast = target?.last;
  useEffect(() => {
    if (targetFirst === undefined || targetLast === undefined) return;
    if (mounted?.first === targetFirst && mounted.last === targetLast) return;
    const timer = setTimeout(() => setMounted((m) => growToward(m, { first: targetFirst, last: targetLast }, visibleNow.current)), 0);
    return () => clearTimeout(timer);
  }, [mounted, targetFirst, targetLast]);
  return target && mounted && overlaps(mounted, target) ? within(mounted, target) : undefined;
}
