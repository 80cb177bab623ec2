// Which Chromium the end-to-end tests drive. Playwright's own browser downloads are not used (they
// are unavailable in our CI, and its Chromium builds cannot play H.264/AAC, our videos' codecs), so
// we look for a system Chromium or Google Chrome where each OS installs it. VEO_CHROMIUM wins.
import { existsSync } from 'node:fs';
import path from 'node:path';

export const CHROMIUM_ENV = 'VEO_CHROMIUM';

/** Where to look, in order, on `platform` (Node's process.platform names). */
export function chromiumCandidates(platform = process.platform, env = process.env) {
  if (platform === 'darwin') {
    const apps = ['Chromium.app/Contents/MacOS/Chromium', 'Google Chrome.app/Contents/MacOS/Google Chrome'];
    const dirs = ['/Applications', ...(env.HOME ? [path.posix.join(env.HOME, 'Applications')] : [])];
    return dirs.flatMap((dir) => apps.map((app) => path.posix.join(dir, app)));
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter(Boolean);
    const exes = ['Chromium\\Application\\chrome.exe', 'Google\\Chrome\\Application\\chrome.exe'];
    return exes.flatMap((exe) => roots.map((root) => path.win32.join(root, exe)));
  }
  // Debian ships /usr/bin/chromium; older Ubuntu and Fedora chromium-browser; Ubuntu today a snap.
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome'];
}

/**
 * `{ path }` of the browser to use, or `{ missing }`: a message that says where we looked and what
 * to do. A VEO_CHROMIUM that points nowhere is reported as such, never silently replaced.
 */
export function findChromium({ platform = process.platform, env = process.env, exists = existsSync } = {}) {
  const chosen = env[CHROMIUM_ENV];
  if (chosen) {
    return exists(chosen) ? { path: chosen } : { missing: `${CHROMIUM_ENV}=${chosen} does not exist. Point it at a Chromium or Google Chrome executable.` };
  }
  const candidates = chromiumCandidates(platform, env);
  const found = candidates.find((candidate) => exists(candidate));
  if (found) return { path: found };
  return {
    missing:
      `no Chromium or Google Chrome found (looked in: ${candidates.join(', ')}). ` +
      `${installHint(platform)} or set ${CHROMIUM_ENV} to its executable.`,
  };
}

function installHint(platform) {
  if (platform === 'darwin') return 'Install Google Chrome (or `brew install --cask chromium`)';
  if (platform === 'win32') return 'Install Google Chrome';
  return 'Install it (`sudo apt-get install chromium` on Debian, `sudo snap install chromium` on Ubuntu)';
}

/** CI must prove the end-to-end tests ran: there a missing browser fails, elsewhere it skips. */
export function isCi(env = process.env) {
  return Boolean(env.CI) && env.CI !== 'false' && env.CI !== '0';
}
