// Issue 15: the Create form's words follow the page's language. The stores speak through tr(), so a
// Chinese session gets a Chinese Generate label, blocker and lost-picture notice, and the cost is
// formatted by ICU (Intl) rather than pasted together from English fragments.
import { afterEach, describe, expect, it } from 'vitest';
import { setCurrentLocale } from '../../renderer/i18n/intl';
import { lostPicturesNotice } from '../../renderer/stores/create-draft';
import { DEFAULT_FORM, generateBlocker, generateLabel, generateLabelParts, type FormSnapshot } from '../../renderer/stores/create-form';

const snapshot = (patch: Partial<FormSnapshot> = {}): FormSnapshot => ({
  ...DEFAULT_FORM,
  prompt: 'The fox turns',
  images: [{ token: 't', kind: 'file', name: 'fox.png', width: 1920, height: 1080, warnings: [] }],
  intake: { status: 'idle' },
  submitting: false,
  ...patch,
});
const priced = { model: 'fal-ai/veo3/image-to-video', resolution: '720p', duration: '8s', generateAudio: true } as const;

afterEach(() => setCurrentLocale('en'));

describe('Create words in Simplified Chinese', () => {
  it('labels Generate in Chinese, its cost through Intl', () => {
    setCurrentLocale('zh-CN');
    const label = generateLabel(priced, 3, 'aggregator');
    expect(label).toMatch(/^生成 3 个视频 · 每个 8 秒 · ≈ /);
    expect(label).toContain('9.60');
    expect(label).not.toMatch(/Generate|each|free/);
    expect(generateLabel(priced, 1, 'simulator')).toBe('生成 · 8 秒 · 免费');
  });

  it('keeps the English label and splits head from the quieter meta part', () => {
    expect(generateLabelParts(priced, 2, 'aggregator')).toEqual(['Generate 2 videos', ' · 8 s each · ≈ $6.40']);
  });

  it('says why Generate is blocked in Chinese', () => {
    setCurrentLocale('zh-CN');
    expect(generateBlocker(snapshot({ images: [] }), 'ready')).toBe('请先添加要制作动画的图片。');
    expect(generateBlocker(snapshot(), 'missing')).toBe('请在设置中添加 API 密钥，或切换到模拟器。');
  });

  it('writes the lost-picture notice as one Chinese sentence with a Chinese list', () => {
    setCurrentLocale('zh-CN');
    expect(lostPicturesNotice(['a.png', 'b.png'])).toBe('图片（“a.png”、“b.png”）不会在重新加载后保留，请再次拖入。');
  });

  it('keeps the English lost-picture notice word for word', () => {
    expect(lostPicturesNotice(['a.png', 'b.png', 'c.png', 'd.png'])).toBe(
      'The pictures (“a.png”, “b.png”, “c.png” and 1 more) isn’t kept across reloads — drop them again.',
    );
  });
});
