// The Library grid's rows: those on screen render at once, the overscan rows around them follow one
// row per task, and a jump never renders the rows it passed.
import { describe, expect, it } from 'vitest';
import { growToward, rowsToRender } from '../../renderer/features/library/grid-rows';

describe('rows the grid renders', () => {
  it('the rows on screen and the overscan rows, each once, in order', () => {
    expect(rowsToRender({ first: 10, last: 13 }, { first: 7, last: 16 }, 2500)).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(rowsToRender({ first: 10, last: 13 }, { first: 9, last: 11 }, 2500)).toEqual([9, 10, 11, 12, 13]);
    expect(rowsToRender({ first: 10, last: 13 }, undefined, 2500)).toEqual([10, 11, 12, 13]);
  });

  it('after a jump, the new rows on screen and the old overscan — not the 2,000 rows between them', () => {
    expect(rowsToRender({ first: 2496, last: 2499 }, { first: 0, last: 6 }, 2500)).toEqual([0, 1, 2, 3, 4, 5, 6, 2496, 2497, 2498, 2499]);
  });

  it('never a row past the end', () => {
    expect(rowsToRender({ first: 2497, last: 2502 }, undefined, 2500)).toEqual([2497, 2498, 2499]);
  });
});

describe('overscan rows, one row per task', () => {
  it('grows one row at a time toward the target, on the side that misses more, and stops there', () => {
    const target = { first: 7, last: 16 };
    let mounted = growToward(undefined, target, { first: 10, last: 13 });
    expect(mounted).toEqual({ first: 10, last: 14 });
    const seen = [mounted];
    while (mounted.first !== target.first || mounted.last !== target.last) seen.push((mounted = growToward(mounted, target, { first: 10, last: 13 })));
    expect(seen).toHaveLength(6);
    for (const [i, span] of seen.slice(1).entries()) expect(span.last - span.first).toBe(seen[i]!.last - seen[i]!.first + 1);
    expect(growToward(target, target, undefined)).toEqual(target);
  });

  it('drops the rows the scroll left behind at once', () => {
    expect(growToward({ first: 7, last: 16 }, { first: 10, last: 19 }, { first: 13, last: 16 })).toEqual({ first: 10, last: 17 });
  });

  it('after a jump, starts again from the rows on screen', () => {
    expect(growToward({ first: 0, last: 6 }, { first: 2493, last: 2499 }, { first: 2496, last: 2499 })).toEqual({ first: 2495, last: 2499 });
  });
});
