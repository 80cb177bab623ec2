import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rendererFileFor } from '../../../electron/main/renderer-files';

const ROOT = path.resolve('/opt/veo/dist/renderer');

describe('rendererFileFor', () => {
  it('serves index.html for the root and for client-side routes', () => {
    for (const url of ['app://veo/', 'app://veo', 'app://veo/index.html', 'app://veo/library', 'app://veo/settings/']) {
      expect(rendererFileFor(url, ROOT), url).toEqual({ absPath: path.join(ROOT, 'index.html'), contentType: 'text/html; charset=utf-8' });
    }
  });

  it('serves built assets with their content type, decoding the path once', () => {
    expect(rendererFileFor('app://veo/assets/index-abc.js?v=1', ROOT)).toEqual({
      absPath: path.join(ROOT, 'assets', 'index-abc.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(rendererFileFor('app://veo/assets/my%20icon.svg', ROOT)?.absPath).toBe(path.join(ROOT, 'assets', 'my icon.svg'));
  });

  it('lets the URL parser fold dot segments, which can never climb above the root', () => {
    expect(rendererFileFor('app://veo/assets/%2e%2e/%2e%2e/../secret.js', ROOT)?.absPath).toBe(path.join(ROOT, 'secret.js'));
  });

  it('refuses other hosts, escapes and unknown types', () => {
    for (const url of [
      'app://other/index.html',
      'app://veo/..%2f..%2fetc%2fpasswd.js',
      'app://veo/%00.js',
      'app://veo/%E0%A4%A.js',
      'app://veo/data.exe',
      'not a url',
    ]) {
      expect(rendererFileFor(url, ROOT), url).toBeNull();
    }
  });
});
