// The per-card checkbox of "Select" mode (portable-library export). A real checkbox, so it is
// announced as "checked"/"not checked" and toggles with Space when it has focus itself.
import { excerpt } from '../../components/format';
import { useStores } from '../../stores/hooks';
import { usePortable } from './usePortable';

export function CardCheck({ id, prompt }: { id: string; prompt: string }) {
  const { portable } = useStores();
  const selecting = usePortable((s) => s.selecting);
  const checked = usePortable((s) => s.checked.includes(id));
  if (!selecting) return null;
  return (
    <input
      type="checkbox"
      className="lib-card-check"
      aria-label={`Select for export: ${excerpt(prompt, 60)}`}
      checked={checked}
      onChange={() => portable.getState().toggle(id)}
    />
  );
}
