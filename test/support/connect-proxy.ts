// A tiny HTTP proxy on loopback for tests: it speaks only CONNECT, maps every requested host:port to
// a local port the test chooses, and records what it saw — the CONNECT lines, any request that was
// addressed to it in absolute form, and every byte it relayed from the client.
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface ProxyLog {
  connects: string[];
  /** Non-CONNECT request lines (a client that sent "GET http://…" to the proxy itself). */
  plainRequests: string[];
  /** Bytes the client sent through tunnels, concatenated (what the proxy could read). */
  relayed: Buffer[];
}

export interface TestProxy {
  url: string;
  log: ProxyLog;
  close(): Promise<void>;
}

export async function startConnectProxy(route: (authority: string) => number | undefined): Promise<TestProxy> {
  const log: ProxyLog = { connects: [], plainRequests: [], relayed: [] };
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      client.off('data', onData);
      const [line = ''] = head.subarray(0, end).toString('latin1').split('\r\n');
      const rest = head.subarray(end + 4);
      const [method, authority = ''] = line.split(' ');
      if (method !== 'CONNECT') {
        log.plainRequests.push(line);
        client.end('HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n');
        return;
      }
      log.connects.push(line);
      const port = route(authority);
      if (port === undefined) {
        client.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
        return;
      }
      const upstream = connect(port, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        if (rest.length) {
          log.relayed.push(rest);
          upstream.write(rest);
        }
        client.on('data', (d: Buffer) => log.relayed.push(d));
        client.pipe(upstream);
        upstream.pipe(client);
      });
      sockets.add(upstream);
      upstream.on('close', () => sockets.delete(upstream));
      upstream.on('error', () => client.destroy());
    };
    client.on('data', onData);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
