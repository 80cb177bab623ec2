// GET …/status/stream: Server-Sent Events, one `data: <status JSON>` per observable change, a
// `: ping` comment every pingIntervalMs so proxies keep the connection, closed after COMPLETED.
import type { Exchange } from './exchange';
import type { SimJob } from './job-model';
import { statusBody } from './wire';

export function serveStatusStream(ex: Exchange, job: SimJob, withLogs: boolean, pingIntervalMs: number): void {
  const { res } = ex;
  ex.head(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });

  let logsSent = 0;
  let unsubscribe = (): void => {};
  const ping = setInterval(() => res.write(': ping\n\n'), pingIntervalMs);
  const stop = (): void => {
    clearInterval(ping);
    unsubscribe();
  };

  const sendCurrent = (): void => {
    if (res.writableEnded || res.destroyed) return;
    // Each event carries only log lines not sent before (see wire.ts, StatusBodyOptions.logsFrom).
    const body = statusBody(job, { withLogs, logsFrom: logsSent });
    if (Array.isArray(body.logs)) logsSent += body.logs.length;
    res.write(`data: ${JSON.stringify(body)}\n\n`);
    if (job.state === 'COMPLETED') {
      stop();
      res.end();
    }
  };

  res.on('close', stop);
  unsubscribe = job.onChange(sendCurrent);
  sendCurrent();
}
