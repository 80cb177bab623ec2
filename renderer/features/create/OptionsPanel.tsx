// The inspector beside the canvas: model, aspect ratio, duration, resolution, audio, advanced options,
// and the Generate button with its cost. What each model offers comes from the registry
// (shared/models.ts): an option a model does not take is not shown for it.
import { useState } from 'react';
import { MODEL_LIST, MODELS, type ModelId } from '../../../shared/models';
import { formatRate } from '../../../shared/pricing';
import { switchModel } from '../../stores/create-form';
import { AutoAspectIcon, ChevronRightIcon, LandscapeIcon, PortraitIcon } from '../../components/icons';
import { Segmented } from '../../components/Segmented';
import { Switch } from '../../components/Switch';
import { useCreate, useStores } from '../../stores/hooks';
import { GenerateButton } from './GenerateButton';
import { Field } from '../../components/Field';

const ASPECTS = [
  { value: 'auto', label: 'Auto', icon: <AutoAspectIcon size={14} aria-hidden="true" />, hint: 'Follow the picture' },
  { value: '16:9', label: '16:9', icon: <LandscapeIcon size={14} aria-hidden="true" />, hint: 'Landscape' },
  { value: '9:16', label: '9:16', icon: <PortraitIcon size={14} aria-hidden="true" />, hint: 'Portrait' },
] as const;

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
  const pickModel = (id: ModelId) => {
    const next = switchModel(create.getState(), id);
    set('model', next.model);
    set('resolution', next.resolution);
  };

  return (
    <aside className="inspector" aria-label="Video options">
      <div className="inspector-scroll">
        <Field id="model" label="Model">
          <select id="model" className="select" value={model} onChange={(e) => pickModel(e.target.value as ModelId)}>
            {MODEL_LIST.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label} · {formatRate({ model: m.id, resolution: '720p', generateAudio: true }, 'fal')}
              </option>
            ))}
          </select>
        </Field>
        <Segmented
          label="Takes"
          value={String(takes)}
          options={TAKES.map((n) => ({ value: String(n), label: `×${n}`, hint: n === 1 ? 'One video' : `${n} videos of this shot${offers.seed ? ', each with its own seed' : ''}` }))}
          onChange={(v) => set('takes', Number(v) as (typeof TAKES)[number])}
        />
        <Segmented label="Aspect ratio" value={aspectRatio} options={ASPECTS.filter((a) => offers.aspectRatios.includes(a.value))} onChange={(v) => set('aspectRatio', v)} />
        <Segmented
          label="Duration"
          value={duration}
          options={offers.durations.map((d) => ({ value: d, label: d }))}
          onChange={(v) => set('duration', v)}
        />
        <Segmented
          label="Resolution"
          value={resolution}
          options={offers.resolutions.map((r) => ({ value: r, label: r === '4k' ? '4K' : r }))}
          onChange={(v) => set('resolution', v)}
        />
        <Switch
          label="Generate audio"
          description="Dialogue, effects and ambience. Costs twice as much per second."
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
  const negativePrompt = useCreate((s) => s.negativePrompt);
  const seed = useCreate((s) => s.seed);
  const seedInvalid = seed.trim() !== '' && !/^\d+$/.test(seed.trim());
  return (
    <div className="advanced">
      <button type="button" className="disclosure" aria-expanded={open} aria-controls="advanced-options" onClick={() => setOpen(!open)}>
        <ChevronRightIcon size={14} className={`disclosure-chevron ${open ? 'open' : ''}`} aria-hidden="true" />
        Advanced
      </button>
      {open && (
        <div id="advanced-options" className="advanced-body">
          {offers.negativePrompt && (
          <Field id="negative-prompt" label="Negative prompt">
            <textarea
              id="negative-prompt"
              className="input textarea"
              rows={3}
              placeholder="What to avoid, e.g. text overlays, blur"
              value={negativePrompt}
              onChange={(e) => create.getState().setField('negativePrompt', e.target.value)}
            />
          </Field>
          )}
          {offers.seed && (
          <Field
            id="seed"
            label="Seed"
            hint={seedInvalid ? 'Use a whole number, or leave it blank.' : 'The same seed and settings give similar results.'}
            hintIsError={seedInvalid}
          >
            <input
              id="seed"
              className="input"
              inputMode="numeric"
              placeholder="Random"
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
