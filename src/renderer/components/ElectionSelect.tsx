// A choice of election, by name (optionally "All elections" first).
import { useStore } from '../store';

export function ElectionSelect({
  value,
  onChange,
  all,
  id,
}: {
  value: string;
  onChange(id: string): void;
  /** Label of an empty first choice meaning every election. */
  all?: string;
  id?: string;
}) {
  const elections = useStore((s) => s.elections);
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      {all !== undefined ? <option value="">{all}</option> : null}
      {elections.map((e) => (
        <option key={e.id} value={e.id}>
          {e.name}
        </option>
      ))}
    </select>
  );
}
