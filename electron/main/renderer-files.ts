// Maps an `app://veo/…` request to a file of the built renderer (dist/renderer). Pure path logic:
// protocols.ts reads the file. Confinement reuses the library's resolveInside, which refuses
// absolute paths, `..` segments and NUL bytes, so no URL can reach outside the renderer folder.
import path from 'node:path';
import { resolveInside } from '../core/library/paths';
import { APP_HOST } from './app-origin';
import { STATIC_CONTENT_TYPES } from '../core/util/content-types';


export interface RendererFile {
  absPath: string;
  contentType: string;
}

/**
 * The file to serve for `url`, or null (→ 404) for other hosts, undecodable or escaping paths and
 * unknown file types. Extension-less paths fall back to index.html so a client-side route survives
 * a reload.
 */
export function rendererFileFor(url: string, rendererDir: string): RendererFile | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host !== APP_HOST) return null;
  let rel: string;
  try {
    // Decoded exactly once, as resolveInside expects of URL-serving callers.
    rel = decodeURIComponent(parsed.pathname).replace(/^\/+/, '');
  } catch {
    return null;
  }
  if (rel === '' || path.posix.extname(rel) === '') rel = 'index.html';
  const contentType = STATIC_CONTENT_TYPES[path.posix.extname(rel).toLowerCase()];
  if (!contentType) return null;
  try {
    return { absPath: resolveInside(rendererDir, rel), contentType };
  } catch {
    return null;
  }
}
