// Issue 15: the CLI stays English for people, and its --json stays language-neutral — a script gets
// the sentence's code and parameters, its English text, and the provider's own words apart.
import { describe, expect, it } from 'vitest';
import { jobToJson } from '../../../electron/cli/output';
import { say } from '../../../shared/i18n/messages';
import { makeJobRecord } from '../../support/records';

describe('cli --json errors', () => {
  it('carry code, params, English message and the provider words', () => {
    const coded = say('common.jobs', { count: 2 });
    const rec = makeJobRecord({ state: 'failed', error: { kind: 'content_policy', ...coded, providerWords: 'Prompt flagged.' } });
    expect(jobToJson(rec, (p) => p).error).toEqual({ kind: 'content_policy', code: 'common.jobs', params: { count: 2 }, message: '2 jobs', providerWords: 'Prompt flagged.' });
  });

  it('leave the fields out for a record written before errors had codes', () => {
    const rec = makeJobRecord({ state: 'failed', error: { kind: 'unknown', message: 'Old words.' } });
    expect(jobToJson(rec, (p) => p).error).toEqual({ kind: 'unknown', message: 'Old words.' });
  });
});
