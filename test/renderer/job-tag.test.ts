// Creator round, finding 10: ×4 takes showed as four identical rows; draft and final looked alike.
import { describe, expect, it } from 'vitest';
import { jobTag, shotSizeOf } from '../../shared/job-tag';
import { toSummary } from '../../shared/job-summary';
import { makeJobRecord } from '../support/records';
import { loadedShotSizes } from '../../renderer/stores/library-store';

const take = (n: number, model = 'fal-ai/veo3/fast/image-to-video') => ({ params: { model }, shotId: 's1', take: n });

describe('the tag that tells takes and models apart', () => {
  it('names the model and the take of its shot', () => {
    const shot = [take(1), take(2), take(3), take(4)];
    expect(jobTag(shot[1]!, shotSizeOf(shot, 's1'))).toBe('Veo 3 Fast · Take 2/4');
  });
  it('a single take shows only the model; an unknown model nothing of it', () => {
    expect(jobTag(take(1, 'fal-ai/veo3/image-to-video'), 1)).toBe('Veo 3');
    expect(jobTag({ params: {}, take: 3 })).toBe('Take 3');
    expect(shotSizeOf([take(1)], undefined)).toBeUndefined();
  });
});

describe('a Library card (a summary) is tagged like a Jobs card', () => {
  it('its summary keeps the model and the take of its shot', () => {
    const shot = [1, 2, 3, 4].map((n) => toSummary(makeJobRecord({ shotId: 's9', take: n, params: { model: 'fal-ai/veo3.1/fast/image-to-video' } })));
    expect(jobTag(shot[2]!, shotSizeOf(shot, 's9'))).toBe('Veo 3.1 Fast · Take 3/4');
  });
});

describe('shot sizes over the loaded pages', () => {
  it('every shot at once, one map per pages object (cards share it), a new one when the pages change', () => {
    const a = [1, 2, 3].map((n) => toSummary(makeJobRecord({ shotId: 'a', take: n })));
    const b = [1, 2].map((n) => toSummary(makeJobRecord({ shotId: 'b', take: n })));
    const pages = { 0: [a[0]!, a[1]!], 3: [a[2]!, ...b, toSummary(makeJobRecord({}))] };
    const sizes = loadedShotSizes(pages);
    expect([...sizes]).toEqual([['a', 3], ['b', 2]]);
    expect(loadedShotSizes(pages)).toBe(sizes);
    const next = { 0: pages[0] };
    expect(loadedShotSizes(next).get('a')).toBe(2);
    expect(loadedShotSizes(next).has('b')).toBe(false);
  });
});
