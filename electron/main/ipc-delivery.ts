// Per-window event delivery. Events that arrive while the page is (re)loading are held and sent once
// it has finished loading — before that no listener exists and they would be lost. The backlog is
// bounded: a renderer that loads late asks for the current state anyway (jobs:active, library:list),
// so dropping the oldest events of a long backlog loses nothing it cannot re-read.
import type { EventChannel } from '../../shared/contract';

export type SendEvent = (channel: EventChannel, payload: unknown) => void;

export const MAX_PENDING_EVENTS = 500;

export class EventDelivery {
  private ready = false;
  private pending: Array<[EventChannel, unknown]> = [];

  constructor(
    private readonly send: SendEvent,
    private readonly limit = MAX_PENDING_EVENTS,
  ) {}

  /** The page started (re)loading: hold events until it is ready again. */
  hold(): void {
    this.ready = false;
  }

  /** The page finished loading: flush what was held, then deliver directly. */
  release(): void {
    this.ready = true;
    const backlog = this.pending;
    this.pending = [];
    for (const [channel, payload] of backlog) this.deliver(channel, payload);
  }

  push(channel: EventChannel, payload: unknown): void {
    if (this.ready) {
      this.deliver(channel, payload);
      return;
    }
    this.pending.push([channel, payload]);
    if (this.pending.length > this.limit) this.pending.splice(0, this.pending.length - this.limit);
  }

  /** The window is gone: drop everything. */
  dispose(): void {
    this.ready = false;
    this.pending = [];
  }

  get backlog(): number {
    return this.pending.length;
  }

  private deliver(channel: EventChannel, payload: unknown): void {
    try {
      this.send(channel, payload);
    } catch (err) {
      // A webContents torn down between checks throws; the window's 'destroyed' handler cleans up.
      console.warn(`[veo] could not deliver ${channel}:`, err instanceof Error ? err.message : err);
    }
  }
}
