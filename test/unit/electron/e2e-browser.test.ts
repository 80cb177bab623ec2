// Which browser the end-to-end tests drive, on every OS, and what happens without one: a developer
// is told and the run skips; CI (CI=true) fails, so it can never go green by not running them.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { findChromium, isCi } from '../../../scripts/find-chromium.mjs';
import { ROOT } from './boot-main-bundle';

const onlyAt = (file: string) => (candidate: string) => candidate === file;

describe('finding Chromium for the end-to-end tests', () => {
  it.each([
    ['linux', '/usr/bin/chromium'],
    ['linux', '/usr/bin/chromium-browser'],
    ['linux', '/snap/bin/chromium'],
    ['linux', '/usr/bin/google-chrome-stable'],
    ['darwin', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
    ['darwin', '/Users/ada/Applications/Chromium.app/Contents/MacOS/Chromium'],
    ['win32', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'],
    ['win32', 'C:\\Users\\ada\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe'],
  ] as const)('on %s finds %s', (platform, file) => {
    const env = { HOME: '/Users/ada', PROGRAMFILES: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' };
    expect(findChromium({ platform, env, exists: onlyAt(file) })).toEqual({ path: file });
  });

  it('prefers Debian\'s /usr/bin/chromium, and VEO_CHROMIUM over everything', () => {
    const all = () => true;
    expect(findChromium({ platform: 'linux', env: {}, exists: all }).path).toBe('/usr/bin/chromium');
    expect(findChromium({ platform: 'linux', env: { VEO_CHROMIUM: '/opt/chrome/chrome' }, exists: all }).path).toBe('/opt/chrome/chrome');
  });

  it('says where it looked and what to do when there is none, and names a VEO_CHROMIUM that points nowhere', () => {
    const none = () => false;
    expect(findChromium({ platform: 'linux', env: {}, exists: none }).missing).toMatch(/\/snap\/bin\/chromium.*apt-get install chromium.*VEO_CHROMIUM/);
    expect(findChromium({ platform: 'darwin', env: {}, exists: none }).missing).toMatch(/Google Chrome\.app.*Install Google Chrome/);
    expect(findChromium({ platform: 'linux', env: { VEO_CHROMIUM: '/nope' }, exists: () => true }).missing).toBe(undefined);
    expect(findChromium({ platform: 'linux', env: { VEO_CHROMIUM: '/nope' }, exists: none }).missing).toMatch(/VEO_CHROMIUM=\/nope does not exist/);
  });

  it('reads CI the way CI services set it', () => {
    expect([isCi({ CI: 'true' }), isCi({ CI: '1' }), isCi({}), isCi({ CI: 'false' }), isCi({ CI: '' })]).toEqual([true, true, false, false, false]);
  });
});

describe('npm run test:e2e without a browser', () => {
  const run = (ci: string | undefined) => {
    const env: NodeJS.ProcessEnv = { ...process.env, VEO_CHROMIUM: path.join(ROOT, 'no-such-browser') };
    if (ci === undefined) delete env.CI;
    else env.CI = ci;
    return promisify(execFile)(process.execPath, [path.join(ROOT, 'scripts', 'test-e2e.mjs')], { cwd: ROOT, env }).then(
      ({ stdout }) => ({ code: 0, out: stdout }),
      (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, out: err.stdout + err.stderr }),
    );
  };

  it('skips with a clear message on a developer machine', async () => {
    const { code, out } = await run(undefined);
    expect(code).toBe(0);
    expect(out).toMatch(/test:e2e: SKIPPED — VEO_CHROMIUM=.*no-such-browser does not exist/);
  });

  it('fails under CI: CI never passes by skipping', async () => {
    const { code, out } = await run('true');
    expect(code).toBe(1);
    expect(out).toMatch(/test:e2e: FAILED/);
  });
});
