// Failures below HTTP in words a person can act on: what the socket code means for this host, and
// which proxy refusals no retry can fix. The codes themselves stay on the error, for "Show details".

/** A proxy address we cannot use, or a proxy that refused by policy or for credentials (4xx): the same every time. */
export function proxyRefusalIsFinal(code: string, statusCode: number | undefined): boolean {
  if (code === 'ERR_PROXY_INVALID' || code === 'ERR_PROXY_UNSUPPORTED') return true;
  return code === 'ERR_PROXY_REFUSED' && statusCode !== undefined && statusCode >= 400 && statusCode < 500;
}

/** The socket-level codes in words; the code itself stays in the error (and "Show details"), never in the sentence. */
export function networkReason(code: string | undefined, host: string): string {
  switch (code) {
    case 'ENOTFOUND':
      return `the name ${host} could not be resolved (DNS)`;
    case 'EAI_AGAIN':
      return `the name ${host} could not be resolved just now (DNS did not answer)`;
    case 'ECONNREFUSED':
      return `${host} refused the connection`;
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return `${host} cannot be reached from this network`;
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `the connection to ${host} timed out`;
    default:
      return `the connection to ${host} broke`;
  }
}

export const durationText = (ms: number): string => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);

export const hostOf = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return 'the server';
  }
};
