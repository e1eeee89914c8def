// The five questions: purpose, type (each type with a short description), target, time and place, with the
// channels and languages picked from labelled lists.
import { useTranslation } from 'react-i18next';
import { firstSeenInFuture } from '../../../shared/domain/threat-time';
import { PLACE_LEVELS, PURPOSES, TARGET_KINDS, THREAT_TYPES } from '../../../shared/domain/enums';
import { ChoiceGroup } from '../../components/form/ChoiceGroup';
import { PickList } from '../../components/form/PickList';
import { SelectField } from '../../components/form/SelectField';
import { TextField } from '../../components/form/TextField';
import { channelOptions, languageOptions } from '../../labels/places';
import type { ThreatFormApi } from './form-api';
import { FormSection } from './FormSection';
import { controlId } from './form-model';

export function FiveQuestions({ form }: { form: ThreatFormApi }) {
  const { t } = useTranslation(['threat', 'enums']);
  const { values, set, error } = form;
  const options = (ns: string, list: readonly string[]) =>
    list.map((v) => ({ value: v, label: t(`enums:${ns}.${v}`) }));
  return (
    <FormSection title={t('sections.fiveQuestions')} hint={t('hints.fiveQuestions')}>
      <SelectField
        id={controlId('purpose')}
        label={t('q.purposeQuestion')}
        required
        placeholder={t('form.choose')}
        value={values.purpose}
        onChange={(v) => set('purpose', v as typeof values.purpose)}
        options={options('purpose', PURPOSES)}
        error={error('purpose')}
      />
      <ChoiceGroup
        id={controlId('type')}
        legend={t('q.typeQuestion')}
        required
        stacked
        value={values.type}
        onChange={(v) => set('type', v)}
        choices={THREAT_TYPES.map((v) => ({
          value: v,
          label: t(`enums:type.${v}`),
          description: t(`describe.type.${v}`),
        }))}
        error={error('type')}
      />
      <SelectField
        id={controlId('targetKind')}
        label={t('q.targetQuestion')}
        required
        placeholder={t('form.choose')}
        value={values.targetKind}
        onChange={(v) => set('targetKind', v as typeof values.targetKind)}
        options={options('targetKind', TARGET_KINDS)}
        error={error('targetKind')}
      />
      <TextField
        id={controlId('targetDescription')}
        label={t('fields.targetDescription')}
        hint={t('hints.targetDescription')}
        value={values.targetDescription}
        onChange={(v) => set('targetDescription', v)}
        error={error('targetDescription')}
      />
      <TextField
        id={controlId('firstSeen')}
        label={t('q.timeQuestion')}
        required
        hint={firstSeenInFuture(values.firstSeen, new Date()) ? t('hints.firstSeenFuture') : undefined}
        type="datetime-local"
        value={values.firstSeen}
        onChange={(v) => set('firstSeen', v)}
        error={error('firstSeen')}
      />
      <TextField
        id={controlId('lastSeen')}
        label={t('fields.lastSeen')}
        type="datetime-local"
        value={values.lastSeen}
        onChange={(v) => set('lastSeen', v)}
        error={error('lastSeen')}
      />
      <SelectField
        id={controlId('placeLevel')}
        label={t('q.placeQuestion')}
        required
        placeholder={t('form.choose')}
        value={values.placeLevel}
        onChange={(v) => set('placeLevel', v as typeof values.placeLevel)}
        options={options('placeLevel', PLACE_LEVELS)}
        error={error('placeLevel')}
      />
      <TextField
        id={controlId('regions')}
        label={t('fields.regions')}
        hint={t('hints.commaList')}
        value={values.regions}
        onChange={(v) => set('regions', v)}
        error={error('regions')}
      />
      <PickList
        id={controlId('channels')}
        legend={t('fields.channels')}
        options={channelOptions(t)}
        value={values.channels}
        onChange={(v) => set('channels', v)}
        otherLabel={t('fields.otherChannels')}
        error={error('channels')}
      />
      <PickList
        id={controlId('languages')}
        legend={t('fields.languages')}
        options={languageOptions()}
        value={values.languages}
        onChange={(v) => set('languages', v)}
        otherLabel={t('fields.otherLanguages')}
        hint={t('hints.languages')}
        error={error('languages')}
      />
    </FormSection>
  );
}
