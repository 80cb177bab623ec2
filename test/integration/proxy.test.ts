// The core behind an HTTP proxy (HTTPS_PROXY/HTTP_PROXY/NO_PROXY, the Settings override, the desktop
// app's system proxy): requests go through a CONNECT tunnel, and the key travels only inside it to
// the API origin. The proxy here records everything it sees.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core, type CoreConfig } from '../../electron/core';
import { downloadToFile } from '../../electron/core/media/download';
import { createProxyResolver } from '../../electron/core/api/proxy-config';
import { tunnelTo } from '../../electron/core/api/proxy-tunnel';
import { MemoryKeychain } from '../../electron/core/secrets/secret-store';
import { startSimulator, type Simulator } from '../../electron/core/simulator';
import { FAST_TEST_TIMING } from '../../electron/core/simulator/types';
import { startConnectProxy, type TestProxy } from '../support/connect-proxy';

const KEY = 'sk-proxy-secret-0c0ffee0';
let tmp: string;
let cert: Buffer;
let api: HttpsServer;
let apiPort: number;
const apiSaw: Array<{ path: string; authorization?: string }> = [];
let sim: Simulator;
let proxy: TestProxy;
const cores: Core[] = [];

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'veo-proxy-'));
  // A self-signed certificate for "api.test": the client trusts it through the test-only CA seam.
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=api.test', '-addext', 'subjectAltName=DNS:api.test', '-keyout', join(tmp, 'key.pem'), '-out', join(tmp, 'cert.pem')], { stdio: 'ignore' });
  cert = await readFile(join(tmp, 'cert.pem'));
  api = createHttpsServer({ key: await readFile(join(tmp, 'key.pem')), cert }, (req, res) => {
    apiSaw.push({ path: req.url ?? '', ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
    const body =
      req.url === '/v1/dashboard/billing/subscription' ? { hard_limit_usd: 20 } : req.url === '/v1/dashboard/billing/usage' ? { total_usage: 1250 } : { detail: 'Request not found' };
    res.writeHead(req.url?.startsWith('/v1/') ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((r) => api.listen(0, '127.0.0.1', () => r()));
  apiPort = (api.address() as { port: number }).port;
  // Reached through the proxy as sim.test / cdn.test: names it must be told to answer to.
  sim = await startSimulator({ timing: FAST_TEST_TIMING, hostNames: ['sim.test', 'cdn.test'] });
  const simPort = Number(new URL(sim.baseUrl).port);
  const cdnPort = Number(new URL(sim.cdnUrl).port);
  proxy = await startConnectProxy((authority) => ({ 'api.test:443': apiPort, 'sim.test:80': simPort, 'cdn.test:80': cdnPort })[authority]);
});
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
  proxy.log.connects.length = 0;
  proxy.log.plainRequests.length = 0;
  proxy.log.relayed.length = 0;
  apiSaw.length = 0;
});
afterAll(async () => {
  await proxy?.close();
  await sim?.close();
  await new Promise<void>((r) => api.close(() => r()));
  await rm(tmp, { recursive: true, force: true });
});

async function coreWith(extra: Partial<CoreConfig>, apiBase = 'https://api.test'): Promise<Core> {
  const dataDir = await mkdtemp(join(tmp, 'data-'));
  const core = await createCore({ dataDir, provider: 'aggregator', apiBase, keychain: new MemoryKeychain(), tunnel: { ca: cert }, ...extra });
  cores.push(core);
  await core.secrets.set('aggregator', KEY);
  return core;
}

const relayedText = (): string => Buffer.concat(proxy.log.relayed).toString('latin1');

describe('HTTPS_PROXY: a CONNECT tunnel, the key only inside TLS to the API origin', () => {
  it('balance and key check go through the proxy; it sees CONNECT api.test:443 and never the key', async () => {
    const core = await coreWith({ proxyEnv: { HTTPS_PROXY: proxy.url } });
    expect((await core.balance()).balanceUsd).toBe(7.5);
    expect((await core.checkKey('aggregator', KEY)).verdict).toBe('works');
    expect(proxy.log.connects.length).toBeGreaterThanOrEqual(3);
    expect(proxy.log.connects.every((l) => l === 'CONNECT api.test:443 HTTP/1.1')).toBe(true);
    expect(proxy.log.plainRequests).toEqual([]);
    expect(relayedText()).not.toContain(KEY);
    expect(relayedText().toLowerCase()).not.toContain('authorization');
    expect(apiSaw.length).toBeGreaterThanOrEqual(3);
    expect(apiSaw.every((r) => r.authorization === `Bearer ${KEY}`)).toBe(true);
  });

  it('NO_PROXY exempts the host; the Settings field "direct" overrides the environment', async () => {
    const exempt = await coreWith({ proxyEnv: { HTTPS_PROXY: proxy.url, NO_PROXY: 'localhost,.test' } });
    expect((await exempt.balance()).balanceUsd).toBeNull(); // direct: api.test does not resolve here
    const direct = await coreWith({ proxyEnv: { https_proxy: proxy.url } });
    await direct.updateSettings({ proxy: 'direct' });
    expect((await direct.balance()).balanceUsd).toBeNull();
    expect(proxy.log.connects).toEqual([]);
  });

  it('the desktop app’s system proxy (PAC-style answer) is used when no setting says otherwise', async () => {
    const asked: string[] = [];
    const core = await coreWith({
      proxyEnv: {},
      systemProxy: async (url) => {
        asked.push(url);
        return `PROXY ${new URL(proxy.url).host}; DIRECT`;
      },
    });
    expect((await core.balance()).balanceUsd).toBe(7.5);
    expect(asked[0]).toMatch(/^https:\/\/api\.test\//);
    expect(proxy.log.connects[0]).toBe('CONNECT api.test:443 HTTP/1.1');
  });
});

describe('HTTP_PROXY for an http API: still a tunnel, never a request addressed to the proxy', () => {
  it('the API and the download host are both tunnelled', async () => {
    const core = await coreWith({ proxyEnv: { HTTP_PROXY: proxy.url } }, 'http://sim.test');
    expect((await core.checkKey('aggregator', KEY)).verdict).toBe('works');
    expect(proxy.log.connects).toContain('CONNECT sim.test:80 HTTP/1.1');
    // http is plaintext inside the tunnel (documented): the proxy could read it, but was never sent
    // a request of its own carrying the key.
    expect(proxy.log.plainRequests).toEqual([]);

    const resolver = createProxyResolver({ env: { HTTP_PROXY: proxy.url } });
    const connectionFor = async (u: URL) => {
      const p = await resolver(u);
      return p === undefined ? undefined : tunnelTo(p, u);
    };
    const res = await fetch(`${sim.baseUrl}/fal-ai/veo3/image-to-video`, {
      method: 'POST',
      headers: { authorization: 'Bearer x', 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'p', image_url: 'https://example.com/a.png' }),
    });
    const { request_id } = (await res.json()) as { request_id: string };
    await new Promise<void>((resolve) => {
      const off = sim.on('completed', (j) => {
        if (j.requestId === request_id) {
          off();
          resolve();
        }
      });
    });
    const dest = join(tmp, 'via-proxy.mp4');
    const out = await downloadToFile({ url: `http://cdn.test/files/${request_id}/veo3_${request_id.slice(0, 8)}.mp4`, destPath: dest, connectionFor });
    expect(out.bytes).toBeGreaterThan(1000);
    expect(proxy.log.connects).toContain('CONNECT cdn.test:80 HTTP/1.1');
  });
});
