// Library media (thumbnails, videos) is served under `app:info.mediaBase`; records hold paths
// relative to the library folder. Each segment is encoded so odd file names cannot change the URL.
export function mediaUrl(mediaBase: string | undefined, relativePath: string | undefined): string | undefined {
  if (!mediaBase || !relativePath) return undefined;
  const encoded = relativePath
    .split(/[\\/]+/)
    .filter((s) => s !== '' && s !== '.')
    .map(encodeURIComponent)
    .join('/');
  return `${mediaBase.replace(/\/+$/, '')}/${encoded}`;
}
