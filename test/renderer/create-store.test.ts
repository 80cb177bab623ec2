import { describe, expect, it } from 'vitest';
import { MAX_BATCH_SIZE, type PreparedImageInfo } from '../../shared/contract';
import { MAX_PROMPT_LENGTH } from '../../shared/domain';
import { createStores } from '../../renderer/stores';
import { DEFAULT_FORM, generateBlocker, generateLabel, type FormSnapshot } from '../../renderer/stores/create-form';
import { RECENT_PROMPTS_KEY } from '../../renderer/stores/create-store';
import { keyReadiness } from '../../renderer/stores/settings-store';
import { makeJobRecord } from '../support/records';
import { createFakeApi, deferred, fail, memoryStorage, ok } from './fake-api';

const image = (token: string, extra: Partial<PreparedImageInfo> = {}): PreparedImageInfo => ({
  token,
  kind: 'file',
  name: `${token}.png`,
  width: 1920,
  height: 1080,
  warnings: [],
  ...extra,
});

const snapshot = (patch: Partial<FormSnapshot> = {}): FormSnapshot => ({
  ...DEFAULT_FORM,
  prompt: 'A fox in the snow',
  images: [image('t1')],
  intake: { status: 'idle' },
  submitting: false,
  ...patch,
});

function setup() {
  const fake = createFakeApi();
  let n = 0;
  fake.handle('image:prepare', (source) => ok(image(`tok-${++n}`, { name: source.kind === 'bytes' ? source.name : undefined })));
  fake.handle('image:discard', () => ok(undefined));
  fake.handle('jobs:create', ({ params }) => ok(makeJobRecord({ state: 'submitting', params })));
  const storage = memoryStorage();
  const stores = createStores(fake.api, { storage });
  return { fake, stores, create: stores.create, storage };
}

describe('Generate: what blocks it', () => {
  it('says why it cannot run: no image, no prompt, no key', () => {
    expect(generateBlocker(snapshot({ images: [] }), 'ready')).toBe('Add an image to animate first.');
    expect(generateBlocker(snapshot({ prompt: '   ' }), 'ready')).toBe('Write a prompt that describes the shot.');
    expect(generateBlocker(snapshot(), 'missing')).toMatch(/API key/);
    expect(generateBlocker(snapshot(), 'checking')).toMatch(/Checking/);
    expect(generateBlocker(snapshot(), 'ready')).toBeUndefined();
  });

  it('refuses an over-long prompt, a bad seed, and a picture still being prepared', () => {
    expect(generateBlocker(snapshot({ prompt: 'x'.repeat(MAX_PROMPT_LENGTH + 1) }), 'ready')).toMatch(/Shorten the prompt/);
    expect(generateBlocker(snapshot({ seed: '-3' }), 'ready')).toMatch(/seed/);
    expect(generateBlocker(snapshot({ seed: String(2 ** 32) }), 'ready')).toMatch(/seed/);
    expect(generateBlocker(snapshot({ seed: '42' }), 'ready')).toBeUndefined();
    expect(generateBlocker(snapshot({ intake: { status: 'preparing' } }), 'ready')).toMatch(/finish loading/);
  });

  it('a job on its way is no blocker: the button stays enabled (and focused) while it is sent', () => {
    expect(generateBlocker(snapshot({ submitting: true }), 'ready')).toBeUndefined();
  });

  it('needs no key for the simulator', () => {
    expect(keyReadiness('simulator', {})).toBe('ready');
    expect(keyReadiness('fal', { fal: { isSet: false } })).toBe('missing');
    expect(keyReadiness('fal', { fal: { isSet: true, last4: 'abcd' } })).toBe('ready');
    expect(keyReadiness('aggregator', {})).toBe('checking');
  });
});

describe('Generate: cost on the button', () => {
  it('shows duration and estimate from the shared price table', () => {
    expect(generateLabel({ model: 'fal-ai/veo3/image-to-video', resolution: '720p', duration: '8s', generateAudio: true }, 1, 'aggregator')).toBe('Generate · 8 s · ≈ $3.20');
    expect(generateLabel({ model: 'fal-ai/veo3/image-to-video', resolution: '720p', duration: '4s', generateAudio: false }, 1, 'fal')).toBe('Generate · 4 s · ≈ $0.80');
    expect(generateLabel({ model: 'fal-ai/veo3/image-to-video', resolution: '720p', duration: '6s', generateAudio: true }, 3, 'aggregator')).toBe('Generate 3 videos · 6 s each · ≈ $7.20');
    expect(generateLabel({ model: 'fal-ai/veo3/image-to-video', resolution: '720p', duration: '8s', generateAudio: true }, 2, 'simulator')).toBe('Generate 2 videos · 8 s each · free');
  });
});

describe('create store', () => {
  it('submits the settings it shows as one jobs:create with the prepared image token', async () => {
    const { fake, create, stores } = setup();
    await create.getState().addImages([{ kind: 'bytes', name: 'fox.png', base64: 'AAAA' }]);
    const s = create.getState();
    s.setField('prompt', '  A fox turns toward the camera  ');
    s.setField('model', 'fal-ai/veo3.1/image-to-video');
    s.setField('aspectRatio', '9:16');
    s.setField('duration', '6s');
    s.setField('resolution', '1080p');
    s.setField('generateAudio', false);
    s.setField('negativePrompt', '   ');
    s.setField('seed', '1234');

    const created = await create.getState().submit('ready');

    expect(fake.callsTo('jobs:create')).toEqual([
      {
        imageToken: 'tok-1',
        batchSize: 1,
        params: {
          model: 'fal-ai/veo3.1/image-to-video',
          prompt: 'A fox turns toward the camera',
          aspectRatio: '9:16',
          duration: '6s',
          resolution: '1080p',
          generateAudio: false,
          seed: 1234,
        },
      },
    ]);
    expect(created).toHaveLength(1);
    // The new job shows up in the Jobs panel at once.
    expect(stores.jobs.getState().order).toEqual([created[0]!.id]);
  });

  it('a second submit while the first is on its way sends nothing', async () => {
    const { fake, create } = setup();
    await create.getState().addImages([{ kind: 'bytes', name: 'fox.png', base64: 'AAAA' }]);
    create.getState().setField('prompt', 'Slow push-in');
    const first = create.getState().submit('ready');
    expect(await create.getState().submit('ready')).toEqual([]);
    expect(await first).toHaveLength(1);
    expect(fake.callsTo('jobs:create')).toHaveLength(1);
  });

  it('queues one job per dropped picture, all with the same settings', async () => {
    const { fake, create } = setup();
    await create.getState().addImages([
      { kind: 'bytes', name: 'a.png', base64: 'AAAA' },
      { kind: 'bytes', name: 'b.png', base64: 'BBBB' },
      { kind: 'url', url: 'https://example.com/c.webp' },
    ]);
    create.getState().setField('prompt', 'Slow push-in');
    const created = await create.getState().submit('ready');

    const calls = fake.callsTo('jobs:create');
    expect(calls.map((c) => c.imageToken)).toEqual(['tok-1', 'tok-2', 'tok-3']);
    expect(new Set(calls.map((c) => JSON.stringify(c.params))).size).toBe(1);
    expect(created).toHaveLength(3);
  });

  // Red-team F8d: the contract caps a batch at 100 jobs but the page did not, so Generate with more
  // pictures failed every job. The page keeps the first MAX_BATCH_SIZE and says so.
  it('keeps at most MAX_BATCH_SIZE pictures, says so, and Generate then starts that many jobs', async () => {
    const { fake, create, stores } = setup();
    const sources = Array.from({ length: MAX_BATCH_SIZE + 20 }, (_, i) => ({ kind: 'url' as const, url: `https://example.com/${i}.png` }));
    await create.getState().addImages(sources);
    expect(create.getState().images).toHaveLength(MAX_BATCH_SIZE);
    expect(fake.callsTo('image:prepare')).toHaveLength(MAX_BATCH_SIZE);
    expect(stores.toasts.getState().toasts.at(-1)?.title).toMatch(new RegExp(`first ${MAX_BATCH_SIZE} of ${MAX_BATCH_SIZE + 20}`));
    create.getState().setField('prompt', 'Slow push-in');
    const created = await create.getState().submit('ready');
    expect(created).toHaveLength(MAX_BATCH_SIZE);
    expect(fake.callsTo('jobs:create').every((c) => c.batchSize === MAX_BATCH_SIZE)).toBe(true);
  });

  it('Generate is blocked (with the reason) if more pictures than a batch allows ever reach the form', () => {
    const many = Array.from({ length: MAX_BATCH_SIZE + 1 }, (_, i) => image(`t-${i}`));
    expect(generateBlocker(snapshot({ images: many }), 'ready')).toMatch(new RegExp(`at most ${MAX_BATCH_SIZE} pictures`));
  });

  it('sends nothing while Generate is blocked', async () => {
    const { fake, create } = setup();
    await create.getState().addImages([{ kind: 'bytes', name: 'a.png', base64: 'AAAA' }]);
    create.getState().setField('prompt', 'Slow push-in');
    expect(await create.getState().submit('missing')).toEqual([]);
    create.getState().setField('prompt', '');
    expect(await create.getState().submit('ready')).toEqual([]);
    expect(fake.callsTo('jobs:create')).toEqual([]);
  });

  it('remembers the last ten distinct prompts in storage', async () => {
    const { create, storage } = setup();
    await create.getState().addImages([{ kind: 'bytes', name: 'a.png', base64: 'AAAA' }]);
    for (let i = 0; i < 12; i++) {
      create.getState().setField('prompt', `prompt ${i % 11}`);
      await create.getState().submit('ready');
    }
    const recent = create.getState().recentPrompts;
    expect(recent[0]).toBe('prompt 0');
    expect(recent).toHaveLength(10);
    expect(new Set(recent).size).toBe(10);
    expect(JSON.parse(storage.data.get(RECENT_PROMPTS_KEY)!)).toEqual(recent);
  });

  it('shows why a picture was refused, in the words the core used', async () => {
    const { fake, create } = setup();
    fake.handle('image:prepare', () => fail('invalid_input', 'That file is a PDF, not a PNG, JPEG or WebP picture.'));
    await create.getState().addImages([{ kind: 'bytes', name: 'doc.pdf', base64: 'AAAA' }]);
    expect(create.getState().images).toEqual([]);
    expect(create.getState().intake).toMatchObject({ status: 'invalid', message: 'That file is a PDF, not a PNG, JPEG or WebP picture.' });
  });

  it('lets the newest drop win when two are prepared at once, and discards the loser', async () => {
    const { fake, create } = setup();
    const slow = deferred<ReturnType<typeof ok<PreparedImageInfo>>>();
    fake.handle('image:prepare', (source) =>
      source.kind === 'bytes' && source.name === 'slow.png' ? slow.promise : ok(image('fast')),
    );
    const first = create.getState().addImages([{ kind: 'bytes', name: 'slow.png', base64: 'AAAA' }]);
    await create.getState().addImages([{ kind: 'bytes', name: 'fast.png', base64: 'BBBB' }]);
    slow.resolve(ok(image('slow')));
    await first;
    expect(create.getState().images.map((i) => i.token)).toEqual(['fast']);
    expect(fake.callsTo('image:discard')).toEqual([{ token: 'slow' }]);
  });

  it('"Edit & retry" brings back the settings and, for a job from this session, its picture', async () => {
    const { create } = setup();
    await create.getState().addImages([{ kind: 'bytes', name: 'a.png', base64: 'AAAA' }]);
    create.getState().setField('prompt', 'Waves at dusk');
    create.getState().setField('duration', '4s');
    const [job] = await create.getState().submit('ready');
    create.getState().clearImages();
    create.getState().setField('prompt', 'something else');

    await create.getState().loadFromJob(job!);
    expect(create.getState().prompt).toBe('Waves at dusk');
    expect(create.getState().duration).toBe('4s');
    expect(create.getState().images.map((i) => i.token)).toEqual(['tok-1']);
  });

  it('asks for the picture again when an older job is edited', async () => {
    const { create } = setup();
    const old = makeJobRecord({ state: 'failed', params: { prompt: 'Old shot', seed: 7 } });
    await create.getState().loadFromJob(old);
    expect(create.getState().prompt).toBe('Old shot');
    expect(create.getState().seed).toBe('7');
    expect(create.getState().images).toEqual([]);
    expect(create.getState().intake.status).toBe('notice');
    expect(create.getState().intake.message).toMatch(/lighthouse\.png/);
  });

  it('"Edit prompt" on a job from an earlier session does not leave other pictures on Create to be made with its settings', async () => {
    const { fake, create } = setup();
    await create.getState().addImages([{ kind: 'bytes', name: 'other.png', base64: 'AAAA' }]);
    const old = makeJobRecord({ state: 'failed', params: { prompt: 'Old shot', model: 'fal-ai/veo3.1/fast/image-to-video' } });
    await create.getState().loadFromJob(old);
    expect(create.getState().prompt).toBe('Old shot');
    expect(create.getState().images).toEqual([]);
    expect(fake.callsTo('image:discard')).toEqual([{ token: 'tok-1' }]);
    expect(create.getState().intake).toMatchObject({ status: 'notice', message: expect.stringMatching(/lighthouse\.png.*picture that was here was removed/) });
    expect(generateBlocker(create.getState(), 'ready')).toBeDefined();
  });

  it('"Use these settings" puts a job\'s settings on the pictures already on Create', async () => {
    const { create } = setup();
    await create.getState().addImages([{ kind: 'bytes', name: 'mine.png', base64: 'AAAA' }]);
    await create.getState().loadFromJob(makeJobRecord({ params: { prompt: 'Borrowed settings' } }), { keepCurrentPictures: true });
    expect(create.getState().prompt).toBe('Borrowed settings');
    expect(create.getState().images.map((i) => i.token)).toEqual(['tok-1']);
    expect(create.getState().intake.status).toBe('idle');
  });

  it('re-prepares a URL input when a job from a link is edited', async () => {
    const { fake, create } = setup();
    const fromUrl = makeJobRecord({ input: { kind: 'url', url: 'https://example.com/pic.jpg' } });
    await create.getState().loadFromJob(fromUrl);
    expect(fake.callsTo('image:prepare')).toEqual([{ kind: 'url', url: 'https://example.com/pic.jpg' }]);
    expect(create.getState().images).toHaveLength(1);
  });
});
