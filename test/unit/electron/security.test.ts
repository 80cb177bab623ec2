import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, originOf, trustedOrigins } from '../../../electron/main/app-origin';
import {
  allowNavigation,
  allowPermission,
  decideWindowOpen,
  isTrustedSender,
  type SenderFacts,
} from '../../../electron/main/security';

const APP_ONLY = trustedOrigins();

describe('origins', () => {
  it('computes the app:// origin the way Chromium does for a standard scheme', () => {
    expect(APP_ORIGIN).toBe('app://veo');
    expect(originOf(APP_ENTRY_URL)).toBe('app://veo');
    expect(originOf('APP://VEO/x')).toBe('app://veo');
    expect(originOf('http://localhost:5173/a?b')).toBe('http://localhost:5173');
  });

  it('has no origin for junk, hostless or empty URLs', () => {
    for (const url of ['', 'not a url', 'file:///etc/passwd', 'javascript:alert(1)', 'about:blank', null, undefined]) {
      expect(originOf(url)).toBeNull();
    }
  });

  it('trusts the app origin only: no dev server', () => {
    expect(APP_ONLY).toEqual(['app://veo']);
  });
});

describe('navigation', () => {
  it('allows moves within the app origin', () => {
    expect(allowNavigation('app://veo/index.html', APP_ONLY)).toBe(true);
    expect(allowNavigation('app://veo/library?x=1#y', APP_ONLY)).toBe(true);
  });

  it('blocks every other origin, scheme and look-alike', () => {
    for (const url of [
      'https://example.com/',
      'http://localhost:5173/',
      'app://evil/index.html',
      'app://veo.evil/index.html',
      'file:///etc/passwd',
      'veo-media://library/media/a/video.mp4',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'about:blank',
      '',
    ]) {
      expect(allowNavigation(url, APP_ONLY), url).toBe(false);
    }
  });

});

describe('window.open', () => {
  it('never opens an Electron window, but hands https links to the browser', () => {
    expect(decideWindowOpen('https://fal.ai/models/fal-ai/veo3')).toEqual({ action: 'deny', openExternally: 'https://fal.ai/models/fal-ai/veo3' });
  });

  it('drops http, file, javascript, data, custom schemes, credentials and junk', () => {
    for (const url of [
      'http://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,hi',
      'app://veo/index.html',
      'veo-media://library/media/a/video.mp4',
      'smb://server/share',
      'https://user:secret@example.com/',
      'not a url',
    ]) {
      expect(decideWindowOpen(url), url).toEqual({ action: 'deny' });
    }
  });
});

describe('IPC sender check', () => {
  const good: SenderFacts = { frameUrl: 'app://veo/index.html', isMainFrame: true, fromOurWindow: true };

  it('accepts the main frame of our window on the app origin', () => {
    expect(isTrustedSender(good, APP_ONLY)).toBe(true);
  });

  it('rejects a foreign URL, a subframe, an unknown window or a gone frame', () => {
    expect(isTrustedSender({ ...good, frameUrl: 'https://evil.example/' }, APP_ONLY)).toBe(false);
    expect(isTrustedSender({ ...good, frameUrl: 'file:///index.html' }, APP_ONLY)).toBe(false);
    expect(isTrustedSender({ ...good, isMainFrame: false }, APP_ONLY)).toBe(false);
    expect(isTrustedSender({ ...good, fromOurWindow: false }, APP_ONLY)).toBe(false);
    expect(isTrustedSender({ ...good, frameUrl: null }, APP_ONLY)).toBe(false);
  });

});

describe('permissions', () => {
  it('grants only clipboard writes and fullscreen, and only to our page', () => {
    expect(allowPermission('clipboard-sanitized-write', 'app://veo/index.html', APP_ONLY)).toBe(true);
    expect(allowPermission('fullscreen', 'app://veo/', APP_ONLY)).toBe(true);
    expect(allowPermission('fullscreen', 'https://evil.example/', APP_ONLY)).toBe(false);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'usb', 'openExternal', 'unknown']) {
      expect(allowPermission(p, 'app://veo/', APP_ONLY), p).toBe(false);
    }
  });
});
