// What to notify the organisation about: rules on purpose, type, target, reach, regions and channels, each
// summed up in a sentence.
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { BREAKOUT_CATEGORIES, PURPOSES, TARGET_KINDS, THREAT_TYPES } from '../../../shared/domain/enums';
import { FilterMenu } from '../../components/FilterMenu';
import { PickList } from '../../components/form/PickList';
import { SelectField } from '../../components/form/SelectField';
import { TextField } from '../../components/form/TextField';
import { channelLabel, channelOptions } from '../../labels/places';
import type { PartnerFormApi } from './partner-form-api';
import { emptyRule, fieldId, type RuleValues } from './partner-model';

function ruleSummary(rule: RuleValues, t: TFunction): string {
  const parts = [
    rule.purposes.map((v) => t(`enums:purpose.${v}`)).join(t('rule.or')),
    rule.types.map((v) => t(`enums:type.${v}`)).join(t('rule.or')),
    rule.targetKinds.map((v) => t(`enums:targetKind.${v}`)).join(t('rule.or')),
    rule.minBreakout ? t('rule.breakoutAtLeast', { n: rule.minBreakout }) : '',
    rule.regions.trim() ? t('common:labelled', { label: t('rule.regions'), value: rule.regions.trim() }) : '',
    rule.channels.length
      ? t('common:labelled', {
          label: t('rule.channels'),
          value: rule.channels.map((c) => channelLabel(c, t)).join(', '),
        })
      : '',
  ].filter(Boolean);
  return parts.length ? t('rule.summary', { criteria: parts.join(t('rule.and')) }) : t('rule.summaryAll');
}

export function NotifyRules({ form }: { form: PartnerFormApi }) {
  const { t } = useTranslation(['partners', 'enums', 'common']);
  const { values, set, error } = form;
  return (
    <fieldset className="form-section">
      <legend>{t('editor.notify')}</legend>
      <p className="form-section__hint">{t('hint.notify')}</p>
      {values.notify.map((rule, i) => {
        const update = (patch: Partial<RuleValues>) =>
          set(
            'notify',
            values.notify.map((r, j) => (j === i ? { ...r, ...patch } : r)),
          );
        return (
          <fieldset key={i} className="partner-rule">
            <legend>{t('rule.legend', { n: i + 1 })}</legend>
            <div className="partner-rule__menus">
              <FilterMenu
                label={t('rule.purposes')}
                options={PURPOSES.map((v) => ({ value: v, label: t(`enums:purpose.${v}`) }))}
                selected={rule.purposes}
                onChange={(v) => update({ purposes: v })}
              />
              <FilterMenu
                label={t('rule.types')}
                options={THREAT_TYPES.map((v) => ({ value: v, label: t(`enums:type.${v}`) }))}
                selected={rule.types}
                onChange={(v) => update({ types: v })}
              />
              <FilterMenu
                label={t('rule.targetKinds')}
                options={TARGET_KINDS.map((v) => ({ value: v, label: t(`enums:targetKind.${v}`) }))}
                selected={rule.targetKinds}
                onChange={(v) => update({ targetKinds: v })}
              />
            </div>
            <p className="partner-rule__summary">{ruleSummary(rule, t)}</p>
            <div className="form-section__body">
              <SelectField
                id={fieldId(['notify', i, 'minBreakout'])}
                label={t('rule.minBreakout')}
                placeholder={t('rule.anyBreakout')}
                value={rule.minBreakout}
                onChange={(v) => update({ minBreakout: v })}
                options={BREAKOUT_CATEGORIES.map((b) => ({
                  value: String(b),
                  label: t('rule.breakoutAtLeast', { n: b }),
                }))}
                error={error(fieldId(['notify', i, 'minBreakout']))}
              />
              <TextField
                id={fieldId(['notify', i, 'regions'])}
                label={t('rule.regions')}
                hint={t('hint.list')}
                value={rule.regions}
                onChange={(v) => update({ regions: v })}
                error={error(fieldId(['notify', i, 'regions']))}
              />
              <PickList
                id={fieldId(['notify', i, 'channels'])}
                legend={t('rule.channels')}
                options={channelOptions(t)}
                value={rule.channels}
                onChange={(v) => update({ channels: v })}
                otherLabel={t('rule.otherChannels')}
                error={error(fieldId(['notify', i, 'channels']))}
              />
              <TextField
                id={fieldId(['notify', i, 'note'])}
                label={t('rule.note')}
                rows={3}
                value={rule.note}
                onChange={(v) => update({ note: v })}
                error={error(fieldId(['notify', i, 'note']))}
              />
            </div>
            <button
              type="button"
              className="button button--small button--danger"
              onClick={() =>
                set(
                  'notify',
                  values.notify.filter((_, j) => j !== i),
                )
              }
            >
              {t('rule.remove', { n: i + 1 })}
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="button" onClick={() => set('notify', [...values.notify, emptyRule()])}>
        {t('rule.add')}
      </button>
    </fieldset>
  );
}
