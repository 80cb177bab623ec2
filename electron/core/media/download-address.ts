// Where a video may be downloaded from. The video URL comes from the provider's answer, so a hostile
// or confused provider could point the downloader at this machine or its network (127.0.0.1, a
// router's admin page, cloud metadata at 169.254.169.254). Loopback, private, link-local and other
// non-public addresses are refused — after resolving the name, and on the very addresses the socket
// then connects to (the check runs inside the connection's DNS lookup, so a name that resolves to
// a public address for the check and a private one for the connection cannot slip through).
// The exception is a host the caller names: the one the user configured for the job's provider
// (the simulator, or a local gateway whose CDN lives next to it).
import dns from 'node:dns';
import net from 'node:net';
import { DownloadError } from './download-error';
import { say } from '../../../shared/i18n/messages';

const NON_PUBLIC = new net.BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3], // multicast and reserved, up to 255.255.255.255
] as const) {
  NON_PUBLIC.addSubnet(prefix, bits, 'ipv4');
}
for (const [prefix, bits] of [
  ['::', 127], // :: and ::1
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  NON_PUBLIC.addSubnet(prefix, bits, 'ipv6');
}

/** True for loopback, private, link-local, multicast and unspecified addresses (v4, v6, v4-mapped v6). */
export function isNonPublicAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 0) return true; // not an address at all: never trusted
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1] !== undefined) return NON_PUBLIC.check(mapped[1], 'ipv4');
  return NON_PUBLIC.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/** Host names (lower case, IPv6 without brackets) that may be private for this download. */
export type PrivateHostAllowance = readonly string[];

const bare = (hostname: string): string => hostname.replace(/^\[|\]$/g, '').toLowerCase();

function refused(hostname: string, address: string): DownloadError {
  const where = bare(hostname) === address ? address : `${hostname} (${address})`;
  return new DownloadError('refused', say('app.download.privateAddress', { where }));
}

/** Throws for a URL whose host is a literal non-public IP (those never go through a DNS lookup). */
export function assertPublicLiteral(url: URL, allowed: PrivateHostAllowance): void {
  const host = bare(url.hostname);
  if (allowed.includes(host)) return;
  if (net.isIP(host) !== 0 && isNonPublicAddress(host)) throw refused(url.hostname, host);
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/** A `lookup` for http.get that resolves the name and refuses non-public answers. */
export function publicOnlyLookup(allowed: PrivateHostAllowance) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback): void => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      if (!allowed.includes(bare(hostname))) {
        const bad = addresses.find((a) => isNonPublicAddress(a.address));
        if (bad !== undefined) return callback(refused(hostname, bad.address) as NodeJS.ErrnoException, []);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (first === undefined) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}
