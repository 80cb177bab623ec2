// Every price the app shows comes from the spend guard's per-provider price, never fal's list price
// on its own: a simulator job is free in the CLI's text and --json and in its sidecar ("free — would
// cost $X" where a sentence has room for it), and a paid job shows what the spend guard would charge.
import { describe, expect, it } from 'vitest';
import { describeJob, jobToJson } from '../../../electron/cli/output';
import { sidecarFor } from '../../../electron/core/library/sidecar';
import { PROVIDERS } from '../../../shared/domain';
import { estimateBatchUsd, formatUsd, isBilledProvider } from '../../../shared/pricing';
import { makeJobRecord } from '../../support/records';

const params = { duration: '8s', generateAudio: true } as const;

describe('prices outside the spend guard', () => {
  it.each(PROVIDERS.map((p) => [p]))('a %s job is priced at its provider in the CLI and the sidecar', (provider) => {
    const rec = makeJobRecord({ provider, params });
    const price = estimateBatchUsd(rec.params, provider);
    const charged = isBilledProvider(provider) ? price : 0;
    expect(jobToJson(rec, (p) => p).estimatedCostUsd).toBe(charged);
    expect(sidecarFor(rec, 'video.mp4').estimatedCostUsd).toBe(charged);
    const text = describeJob(rec, (p) => p);
    expect(text).toContain(isBilledProvider(provider) ? `≈ ${formatUsd(price)}` : `· free — would cost ${formatUsd(price)}`);
  });
});
