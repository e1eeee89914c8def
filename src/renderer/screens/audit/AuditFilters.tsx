// Filters of the audit log: who, what and when.
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/form/SelectField';
import { DateFilter } from '../log/DateFilter';
import { actionName } from './audit-text';

export interface AuditFilter {
  who: string;
  action: string;
  from?: string;
  to?: string;
}

export function AuditFilters({
  filter,
  onChange,
  people,
  actions,
}: {
  filter: AuditFilter;
  onChange(filter: AuditFilter): void;
  people: readonly string[];
  actions: readonly string[];
}) {
  const { t } = useTranslation('audit');
  return (
    <div className="filter-bar audit-filters" role="search" aria-label={t('filters.label')}>
      <div className="filter-bar__row">
        <SelectField
          label={t('filters.who')}
          placeholder={t('filters.anyone')}
          value={filter.who}
          onChange={(who) => onChange({ ...filter, who })}
          options={people.map((p) => ({ value: p, label: p }))}
          testId="audit-who"
        />
        <SelectField
          label={t('filters.action')}
          placeholder={t('filters.anyAction')}
          value={filter.action}
          onChange={(action) => onChange({ ...filter, action })}
          options={actions
            .map((a) => ({ value: a, label: actionName(a, t) }))
            .sort((a, b) => a.label.localeCompare(b.label))}
          testId="audit-action"
        />
        <DateFilter
          label={t('filters.from')}
          value={filter.from}
          onChange={(from) => onChange({ ...filter, from })}
          testId="audit-from"
        />
        <DateFilter
          label={t('filters.to')}
          value={filter.to}
          onChange={(to) => onChange({ ...filter, to })}
          testId="audit-to"
        />
      </div>
    </div>
  );
}
