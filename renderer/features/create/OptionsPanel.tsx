// The inspector beside the canvas: model, aspect ratio, duration, resolution, audio, advanced options,
// and the Generate button with its cost. What each model offers comes from the registry
// (shared/models.ts): an option a model does not take is not shown for it.
import { useState } from 'react';
import { MODEL_LIST, MODELS, type ModelId } from '../../../shared/models';
import type { MessageId } from '../../../shared/i18n/messages';
import { useT } from '../../i18n/useT';
import { rateWords } from './cost-words';
import { switchModel } from '../../stores/create-form';
import { AutoAspectIcon, ChevronRightIcon, LandscapeIcon, PortraitIcon } from '../../components/icons';
import { Segmented } from '../../components/Segmented';
import { Switch } from '../../components/Switch';
import { useCreate, useStores } from '../../stores/hooks';
import { GenerateButton } from './GenerateButton';
import { Field } from '../../components/Field';

const ASPECTS = [
  { value: 'auto', label: 'create.options.aspectAuto', icon: <AutoAspectIcon size={14} aria-hidden="true" />, hint: 'create.options.aspectAutoHint' },
  { value: '16:9', label: undefined, icon: <LandscapeIcon size={14} aria-hidden="true" />, hint: 'create.options.aspectLandscape' },
  { value: '9:16', label: undefined, icon: <PortraitIcon size={14} aria-hidden="true" />, hint: 'create.options.aspectPortrait' },
] as const satisfies readonly { value: string; label: MessageId | undefined; hint: MessageId; icon: unknown }[];

const TAKES = [1, 2, 4] as const;

export function OptionsPanel() {
  const { create } = useStores();
  const set = create.getState().setField;
  const model = useCreate((s) => s.model);
  const takes = useCreate((s) => s.takes);
  const aspectRatio = useCreate((s) => s.aspectRatio);
  const duration = useCreate((s) => s.duration);
  const resolution = useCreate((s) => s.resolution);
  const generateAudio = useCreate((s) => s.generateAudio);
  const offers = MODELS[model].options;
  const t = useT();
  const pickModel = (id: ModelId) => {
    const next = switchModel(create.getState(), id);
    set('model', next.model);
    set('resolution', next.resolution);
  };

  return (
    <aside className="inspector" aria-label={t('create.options.label')}>
      <div className="inspector-scroll">
        <Field id="model" label={t('create.options.model')}>
          <select id="model" className="select" value={model} onChange={(e) => pickModel(e.target.value as ModelId)}>
            {MODEL_LIST.map((m) => (
              <option key={m.id} value={m.id}>
                {t('create.options.modelOption', { label: m.label, rate: rateWords(t, { model: m.id, resolution: '720p', generateAudio: true }, 'fal') })}
              </option>
            ))}
          </select>
        </Field>
        <Segmented
          label={t('create.options.takes')}
          value={String(takes)}
          options={TAKES.map((n) => ({ value: String(n), label: t('create.options.takesLabel', { count: n }), hint: t('create.options.takesHint', { count: n, seeded: offers.seed ? 'yes' : 'no' }) }))}
          onChange={(v) => set('takes', Number(v) as (typeof TAKES)[number])}
        />
        <Segmented
          label={t('create.options.aspectRatio')}
          value={aspectRatio}
          options={ASPECTS.filter((a) => offers.aspectRatios.includes(a.value)).map((a) => ({ ...a, label: a.label ? t(a.label) : a.value, hint: t(a.hint) }))}
          onChange={(v) => set('aspectRatio', v)}
        />
        <Segmented
          label={t('create.options.duration')}
          value={duration}
          options={offers.durations.map((d) => ({ value: d, label: d }))}
          onChange={(v) => set('duration', v)}
        />
        <Segmented
          label={t('create.options.resolution')}
          value={resolution}
          options={offers.resolutions.map((r) => ({ value: r, label: r === '4k' ? '4K' : r }))}
          onChange={(v) => set('resolution', v)}
        />
        <Switch
          label={t('create.options.audio')}
          description={t('create.options.audioHint')}
          checked={generateAudio}
          onChange={(on) => set('generateAudio', on)}
        />
        {(offers.negativePrompt || offers.seed) && <AdvancedOptions />}
      </div>
      <div className="inspector-footer">
        <GenerateButton />
      </div>
    </aside>
  );
}

function AdvancedOptions() {
  const { create } = useStores();
  const offers = MODELS[useCreate((s) => s.model)].options;
  const [open, setOpen] = useState(false);
  const t = useT();
  const negativePrompt = useCreate((s) => s.negativePrompt);
  const seed = useCreate((s) => s.seed);
  const seedInvalid = seed.trim() !== '' && !/^\d+$/.test(seed.trim());
  return (
    <div className="advanced">
      <button type="button" className="disclosure" aria-expanded={open} aria-controls="advanced-options" onClick={() => setOpen(!open)}>
        <ChevronRightIcon size={14} className={`disclosure-chevron ${open ? 'open' : ''}`} aria-hidden="true" />
        {t('create.options.advanced')}
      </button>
      {open && (
        <div id="advanced-options" className="advanced-body">
          {offers.negativePrompt && (
          <Field id="negative-prompt" label={t('create.options.negativePrompt')}>
            <textarea
              id="negative-prompt"
              className="input textarea"
              rows={3}
              placeholder={t('create.options.negativePlaceholder')}
              value={negativePrompt}
              onChange={(e) => create.getState().setField('negativePrompt', e.target.value)}
            />
          </Field>
          )}
          {offers.seed && (
          <Field
            id="seed"
            label={t('create.options.seed')}
            hint={seedInvalid ? t('create.options.seedInvalid') : t('create.options.seedHint')}
            hintIsError={seedInvalid}
          >
            <input
              id="seed"
              className="input"
              inputMode="numeric"
              placeholder={t('create.options.seedPlaceholder')}
              value={seed}
              aria-invalid={seedInvalid || undefined}
              aria-describedby="seed-hint"
              onChange={(e) => create.getState().setField('seed', e.target.value)}
            />
          </Field>
          )}
        </div>
      )}
    </div>
  );
}
