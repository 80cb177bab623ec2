import { describe, expect, it, vi } from 'vitest';
import { EventDelivery } from '../../../electron/main/ipc-delivery';

function recorder() {
  const sent: Array<[string, unknown]> = [];
  return { sent, send: (channel: string, payload: unknown) => sent.push([channel, payload]) };
}

describe('EventDelivery', () => {
  it('holds events until the page has loaded, then flushes them in order', () => {
    const { sent, send } = recorder();
    const d = new EventDelivery(send);
    d.push('job:updated', 1);
    d.push('app:command', { command: 'view:library' });
    expect(sent).toEqual([]);
    d.release();
    expect(sent).toEqual([
      ['job:updated', 1],
      ['app:command', { command: 'view:library' }],
    ]);
    d.push('job:progress', 2);
    expect(sent.at(-1)).toEqual(['job:progress', 2]);
  });

  it('holds again while the page reloads', () => {
    const { sent, send } = recorder();
    const d = new EventDelivery(send);
    d.release();
    d.hold();
    d.push('job:updated', 'during reload');
    expect(sent).toEqual([]);
    d.release();
    expect(sent).toEqual([['job:updated', 'during reload']]);
  });

  it('keeps only the newest events of a long backlog', () => {
    const { sent, send } = recorder();
    const d = new EventDelivery(send, 3);
    for (let i = 0; i < 10; i += 1) d.push('job:progress', i);
    expect(d.backlog).toBe(3);
    d.release();
    expect(sent.map(([, p]) => p)).toEqual([7, 8, 9]);
  });

  it('drops everything once disposed, and survives a send that throws', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const d = new EventDelivery(() => {
      throw new Error('Object has been destroyed');
    });
    d.release();
    expect(() => d.push('job:updated', 1)).not.toThrow();
    expect(warn).toHaveBeenCalledWith('[veo] could not deliver job:updated:', 'Object has been destroyed');
    warn.mockRestore();
    d.hold();
    d.push('job:updated', 2);
    d.dispose();
    expect(d.backlog).toBe(0);
  });
});
