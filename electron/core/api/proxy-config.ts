// Which proxy (if any) a request should go through. Sources, strongest first:
//  1. the Settings field (`proxy`): "direct" = never, or an http://host:port URL = always;
//  2. the desktop app's system proxy (Electron's session.resolveProxy, injected from electron/main,
//     answering PAC-style "PROXY host:port; DIRECT");
//  3. HTTPS_PROXY / HTTP_PROXY / NO_PROXY (and their lower-case forms), as curl reads them.
// Loopback is never proxied (the simulator, the browser host): a proxy cannot reach our 127.0.0.1.
// Pure functions plus one resolver type: no sockets here (proxy-tunnel.ts does the CONNECT).

/** Returns the proxy URL for this target, or undefined to connect directly. */
export type ProxyResolver = (target: URL) => Promise<URL | undefined>;

/** What electron/main injects: Electron's `session.resolveProxy(url)`, a PAC-style answer. */
export type SystemProxyLookup = (url: string) => Promise<string>;

export type ProxyEnv = Record<string, string | undefined>;

export interface ProxySources {
  /** settings.proxy: undefined/'' = automatic (system, then environment), 'direct', or a proxy URL. */
  setting?: () => string | undefined;
  system?: SystemProxyLookup;
  env?: ProxyEnv;
}

export function createProxyResolver(sources: ProxySources): ProxyResolver {
  return async (target) => {
    if (isLoopback(target.hostname)) return undefined;
    const setting = sources.setting?.()?.trim();
    if (setting === 'direct') return undefined;
    if (setting) return parseProxyUrl(setting);
    if (sources.system) {
      const fromSystem = parsePacResult(await sources.system(target.href).catch(() => 'DIRECT'));
      if (fromSystem !== undefined) return fromSystem;
    }
    return envProxyFor(target, sources.env ?? process.env);
  };
}

/** curl's rules: HTTPS_PROXY for https, HTTP_PROXY for http, NO_PROXY exempts hosts (and `*` all). */
export function envProxyFor(target: URL, env: ProxyEnv): URL | undefined {
  const pick = (name: string): string | undefined => env[name.toLowerCase()] ?? env[name.toUpperCase()];
  const raw = target.protocol === 'https:' ? pick('https_proxy') : pick('http_proxy');
  if (raw === undefined || raw.trim() === '') return undefined;
  if (noProxyMatches(target, pick('no_proxy') ?? '')) return undefined;
  return parseProxyUrl(raw.trim());
}

/** NO_PROXY: comma/space separated hosts, `.suffix` or `suffix` matching subdomains, optional :port, `*`. */
export function noProxyMatches(target: URL, noProxy: string): boolean {
  const host = target.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  return noProxy
    .split(/[\s,]+/)
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== '')
    .some((entry) => {
      if (entry === '*') return true;
      const m = /^(.*?)(?::(\d+))?$/.exec(entry.replace(/^\[|\]$/g, ''));
      const name = (m?.[1] ?? entry).replace(/^\*?\./, '');
      if (m?.[2] !== undefined && m[2] !== port) return false;
      return host === name || host.endsWith(`.${name}`);
    });
}

/** The first usable entry of a PAC answer: "PROXY h:p" → http://h:p; "DIRECT" (or nothing) → undefined. */
export function parsePacResult(pac: string): URL | undefined {
  for (const part of pac.split(';')) {
    const [kind, hostPort] = part.trim().split(/\s+/);
    if (kind?.toUpperCase() === 'DIRECT') return undefined;
    if ((kind?.toUpperCase() === 'PROXY' || kind?.toUpperCase() === 'HTTP') && hostPort) return parseProxyUrl(`http://${hostPort}`);
    // SOCKS and HTTPS-to-the-proxy are not spoken here; try the next entry.
  }
  return undefined;
}

/** "host:port" or "http://[user:pass@]host:port". Only http proxies (CONNECT over plain HTTP). */
export function parseProxyUrl(raw: string): URL {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw Object.assign(new Error(`the proxy address "${raw.slice(0, 100)}" is not a URL (use http://host:port)`), { code: 'ERR_PROXY_INVALID' });
  }
  if (url.protocol !== 'http:') throw Object.assign(new Error(`Only http:// proxies are supported (got ${url.protocol}//${url.host})`), { code: 'ERR_PROXY_UNSUPPORTED' });
  return url;
}

export function isLoopback(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\./.test(h);
}
