// Red-team F6: `--api-base http://127.0.0.1:8787` (what --help suggested for `npm run sim`) without
// `--provider simulator` sent the aggregator key to whatever listened there. An API base is only
// accepted together with the provider whose key may go to it.
import { describe, expect, it } from 'vitest';
import { parseInvocation } from '../../../electron/cli/args';
import { UsageError } from '../../../electron/cli/errors';
import { USAGE } from '../../../electron/cli/usage';

describe('--api-base', () => {
  it('is refused without --provider, with a usage error that says what to add', () => {
    const attempt = () => parseInvocation(['list', '--api-base', 'http://127.0.0.1:8787']);
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow(/--provider/);
  });

  it('is accepted with an explicit --provider', () => {
    expect(parseInvocation(['list', '--provider', 'simulator', '--api-base', 'http://127.0.0.1:8787'])).toMatchObject({ provider: 'simulator' });
  });

  it('--help shows it with its provider', () => {
    expect(USAGE).toMatch(/--provider simulator --api-base http:\/\/127\.0\.0\.1:8787/);
  });
});
