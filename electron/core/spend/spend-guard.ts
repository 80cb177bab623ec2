// The one gate every spending request passes (Generate, several pictures, Retry, re-run, and any
// face: desktop, browser host). The UI only asks it; it cannot be talked past:
//   1. de-duplication — an identical request made while the first is still being submitted, or
//      within `dedupWindowMs` after it, gets the first one's answer instead of starting a second
//      paid job (a double-click, a double Retry, a replayed message);
//   2. the limit — above the user's "confirm above $X" the request is refused with a quote until it
//      comes back carrying `confirmedUsd` at least as large as that quote;
//   3. free providers (the simulator) are never asked to confirm: they cost nothing;
//   4. a request may carry its own refusal (e.g. a draft that already has its final), asked after
//      de-duplication — a double click still gets the first answer — and before anything is priced.
import type { SpendQuote } from '../../../shared/contract';
import type { Provider } from '../../../shared/domain';
import { say } from '../../../shared/i18n/messages';
import { estimateBatchUsd, isBilledProvider, type PricedParams } from '../../../shared/pricing';
import { IpcUserError } from '../ipc/router';
import type { Said } from '../util/said';

export const DEFAULT_DEDUP_WINDOW_MS = 2000;

export interface SpendRequest {
  /** Requests with equal keys are the same request (same settings, same picture, same job re-run). */
  key: string;
  provider: Provider;
  params: PricedParams;
  /** Jobs this one press starts; they are priced and confirmed together. */
  jobs?: number;
  confirmedUsd?: number;
  /** Why this request must not spend at all right now (words for the user); undefined = it may. */
  refusal?: () => string | Said | undefined;
}

/** Refusal that carries the quote the UI shows in its confirm dialog. */
export class SpendNeedsConfirmation extends IpcUserError {
  constructor(readonly quote: SpendQuote) {
    super('failed', say('app.spend.needsConfirmation', { usd: quote.usd, limit: quote.limit }), { needsConfirmation: quote });
  }
}

export interface SpendGuardOptions {
  /** The user's "confirm above $X" right now; undefined = never ask. */
  limit: () => number | undefined;
  dedupWindowMs?: number;
  now?: () => number;
}

interface Recent {
  promise: Promise<unknown>;
  settledAt?: number;
}

export class SpendGuard {
  private readonly recent = new Map<string, Recent>();
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(private readonly opts: SpendGuardOptions) {
    this.windowMs = opts.dedupWindowMs ?? DEFAULT_DEDUP_WINDOW_MS;
    this.now = opts.now ?? Date.now;
  }

  /** The estimate of a request, and whether it would need confirming (undefined limit = never). */
  quote(req: SpendRequest): SpendQuote & { needsConfirmation: boolean } {
    const jobs = Math.max(1, req.jobs ?? 1);
    const usd = estimateBatchUsd(req.params, req.provider, jobs);
    const limit = this.opts.limit();
    const needsConfirmation = isBilledProvider(req.provider) && limit !== undefined && usd > limit;
    return { usd, limit: limit ?? 0, jobs, provider: req.provider, needsConfirmation };
  }

  /**
   * Runs `start` once for this request. A repeat of a request still in flight (or settled less
   * than the window ago) answers what the first answered; a request above the limit without a
   * matching confirmation throws SpendNeedsConfirmation and starts nothing.
   */
  spend<T>(req: SpendRequest, start: () => Promise<T>): Promise<T> {
    this.forgetExpired();
    const earlier = this.recent.get(req.key);
    if (earlier) return earlier.promise as Promise<T>;
    const refused = req.refusal?.();
    if (refused !== undefined) return Promise.reject(new IpcUserError('invalid_input', refused));
    const { needsConfirmation, ...quote } = this.quote(req);
    // Cents, as the UI shows them: a confirmation of $9.60 covers an estimate of $9.60.
    const confirmed = req.confirmedUsd !== undefined && Math.round(req.confirmedUsd * 100) >= Math.round(quote.usd * 100);
    if (needsConfirmation && !confirmed) return Promise.reject(new SpendNeedsConfirmation(quote));
    const entry: Recent = { promise: Promise.resolve() };
    entry.promise = start().then(
      (value) => {
        entry.settledAt = this.now();
        return value;
      },
      (error: unknown) => {
        // A refused or failed start spent nothing: trying again at once must be possible.
        if (this.recent.get(req.key) === entry) this.recent.delete(req.key);
        throw error;
      },
    );
    this.recent.set(req.key, entry);
    return entry.promise as Promise<T>;
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [key, entry] of this.recent) {
      if (entry.settledAt !== undefined && now - entry.settledAt >= this.windowMs) this.recent.delete(key);
    }
  }
}
