import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imagePathsFromArgv, MAX_QUEUED_OPENS, openableImagePath, OpenRequests } from '../../../electron/main/open-files';

let dir: string;
const file = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'veo open files '));
  for (const name of ['fox.png', 'cat.JPG', 'owl.jpeg', 'bee.webp', 'notes.txt', 'movie.mp4', 'ünïcode #1.png']) {
    await writeFile(file(name), 'x');
  }
  await mkdir(file('folder.png'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('imagePathsFromArgv', () => {
  it('keeps existing png/jpg/jpeg/webp files, in order, and drops the executable, flags and the rest', () => {
    const argv = [
      file('fox.png'), // argv[0] is the executable, whatever it is called
      '--allow-file-access-from-files',
      '--original-process-start-time=13376',
      '-psn_0_12345',
      file('cat.JPG'),
      file('notes.txt'),
      file('movie.mp4'),
      file('missing.png'),
      file('folder.png'),
      file('owl.jpeg'),
      file('bee.webp'),
    ];
    expect(imagePathsFromArgv(argv, '/')).toEqual([file('cat.JPG'), file('owl.jpeg'), file('bee.webp')]);
  });

  it('ignores the app path of a dev run and resolves relative paths against the launch folder', () => {
    expect(imagePathsFromArgv(['/usr/bin/electron', '.', 'fox.png', './bee.webp'], dir)).toEqual([file('fox.png'), file('bee.webp')]);
    expect(imagePathsFromArgv(['/usr/bin/electron', '.', 'fox.png'], tmpdir())).toEqual([]);
  });

  it('turns file:// URLs (Linux %U) into paths, percent-decoding them, and ignores other URLs', () => {
    const url = pathToFileURL(file('ünïcode #1.png')).href;
    expect(url).toContain('%23');
    expect(imagePathsFromArgv(['veo-studio', url, 'https://example.com/fox.png', 'veo://open/fox.png', 'file://otherhost/fox.png'], '/')).toEqual([
      file('ünïcode #1.png'),
    ]);
  });

  it('lists a picture named twice (as a path and as a URL) once', () => {
    expect(imagePathsFromArgv(['exe', file('fox.png'), pathToFileURL(file('fox.png')).href, 'fox.png'], dir)).toEqual([file('fox.png')]);
  });

  it('asks the existence check only about image paths, absolute', () => {
    const asked: string[] = [];
    const result = imagePathsFromArgv(['exe', 'a.png', 'b.txt', '--flag.png'], '/work', (p) => {
      asked.push(p);
      return true;
    });
    expect(asked).toEqual([path.resolve('/work', 'a.png')]);
    expect(result).toEqual(asked);
  });

  it('returns nothing for an empty or bare command line', () => {
    expect(imagePathsFromArgv([], dir)).toEqual([]);
    expect(imagePathsFromArgv(['exe'], dir)).toEqual([]);
  });
});

describe('openableImagePath', () => {
  it('accepts a macOS open-file path and refuses junk', () => {
    expect(openableImagePath(file('bee.webp'), '/')).toBe(file('bee.webp'));
    expect(openableImagePath('', '/')).toBeUndefined();
    expect(openableImagePath(`${file('fox.png')}\0.png`, '/')).toBeUndefined();
    expect(openableImagePath(`/${'a'.repeat(5000)}.png`, '/', () => true)).toBeUndefined();
    expect(openableImagePath(file('notes.txt'), '/')).toBeUndefined();
  });
});

describe('OpenRequests', () => {
  it('queues until attached, then delivers the queue in order and later paths directly', () => {
    const opens = new OpenRequests();
    const delivered: string[] = [];
    opens.add(['/a.png', '/b.png', '/a.png']);
    expect(opens.pending).toBe(2);
    opens.attach((p) => delivered.push(p));
    expect(delivered).toEqual(['/a.png', '/b.png']);
    expect(opens.pending).toBe(0);
    opens.add(['/c.png']);
    expect(delivered).toEqual(['/a.png', '/b.png', '/c.png']);
  });

  it('keeps only the newest paths while waiting', () => {
    const opens = new OpenRequests();
    opens.add(Array.from({ length: MAX_QUEUED_OPENS + 5 }, (_, i) => `/p${i}.png`));
    const delivered: string[] = [];
    opens.attach((p) => delivered.push(p));
    expect(delivered).toHaveLength(MAX_QUEUED_OPENS);
    expect(delivered[0]).toBe('/p5.png');
    expect(delivered.at(-1)).toBe(`/p${MAX_QUEUED_OPENS + 4}.png`);
  });

  it('delivers nothing once closed for shutdown', () => {
    const opens = new OpenRequests();
    const delivered: string[] = [];
    opens.add(['/a.png']);
    opens.close();
    opens.attach((p) => delivered.push(p));
    opens.add(['/b.png']);
    expect(delivered).toEqual([]);
    expect(opens.pending).toBe(0);
  });
});
