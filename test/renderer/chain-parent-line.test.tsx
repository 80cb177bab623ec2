// The detail's "where this job came from" line says "Final of the … draft" only for a real final —
// the job "Make final" started: on the draft model's full model and from the same picture. A
// continuation of a Fast draft that happens to run on the full model starts from a frame of the
// draft's video, and is a continuation (shared/finals.ts holds the one rule).
import { renderToStaticMarkup } from 'react-dom/server';
import { IntlProvider } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../shared/i18n/messages';
import type { JobRecord } from '../../shared/domain';
import { ParentLine } from '../../renderer/features/frames/ChainPanel';
import { makeJobRecord } from '../support/records';

const line = (record: JobRecord, parent: JobRecord | undefined): string =>
  renderToStaticMarkup(
    <IntlProvider locale="en" messages={CATALOGS.en}>
      <ParentLine record={record} parent={parent} onOpen={() => undefined} />
    </IntlProvider>,
  );

describe("the detail's parent line", () => {
  const draft = makeJobRecord({ state: 'completed', params: { model: 'fal-ai/veo3/fast/image-to-video', prompt: 'a fox in the snow' } });

  it('a final: the full model, from the same picture', () => {
    const final = makeJobRecord({ parentId: draft.id, input: draft.input, params: { model: 'fal-ai/veo3/image-to-video', prompt: 'a fox in the snow' } });
    expect(line(final, draft)).toContain('Final of the Veo 3 Fast draft');
  });

  it('a continuation on the full model starts from a frame: not a final', () => {
    const frame = { ...draft.input, sha256: 'f'.repeat(64) } as JobRecord['input'];
    const continuation = makeJobRecord({ parentId: draft.id, input: frame, params: { model: 'fal-ai/veo3/image-to-video', prompt: 'the fox runs on' } });
    const text = line(continuation, draft);
    expect(text).toContain('Continued from');
    expect(text).not.toContain('Final of');
  });

  it('a parent no longer in the library', () => {
    expect(line(makeJobRecord({ parentId: 'gone' }), undefined)).toContain('a job no longer in the library');
  });
});
