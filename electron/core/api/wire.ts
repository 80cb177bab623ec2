// Wire shapes of the queue API (protocol.md) and their translation into the client's types. Every
// body is untrusted: parse with zod, be lenient where fal is known to vary (nulls, missing log
// fields, extra keys), strict where a wrong value would mislead us (status names, URLs).
import { z } from 'zod';
import type { LogLine, VideoResult } from '../../../shared/domain';
import { boundLogLine } from '../library/record-bounds';
import type { QueueStatus } from './types';

const optionalText = z
  .string()
  .nullish()
  .transform((v) => v ?? undefined);

export const SubmitBodySchema = z.object({
  request_id: z.string().min(1).max(200),
  status_url: z.string().min(1),
  response_url: z.string().min(1),
  cancel_url: z.string().min(1),
  queue_position: z.number().int().nonnegative().nullish(),
});

const LogLineWire = z.object({
  message: z.string(),
  level: optionalText,
  source: optionalText,
  // fal sends ISO strings; accept epoch numbers too rather than dropping the line.
  timestamp: z
    .union([z.string(), z.number()])
    .nullish()
    .transform((v) => (v === null || v === undefined ? undefined : String(v))),
});

/** One bad log line must not cost us the status: malformed entries are dropped, not fatal. */
const LogsWire = z
  .array(z.unknown())
  .nullish()
  .transform((items): LogLine[] => {
    const out: LogLine[] = [];
    for (const item of items ?? []) {
      const parsed = LogLineWire.safeParse(item);
      if (!parsed.success) continue;
      const line: LogLine = { message: parsed.data.message };
      if (parsed.data.level !== undefined) line.level = parsed.data.level;
      if (parsed.data.source !== undefined) line.source = parsed.data.source;
      if (parsed.data.timestamp !== undefined) line.timestamp = parsed.data.timestamp;
      // Bounded here already, so a provider streaming 900 KB lines never fills memory or the library.
      out.push(boundLogLine(line));
    }
    return out;
  });

export const StatusBodySchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('IN_QUEUE'), queue_position: z.number().int().nonnegative().nullish(), logs: LogsWire }),
  z.object({ status: z.literal('IN_PROGRESS'), logs: LogsWire }),
  z.object({
    status: z.literal('COMPLETED'),
    logs: LogsWire,
    metrics: z.object({ inference_time: z.number().nonnegative().nullish() }).nullish(),
    // fal has been seen to put objects here too; keep text only, never fail the status over it.
    error: z.unknown().optional(),
    error_type: z.unknown().optional(),
  }),
]);

export function toQueueStatus(body: z.infer<typeof StatusBodySchema>): QueueStatus {
  switch (body.status) {
    case 'IN_QUEUE':
      return { status: 'IN_QUEUE', queuePosition: body.queue_position ?? 0, logs: body.logs };
    case 'IN_PROGRESS':
      return { status: 'IN_PROGRESS', logs: body.logs };
    case 'COMPLETED': {
      const out: Extract<QueueStatus, { status: 'COMPLETED' }> = { status: 'COMPLETED', logs: body.logs };
      const inference = body.metrics?.inference_time;
      if (typeof inference === 'number') out.inferenceTime = inference;
      const error = asText(body.error);
      if (error !== undefined) out.error = error;
      const errorType = asText(body.error_type);
      if (errorType !== undefined) out.errorType = errorType;
      return out;
    }
  }
}

const httpUrl = z.string().refine((s) => /^https?:\/\//i.test(s) && URL.canParse(s), 'must be an http(s) URL');

export const ResultBodySchema = z.object({
  video: z.object({
    url: httpUrl,
    content_type: optionalText,
    file_name: optionalText,
    file_size: z.number().int().nonnegative().nullish(),
  }),
  metrics: z.object({ inference_time: z.number().nonnegative().nullish() }).nullish(),
});

export function toVideoResult(body: z.infer<typeof ResultBodySchema>): VideoResult {
  const out: VideoResult = { url: body.video.url };
  if (body.video.content_type !== undefined) out.contentType = body.video.content_type;
  if (body.video.file_name !== undefined) out.fileName = body.video.file_name;
  if (typeof body.video.file_size === 'number') out.fileSize = body.video.file_size;
  if (typeof body.metrics?.inference_time === 'number') out.inferenceTime = body.metrics.inference_time;
  return out;
}

/** One entry of fal/FastAPI's `detail` array. Everything optional: we only read what is there. */
export const DetailItemSchema = z.object({
  loc: z.array(z.union([z.string(), z.number()])).optional().catch(undefined),
  msg: z.string().optional().catch(undefined),
  type: z.string().optional().catch(undefined),
});
export type DetailItem = z.infer<typeof DetailItemSchema>;

export const ErrorBodySchema = z.object({
  detail: z.unknown().optional(),
  error_type: z.string().optional().catch(undefined),
  status: z.string().optional().catch(undefined),
});

export const CancelBodySchema = z.object({ status: z.string().optional().catch(undefined) });

/** Parses JSON text; `undefined` when it is not JSON (the caller decides whether that matters). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Short human summary of zod issues, for ApiError.detail. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
    .join('; ');
}

function asText(v: unknown): string | undefined {
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (v === null || v === undefined) return undefined;
  return JSON.stringify(v);
}
