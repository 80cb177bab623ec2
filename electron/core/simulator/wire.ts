// The JSON bodies the queue API answers with, field for field as the seed spec and protocol.md show.
import { MODEL_LIST, MODELS, type ModelId } from '../../../shared/models';
import type { SimJob } from './job-model';

/** Where fal's queue lives. Bodies point here even through the aggregator: clients must re-base. */
export const FAL_QUEUE_ORIGIN = 'https://queue.fal.run';

/** The model a submit path posts to (`/fal-ai/veo3/fast/image-to-video`), or undefined. */
export function modelOfSubmitPath(pathname: string): ModelId | undefined {
  return MODEL_LIST.find((m) => pathname === `/${m.id}`)?.id;
}

/** Status/result/cancel name the model's app, not its endpoint (protocol.md, "Endpoints"). */
export const requestsPrefix = (model: ModelId): string => `/${MODELS[model].queueApp}/requests/`;

/** Every app's requests prefix, once each (Veo 3 and Veo 3 Fast share `fal-ai/veo3`). */
export const REQUESTS_PREFIXES: readonly string[] = [...new Set(MODEL_LIST.map((m) => requestsPrefix(m.id)))];

export function queueUrls(job: Pick<SimJob, 'requestId' | 'input'>): { response_url: string; status_url: string; cancel_url: string } {
  const base = `${FAL_QUEUE_ORIGIN}${requestsPrefix(job.input.model)}${job.requestId}`;
  return { response_url: base, status_url: `${base}/status`, cancel_url: `${base}/cancel` };
}

/** Exactly the seed's 200 example: IN_QUEUE, logs null, metrics {}, queue_position. */
export function submitReceipt(job: SimJob): Record<string, unknown> {
  return {
    status: 'IN_QUEUE',
    request_id: job.requestId,
    ...queueUrls(job),
    logs: null,
    metrics: {},
    queue_position: job.queuePosition,
  };
}

export interface StatusBodyOptions {
  withLogs: boolean;
  /**
   * Index of the first log line to include. Polling sends all lines (0); the SSE stream sends only
   * lines it has not sent yet, which is why fal-js accumulates `logs` itself when streaming.
   */
  logsFrom?: number;
}

export function statusBody(job: SimJob, opts: StatusBodyOptions): Record<string, unknown> {
  const logs = opts.withLogs && job.state !== 'IN_QUEUE' ? job.logs.slice(opts.logsFrom ?? 0) : null;
  const metrics: Record<string, number> = {};
  const inferenceTime = job.inferenceTimeSeconds();
  if (job.state === 'COMPLETED' && inferenceTime !== undefined) metrics.inference_time = inferenceTime;
  const body: Record<string, unknown> = {
    status: job.state,
    request_id: job.requestId,
    ...queueUrls(job),
    logs,
    metrics,
  };
  if (job.state === 'IN_QUEUE') body.queue_position = job.queuePosition;
  if (job.state === 'COMPLETED' && job.failure) {
    body.error = job.failure.statusError.error;
    body.error_type = job.failure.statusError.error_type;
  }
  return body;
}

export function videoFileName(job: SimJob): string {
  return `veo3_${job.requestId.slice(0, 8)}.mp4`;
}

/** The public CDN path of a job's video; the CDN resolves the job back from it. */
export function videoPath(job: SimJob): string {
  return `/files/${job.requestId}/${videoFileName(job)}`;
}

export function videoResultBody(job: SimJob, cdnUrl: string, fileSize: number): Record<string, unknown> {
  return {
    video: {
      url: `${cdnUrl}${videoPath(job)}`,
      content_type: 'video/mp4',
      file_name: videoFileName(job),
      file_size: fileSize,
    },
  };
}
