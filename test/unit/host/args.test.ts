// Red-team F6 on the browser host: started with --api-base but no --provider, the base followed
// whichever provider the page chose. The host's arguments now tie the base to a provider.
import { describe, expect, it } from 'vitest';
import { parseHostArgs } from '../../../electron/host/args';

describe('host arguments', () => {
  it('refuses --api-base without --provider, saying what to add', () => {
    const out = parseHostArgs(['--api-base', 'http://127.0.0.1:8787']);
    expect(out).toMatchObject({ exitCode: 2 });
    expect('error' in out && out.error).toMatch(/--provider/);
  });

  it('accepts --api-base with --provider, and plain runs', () => {
    expect(parseHostArgs(['--provider', 'simulator', '--api-base', 'http://127.0.0.1:8787'])).toMatchObject({ options: { provider: 'simulator', apiBase: 'http://127.0.0.1:8787', port: 0 } });
    expect(parseHostArgs(['--port', '8080'])).toMatchObject({ options: { port: 8080 } });
    expect(parseHostArgs(['--port', 'x'])).toMatchObject({ exitCode: 2 });
  });
});
