// Limits how many jobs are in flight at once (fal's default concurrency for new accounts is 2).
// The limit can change at runtime (Settings); waiters are served first come, first served.
export class ConcurrencyGate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error('Concurrency must be a whole number of at least 1.');
  }

  setLimit(limit: number): void {
    if (!Number.isInteger(limit) || limit < 1) throw new Error('Concurrency must be a whole number of at least 1.');
    this.limit = limit;
    this.drain();
  }

  get inFlight(): number {
    return this.active;
  }

  /** Resolves with a release function once a slot is free. Abortable while waiting. */
  acquire(signal?: AbortSignal): Promise<() => void> {
    return new Promise((resolve, reject) => {
      const grant = (): void => {
        signal?.removeEventListener('abort', onAbort);
        this.active++;
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          this.active--;
          this.drain();
        });
      };
      const onAbort = (): void => {
        const i = this.waiting.indexOf(grant);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(signal?.reason ?? new Error('aborted'));
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(grant);
      this.drain();
    });
  }

  private drain(): void {
    while (this.active < this.limit && this.waiting.length > 0) this.waiting.shift()?.();
  }
}
