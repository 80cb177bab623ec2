import { describe, expect, it } from 'vitest';
import { createProxyResolver, envProxyFor, noProxyMatches, parsePacResult, parseProxyUrl } from '../../../electron/core/api/proxy-config';

const u = (s: string) => new URL(s);

describe('proxy choice', () => {
  it('reads HTTPS_PROXY for https and HTTP_PROXY for http, lower case winning', () => {
    expect(envProxyFor(u('https://api.chainhub.tech/x'), { HTTPS_PROXY: 'http://p:3128' })?.href).toBe('http://p:3128/');
    expect(envProxyFor(u('https://api.chainhub.tech/x'), { HTTP_PROXY: 'http://p:3128' })).toBeUndefined();
    expect(envProxyFor(u('http://a.example/'), { http_proxy: 'p2:8080', HTTP_PROXY: 'http://p:1' })?.host).toBe('p2:8080');
  });

  it('NO_PROXY: exact hosts, domain suffixes, ports and *', () => {
    const t = u('https://api.chainhub.tech/');
    expect(noProxyMatches(t, 'chainhub.tech')).toBe(true);
    expect(noProxyMatches(t, '.chainhub.tech')).toBe(true);
    expect(noProxyMatches(t, 'hub.tech')).toBe(false);
    expect(noProxyMatches(t, 'api.chainhub.tech:8443')).toBe(false);
    expect(noProxyMatches(t, 'api.chainhub.tech:443')).toBe(true);
    expect(noProxyMatches(t, 'other.example, *')).toBe(true);
  });

  it('PAC answers: the first PROXY entry, DIRECT means none, SOCKS is skipped', () => {
    expect(parsePacResult('PROXY proxy.corp:8080; DIRECT')?.host).toBe('proxy.corp:8080');
    expect(parsePacResult('DIRECT')).toBeUndefined();
    expect(parsePacResult('SOCKS5 s:1080; PROXY h:3128')?.host).toBe('h:3128');
    expect(() => parseProxyUrl('https://p:443')).toThrow(/Only http:\/\//);
  });

  it('never proxies loopback; the setting beats the system and the environment', async () => {
    const resolve = createProxyResolver({ setting: () => undefined, system: async () => 'PROXY sys:1', env: { HTTPS_PROXY: 'http://env:2' } });
    expect(await resolve(u('http://127.0.0.1:8787/'))).toBeUndefined();
    expect((await resolve(u('https://api.chainhub.tech/')))?.host).toBe('sys:1');
    const manual = createProxyResolver({ setting: () => 'http://mine:3', system: async () => 'PROXY sys:1' });
    expect((await manual(u('https://api.chainhub.tech/')))?.host).toBe('mine:3');
    const direct = createProxyResolver({ setting: () => 'direct', env: { HTTPS_PROXY: 'http://env:2' } });
    expect(await direct(u('https://api.chainhub.tech/'))).toBeUndefined();
  });
});
