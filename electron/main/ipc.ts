// The only place that touches ipcMain and webContents.send. Every invoke channel of the contract is
// routed to the shared router after a sender check; core events go out to every live window, held
// until its page has loaded. Desktop-only one-way messages (drag-out) get the same sender check.
import { ipcMain, type BrowserWindow, type IpcMainEvent, type IpcMainInvokeEvent, type Item, type WebContents } from 'electron';
import { INVOKE_CHANNELS, VIDEO_DRAG_CHANNEL, type AppCommand, type EventChannel, type IpcResult } from '../../shared/contract';
import type { Router } from '../core/ipc/router';
import { EventDelivery } from './ipc-delivery';
import { isTrustedSender } from './security';

export interface IpcOptions {
  router: Router;
  /** The service's event stream (createAppService(...).subscribe). */
  subscribe: (emit: (channel: EventChannel, payload: unknown) => void) => () => void;
  trustedOrigins: readonly string[];
  /** What to drag for a job id, or undefined when it has no video on disk. */
  dragItemFor: (id: string) => Item | undefined;
}

export interface IpcBridge {
  /** Trusts and serves a window this process created. Call before it loads its page. */
  attachWindow(win: BrowserWindow): void;
  /** Sends an event to every attached window. */
  broadcast(channel: EventChannel, payload: unknown): void;
  /** Menu / notification commands for the renderer (`view:library`, `job:open` + id…). */
  command(command: AppCommand, jobId?: string): void;
  dispose(): void;
}

const UNTRUSTED_SENDER: IpcResult<never> = {
  ok: false,
  error: { kind: 'invalid_input', message: 'This request did not come from the Veo Studio window, so it was ignored.' },
};
const JOB_ID = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}$/;

export function setupIpc(opts: IpcOptions): IpcBridge {
  const deliveries = new Map<number, EventDelivery>();

  const senderOk = (event: IpcMainEvent | IpcMainInvokeEvent): boolean => {
    try {
      const frame = event.senderFrame;
      return isTrustedSender(
        { frameUrl: frame?.url, isMainFrame: frame !== null && frame.parent === null, fromOurWindow: deliveries.has(event.sender.id) },
        opts.trustedOrigins,
      );
    } catch {
      return false; // the frame was disposed mid-check (navigation, close)
    }
  };

  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) => (senderOk(event) ? opts.router.handle(channel, payload) : UNTRUSTED_SENDER));
  }

  const onDrag = (event: IpcMainEvent, id: unknown): void => {
    if (!senderOk(event) || typeof id !== 'string' || !JOB_ID.test(id)) return;
    const item = opts.dragItemFor(id);
    if (item) startDrag(event.sender, item);
  };
  ipcMain.on(VIDEO_DRAG_CHANNEL, onDrag);

  const broadcast = (channel: EventChannel, payload: unknown): void => {
    for (const delivery of deliveries.values()) delivery.push(channel, payload);
  };
  const unsubscribe = opts.subscribe(broadcast);

  return {
    attachWindow(win) {
      const contents = win.webContents;
      const id = contents.id;
      const delivery = new EventDelivery((channel, payload) => {
        if (!contents.isDestroyed()) contents.send(channel, payload);
      });
      deliveries.set(id, delivery);
      contents.on('did-start-loading', () => delivery.hold());
      contents.on('did-finish-load', () => delivery.release());
      contents.once('destroyed', () => {
        delivery.dispose();
        deliveries.delete(id);
      });
    },
    broadcast,
    command(command, jobId) {
      broadcast('app:command', jobId === undefined ? { command } : { command, jobId });
    },
    dispose() {
      unsubscribe();
      for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(channel);
      ipcMain.removeListener(VIDEO_DRAG_CHANNEL, onDrag);
      for (const delivery of deliveries.values()) delivery.dispose();
      deliveries.clear();
    },
  };
}

function startDrag(sender: WebContents, item: Item): void {
  try {
    sender.startDrag(item);
  } catch (err) {
    console.warn('[veo] could not start dragging the video:', err instanceof Error ? err.message : err);
  }
}
