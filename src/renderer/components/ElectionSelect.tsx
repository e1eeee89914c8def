// A choice of election, by name (optionally "All elections" first).
import { useTranslation } from 'react-i18next';
import { useStore } from '../store';
import { electionText } from './election-text';

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
  const { i18n } = useTranslation();
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      {all !== undefined ? <option value="">{all}</option> : null}
      {elections.map((e) => {
        const name = electionText(e, 'name', i18n.language);
        return (
          <option key={e.id} value={e.id} lang={name.lang}>
            {name.text}
          </option>
        );
      })}
    </select>
  );
}
