// The two jobs' settings side by side; rows that differ are marked (colour and the word "differs",
// so the difference does not rest on colour alone).
import type { JobRecord } from '../../../shared/domain';
import { MODELS } from '../../../shared/models';
import { PROVIDER_INFO } from '../../../shared/providers';

interface Row {
  label: string;
  value: (r: JobRecord) => string;
}

const ROWS: Row[] = [
  { label: 'Model', value: (r) => MODELS[r.params.model].label },
  { label: 'Aspect ratio', value: (r) => (r.params.aspectRatio === 'auto' ? 'Auto' : r.params.aspectRatio) },
  { label: 'Duration', value: (r) => r.params.duration },
  { label: 'Resolution', value: (r) => r.params.resolution },
  { label: 'Audio', value: (r) => (r.params.generateAudio ? 'On' : 'Off') },
  { label: 'Seed', value: (r) => (r.params.seed === undefined ? 'Random' : String(r.params.seed)) },
  { label: 'Negative prompt', value: (r) => r.params.negativePrompt || '—' },
  { label: 'Provider', value: (r) => PROVIDER_INFO[r.provider].label },
];

export function settingsDiffRows(a: JobRecord, b: JobRecord): Array<{ label: string; a: string; b: string; differs: boolean }> {
  return ROWS.map((row) => {
    const left = row.value(a);
    const right = row.value(b);
    return { label: row.label, a: left, b: right, differs: left !== right };
  });
}

export function SettingsDiff({ a, b }: { a: JobRecord; b: JobRecord }) {
  const rows = settingsDiffRows(a, b);
  const differing = rows.filter((r) => r.differs).length;
  return (
    <table className="settings-diff" aria-label="Settings diff">
      <caption>
        {differing === 0 ? 'Same settings' : `${differing} ${differing === 1 ? 'setting differs' : 'settings differ'}`}
      </caption>
      <thead>
        <tr>
          <th scope="col">Setting</th>
          <th scope="col">A</th>
          <th scope="col">B</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label} className={row.differs ? 'is-different' : undefined}>
            <th scope="row">
              {row.label}
              {row.differs && <span className="diff-flag"> (differs)</span>}
            </th>
            <td>{row.a}</td>
            <td>{row.b}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
