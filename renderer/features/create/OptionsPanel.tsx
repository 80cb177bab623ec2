// The inspector beside the canvas: aspect ratio, duration, resolution, audio, advanced options, and
// the Generate button with its cost.
import { useState } from 'react';
import { DURATIONS } from '../../../shared/domain';
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

export function OptionsPanel() {
  const { create } = useStores();
  const set = create.getState().setField;
  const aspectRatio = useCreate((s) => s.aspectRatio);
  const duration = useCreate((s) => s.duration);
  const resolution = useCreate((s) => s.resolution);
  const generateAudio = useCreate((s) => s.generateAudio);

  return (
    <aside className="inspector" aria-label="Video options">
      <div className="inspector-scroll">
        <Segmented label="Aspect ratio" value={aspectRatio} options={ASPECTS} onChange={(v) => set('aspectRatio', v)} />
        <Segmented
          label="Duration"
          value={duration}
          options={DURATIONS.map((d) => ({ value: d, label: d }))}
          onChange={(v) => set('duration', v)}
        />
        <Segmented
          label="Resolution"
          value={resolution}
          options={[
            { value: '720p', label: '720p' },
            { value: '1080p', label: '1080p' },
          ]}
          onChange={(v) => set('resolution', v)}
        />
        <Switch
          label="Generate audio"
          description="Dialogue, effects and ambience. Costs twice as much per second."
          checked={generateAudio}
          onChange={(on) => set('generateAudio', on)}
        />
        <AdvancedOptions />
      </div>
      <div className="inspector-footer">
        <GenerateButton />
      </div>
    </aside>
  );
}

function AdvancedOptions() {
  const { create } = useStores();
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
        </div>
      )}
    </div>
  );
}
