// Realistic job records for the library benchmarks (and for seeding the renderer benchmark): prompts
// of very different lengths, log lines, results, errors, a year of history. Deterministic (seeded),
// and every record passes JobRecordSchema, so the benchmark never measures invalid data.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { JobTable } from '../electron/core/library/job-table';
import { DATABASE_FILE } from '../electron/core/library/paths';
import { JobRecordSchema, type JobRecord, type JobState, type LogLine } from '../shared/domain';

/** mulberry32: small, fast, seedable; the same seed gives the same library on every machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = ['a lighthouse', 'an old fisherman', 'a red fox', 'two dancers', 'a paper boat', 'a city tram', 'a hot-air balloon', 'a golden retriever', 'a glass of iced tea', 'a violinist', 'a snow leopard', 'a vintage motorcycle', 'a koi pond', 'a night market', 'a desert caravan'];
const ACTIONS = ['turns slowly toward the camera', 'walks through falling snow', 'drifts across the frame', 'is lit by passing headlights', 'pauses, then smiles', 'spins in the wind', 'rises above the rooftops', 'splashes through a puddle', 'glows at dusk', 'leans into a sharp curve'];
const CAMERA = ['Slow dolly in.', 'Handheld, slight shake.', 'Aerial drone shot, descending.', 'Static wide shot.', 'Orbit around the subject.', 'Rack focus from foreground to background.', 'Low-angle tracking shot.'];
const STYLE = ['Cinematic, 35 mm film grain.', 'Soft golden-hour light.', 'Moody blue palette, volumetric fog.', 'Documentary style, natural colours.', 'Anamorphic lens flares.', 'Pastel tones, shallow depth of field.'];
const AUDIO = ['Ambient sound of waves and gulls.', 'Quiet piano in the background.', 'City noise, distant sirens.', 'Wind and rustling leaves.', 'Dialogue: "We made it."'];
const ERRORS = [
  { kind: 'content_policy', message: 'The prompt or image was refused by the safety filter.', httpStatus: 422, errorType: 'content_policy_violation' },
  { kind: 'transient', message: 'The server had trouble and gave up after 5 attempts; you were not charged.', httpStatus: 503, errorType: 'runner_scheduling_failure', notCharged: true },
  { kind: 'validation', message: 'image_url: the image is too small (minimum 720p).', httpStatus: 422, errorType: 'image_too_small', field: 'image_url' },
  { kind: 'expired', message: 'The video expired on the server before it was saved.', httpStatus: 403 },
] as const;

const DAY_MS = 86_400_000;
const START_MS = Date.parse('2025-01-01T00:00:00.000Z');

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

function hex(rand: () => number, length: number): string {
  let out = '';
  while (out.length < length) out += Math.floor(rand() * 0x100000000).toString(16).padStart(8, '0');
  return out.slice(0, length);
}

const uuid = (rand: () => number): string => {
  const h = hex(rand, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
};

/** 60 % short (one sentence or two), 30 % medium, 10 % long director's notes up to ~2,000 chars. */
function prompt(rand: () => number): string {
  const r = rand();
  const target = r < 0.6 ? 60 + rand() * 240 : r < 0.9 ? 300 + rand() * 500 : 800 + rand() * 1200;
  const parts: string[] = [];
  let length = 0;
  while (length < target) {
    const sentence = `${pick(rand, SUBJECTS)} ${pick(rand, ACTIONS)}. ${pick(rand, CAMERA)} ${pick(rand, STYLE)}${rand() < 0.3 ? ` ${pick(rand, AUDIO)}` : ''}`;
    parts.push(sentence.charAt(0).toUpperCase() + sentence.slice(1));
    length += sentence.length + 1;
  }
  return parts.join(' ');
}

function logs(rand: () => number, startMs: number, count: number): LogLine[] {
  return Array.from({ length: count }, (_, i) => {
    const timestamp = new Date(startMs + i * 4000).toISOString();
    if (i % 3 === 1) return { message: `Generating frames: step ${i} of ${count}`, timestamp };
    return { message: i === 0 ? 'Starting video generation' : `Generation step ${i} done`, level: 'INFO', source: 'USER', timestamp };
  });
}

function makeRecord(rand: () => number, index: number, total: number): JobRecord {
  const id = uuid(rand);
  const requestId = uuid(rand);
  const createdMs = START_MS + Math.floor((index / total) * 365 * DAY_MS) + Math.floor(rand() * 3_600_000);
  const roll = rand();
  const state: JobState = roll < 0.86 ? 'completed' : roll < 0.96 ? 'failed' : 'cancelled';
  const apiBase = 'https://api.chainhub.tech';
  const runMs = 40_000 + Math.floor(rand() * 80_000);
  const at = (ms: number): string => new Date(createdMs + ms).toISOString();
  const width = rand() < 0.5 ? 1920 : 1280;
  const height = rand() < 0.8 ? Math.round((width * 9) / 16) : Math.round((width * 16) / 9);
  const candidate = {
    id,
    state,
    params: {
      prompt: prompt(rand),
      aspectRatio: pick(rand, ['auto', '16:9', '9:16'] as const),
      duration: rand() < 0.8 ? '8s' : pick(rand, ['4s', '6s'] as const),
      resolution: rand() < 0.7 ? '720p' : '1080p',
      generateAudio: rand() < 0.75,
      ...(rand() < 0.2 ? { negativePrompt: 'blurry, low quality, text, watermark, distorted hands' } : {}),
      ...(rand() < 0.3 ? { seed: Math.floor(rand() * 2 ** 32) } : {}),
    },
    input:
      rand() < 0.9
        ? {
            kind: 'file',
            path: `media/${id}/input.jpg`,
            thumbPath: `media/${id}/thumb.jpg`,
            originalName: `IMG_${1000 + Math.floor(rand() * 9000)}.jpg`,
            mime: 'image/jpeg',
            width,
            height,
            bytes: 200_000 + Math.floor(rand() * 6_000_000),
            sha256: hex(rand, 64),
          }
        : { kind: 'url', url: `https://images.example.com/stills/${hex(rand, 12)}.png` },
    provider: 'aggregator',
    apiBase,
    requestId,
    urls: {
      status: `${apiBase}/fal-ai/veo3/requests/${requestId}/status`,
      response: `${apiBase}/fal-ai/veo3/requests/${requestId}`,
      cancel: `${apiBase}/fal-ai/veo3/requests/${requestId}/cancel`,
    },
    logs: state === 'cancelled' ? [] : logs(rand, createdMs + 20_000, 6 + Math.floor(rand() * 25)),
    favourite: rand() < 0.08,
    cancelRequested: state === 'cancelled',
    ...(index > 0 && rand() < 0.05 ? { parentId: 'see-below' } : {}),
    createdAt: at(0),
    updatedAt: at(runMs + 30_000),
    submitSentAt: at(50),
    submittedAt: at(400),
    ...(state !== 'cancelled' ? { startedAt: at(20_000) } : {}),
    finishedAt: at(runMs + 30_000),
    ...(state === 'completed'
      ? (() => {
          const fileSize = 2_000_000 + Math.floor(rand() * 7_000_000);
          return {
            result: { url: `https://v3.fal.media/files/${hex(rand, 8)}/${hex(rand, 20)}_output.mp4`, contentType: 'video/mp4', fileName: 'output.mp4', fileSize, inferenceTime: runMs / 1000 },
            videoPath: `media/${id}/video.mp4`,
            videoBytes: fileSize,
          };
        })()
      : state === 'failed'
        ? { error: { ...pick(rand, ERRORS), requestId, detail: '{"detail":"see server response"}' } }
        : { error: { kind: 'cancelled', message: 'Cancelled on request.', requestId } }),
  };
  return JobRecordSchema.parse(candidate);
}

/** `count` records, oldest first; about 5 % continue an earlier job (parentId). */
export function makeLibraryRecords(count: number, seed = 20250101): JobRecord[] {
  const rand = rng(seed);
  const records: JobRecord[] = [];
  for (let i = 0; i < count; i++) {
    const record = makeRecord(rand, i, count);
    records.push(record.parentId ? { ...record, parentId: (records[Math.floor(rand() * i)] as JobRecord).id } : record);
  }
  groupIntoShots(records, rng(seed + 1));
  return records;
}

/**
 * About three in ten jobs are takes of a shot — 2 to 4 made together from one prompt and one set
 * of options (Create's ×N), so their cards read "Take 2/4". Its own random stream, so the jobs
 * themselves are the same as before takes existed.
 */
function groupIntoShots(records: JobRecord[], rand: () => number): void {
  for (let i = 0; i < records.length; ) {
    if (rand() >= 0.12) {
      i++;
      continue;
    }
    const size = 2 + Math.floor(rand() * 3);
    const shotId = uuid(rand);
    const first = records[i] as JobRecord;
    for (let take = 1; take <= size && i < records.length; take++, i++) {
      records[i] = { ...(records[i] as JobRecord), params: first.params, shotId, take };
    }
  }
}

/** A put line of the journal the library kept before SQLite: what a library to migrate holds. */
export const journalLine = (record: JobRecord): string => JSON.stringify({ op: 'put', record });

/** Streams one line per record (a 50,000-job journal is larger than a string V8 can hold). */
export async function writeJournal(path: string, records: readonly JobRecord[], line: (record: JobRecord) => string = journalLine): Promise<void> {
  const out = createWriteStream(path);
  const BATCH = 1000;
  for (let i = 0; i < records.length; i += BATCH) {
    const text = records.slice(i, i + BATCH).map((r) => `${line(r)}\n`).join('');
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await finished(out);
}

/** Writes the records into a library's database the way the store does, 1,000 per transaction. */
export function writeLibraryDatabase(libraryDir: string, records: readonly JobRecord[]): JobTable {
  const table = JobTable.open(join(libraryDir, DATABASE_FILE), false);
  for (let i = 0; i < records.length; i += 1000) table.putAll(records.slice(i, i + 1000));
  return table;
}

/** What a library-worker.ts child reports. */
export interface OpenResult {
  openMs: number;
  /** CPU time (user + system) the open took: what the open costs, whatever else the machine runs. */
  cpuMs: number;
  total: number;
  firstScreen: number;
  /** Resident set and JS heap once the first screen is ready, in MB. */
  rssMb: number;
  heapMb: number;
  /** The first page of hits and their total: what the Library waits for when you type. */
  searches?: Array<{ term: string; ms: number; hits: number }>;
  /** Every hit's summary at once (a CLI `list --search`). */
  allHitsSearches?: Array<{ term: string; ms: number; hits: number }>;
  updatesMs?: number[];
  /** CPU time of each of those updates: the rest of its wall time is the fsync and waiting for a core. */
  updatesCpuMs?: number[];
}

/** LIBRARY_PAGE_SIZE in renderer/stores/library-store.ts: the grid asks for this many at a time. */
export const FIRST_SCREEN = 60;
export const SEARCH_TERMS = ['lighthouse', 'snow leopard', 'golden-hour', 'drone', 'iced tea', 'we made it', 'motorcycle', 'koi', 'b2496e9e', 'no such words anywhere'];
