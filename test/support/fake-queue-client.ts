// A scriptable QueueClient for runner tests: each request id walks a list of statuses, and every
// call is counted so tests can assert "submitted once", "one poller", "cancel was sent".
import type { QueueUrls, VideoResult } from '../../shared/domain';
import { ApiError } from '../../electron/core/api/errors';
import type { CancelOutcome, ModelInput, QueueClient, QueueStatus, SubmitReceipt } from '../../electron/core/api/types';

export interface FakeScript {
  statuses: QueueStatus[];
  /** Result answers in order; the last one repeats. */
  results: Array<VideoResult | ApiError>;
  cancel?: CancelOutcome;
  /** After a cancel, switch to these results (e.g. an error meaning "cancelled"). */
  resultsAfterCancel?: Array<VideoResult | ApiError>;
}

interface Entry {
  script: FakeScript;
  step: number;
  resultStep: number;
  cancelled: boolean;
}

export class FakeQueueClient implements QueueClient {
  readonly provider = 'simulator' as const;
  readonly baseUrl = 'http://127.0.0.1:9';
  readonly calls = { submit: 0, status: 0, stream: 0, result: 0, cancel: 0 };
  readonly submitted: ModelInput[] = [];
  submitsInFlight = 0;
  maxSubmitsInFlight = 0;
  streamSupported = false;
  /** Set by tests to hold submits until they resolve it. */
  submitGate: Promise<void> | null = null;
  submitError: ApiError | null = null;
  /** Set by tests to hold status calls (the job stays queued) until they resolve it. */
  statusGate: Promise<void> | null = null;
  private readonly scripts = new Map<string, Entry>();
  private counter = 0;

  constructor(private readonly nextScript: () => FakeScript) {}

  urlsFor(requestId: string): QueueUrls {
    const base = `${this.baseUrl}/fal-ai/veo3/requests/${requestId}`;
    return { status: `${base}/status`, response: base, cancel: `${base}/cancel` };
  }

  /** Registers a request id as if it had been submitted by an earlier process. */
  adopt(requestId: string, script: FakeScript): void {
    this.scripts.set(requestId, { script, step: 0, resultStep: 0, cancelled: false });
  }

  async submit(input: ModelInput): Promise<SubmitReceipt> {
    this.calls.submit++;
    this.submitted.push(input);
    this.submitsInFlight++;
    this.maxSubmitsInFlight = Math.max(this.maxSubmitsInFlight, this.submitsInFlight);
    try {
      if (this.submitGate) await this.submitGate;
      if (this.submitError) throw this.submitError;
      const requestId = `req-${++this.counter}`;
      this.adopt(requestId, this.nextScript());
      return { requestId, urls: this.urlsFor(requestId), queuePosition: 0 };
    } finally {
      this.submitsInFlight--;
    }
  }

  async status(urls: QueueUrls): Promise<QueueStatus> {
    this.calls.status++;
    if (this.statusGate) await this.statusGate;
    const s = this.entry(urls);
    const status = s.script.statuses[Math.min(s.step, s.script.statuses.length - 1)];
    s.step++;
    if (!status) throw new Error('script has no statuses');
    return status;
  }

  async *stream(urls: QueueUrls): AsyncIterable<QueueStatus> {
    this.calls.stream++;
    if (!this.streamSupported) throw new ApiError({ kind: 'stream_unsupported', message: 'no stream' });
    const s = this.entry(urls);
    for (const status of s.script.statuses.slice(s.step)) yield status;
  }

  async result(urls: QueueUrls): Promise<VideoResult> {
    this.calls.result++;
    const s = this.entry(urls);
    const list = s.cancelled && s.script.resultsAfterCancel ? s.script.resultsAfterCancel : s.script.results;
    const answer = list[Math.min(s.resultStep, list.length - 1)];
    s.resultStep++;
    if (answer instanceof ApiError) throw answer;
    if (!answer) throw new Error('script has no results');
    return answer;
  }

  async cancel(urls: QueueUrls): Promise<CancelOutcome> {
    this.calls.cancel++;
    const s = this.entry(urls);
    s.cancelled = true;
    s.resultStep = 0;
    return s.script.cancel ?? 'requested';
  }

  private entry(urls: QueueUrls): Entry {
    const id = urls.status.split('/requests/')[1]?.split('/')[0] ?? '';
    const s = this.scripts.get(id);
    if (!s) throw new ApiError({ kind: 'not_found', message: `unknown request ${id}`, httpStatus: 404 });
    return s;
  }
}

export const QUEUED = (queuePosition: number): QueueStatus => ({ status: 'IN_QUEUE', queuePosition, logs: [] });
export const RUNNING = (...messages: string[]): QueueStatus => ({
  status: 'IN_PROGRESS',
  logs: messages.map((message, i) => ({ message, timestamp: `2026-01-01T00:00:0${i}Z` })),
});
export const COMPLETED: QueueStatus = { status: 'COMPLETED', logs: [] };
export const VIDEO: VideoResult = { url: 'http://cdn.invalid/video.mp4', contentType: 'video/mp4', fileSize: 4 };
