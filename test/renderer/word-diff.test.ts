import { describe, expect, it } from 'vitest';
import { diffWords, splitWords } from '../../renderer/features/compare/word-diff';

const render = (before: string, after: string) =>
  diffWords(before, after)
    .map((p) => (p.type === 'same' ? p.text : p.type === 'del' ? `[-${p.text}-]` : `{+${p.text}+}`))
    .join(' ');

describe('diffWords', () => {
  it('marks only the words that changed, grouping neighbours', () => {
    expect(render('a red fox runs in the snow', 'a red fox walks slowly in the snow')).toBe('a red fox [-runs-] {+walks slowly+} in the snow');
  });

  it('handles pure insertions, pure deletions and identical text', () => {
    expect(render('', 'new words')).toBe('{+new words+}');
    expect(render('old words', '')).toBe('[-old words-]');
    expect(render('same  text\nhere', 'same text here')).toBe('same text here');
    expect(diffWords('', '')).toEqual([]);
  });

  it('keeps the longest common run: moved words show as one deletion and one insertion', () => {
    const parts = diffWords('dawn harbour gulls', 'harbour gulls dawn');
    expect(parts).toEqual([
      { type: 'del', text: 'dawn' },
      { type: 'same', text: 'harbour gulls' },
      { type: 'ins', text: 'dawn' },
    ]);
  });

  it('reconstructs both sides exactly (as words)', () => {
    const before = 'the quick brown fox jumps over the lazy dog again and again';
    const after = 'a quick red fox leaps over the dog again then sleeps';
    const parts = diffWords(before, after);
    expect(parts.filter((p) => p.type !== 'ins').flatMap((p) => splitWords(p.text))).toEqual(splitWords(before));
    expect(parts.filter((p) => p.type !== 'del').flatMap((p) => splitWords(p.text))).toEqual(splitWords(after));
  });

  it('copes with a full-length prompt quickly', () => {
    const words = Array.from({ length: 900 }, (_, i) => `w${i % 97}`);
    const changed = words.map((w, i) => (i % 50 === 0 ? 'CHANGED' : w));
    const parts = diffWords(words.join(' '), changed.join(' '));
    expect(parts.filter((p) => p.type === 'ins').flatMap((p) => splitWords(p.text))).toEqual(Array(18).fill('CHANGED'));
  });
});
