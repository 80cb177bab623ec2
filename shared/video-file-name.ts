// The name a finished video gets when it leaves the library (drag-out, Save as…): readable, portable
// on every file system, and distinct per job, so a second video dropped in the same folder never
// collides with the first. "veo-a-fox-in-the-snow-2026-11-27-1a2b3c4d.mp4".

const SLUG_MAX = 48;
const SHORT_ID = 8;

export interface NamedVideo {
  id: string;
  createdAt: string;
  params: { prompt: string };
}

/** Lower-case ASCII words joined by '-', accents folded, at most 48 characters. */
export function promptSlug(prompt: string): string {
  return prompt
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/, '');
}

/** YYYY-MM-DD of the job's creation (UTC, so the name does not depend on where it is made). */
function dayOf(iso: string): string | undefined {
  const time = Date.parse(iso);
  return Number.isFinite(time) ? new Date(time).toISOString().slice(0, 10) : undefined;
}

export function videoFileName(rec: NamedVideo): string {
  const parts = ['veo', promptSlug(rec.params.prompt), dayOf(rec.createdAt), rec.id.replace(/[^A-Za-z0-9]/g, '').slice(0, SHORT_ID)];
  return `${parts.filter((p) => p).join('-')}.mp4`;
}
