// "What happened": the unclassified title and summary, and the election the threat belongs to.
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/form/SelectField';
import { TextField } from '../../components/form/TextField';
import { useStore } from '../../store';
import type { ThreatFormApi } from './form-api';
import { FormSection } from './FormSection';
import { controlId } from './form-model';

export function WhatHappened({
  form,
  titleRef,
}: {
  form: ThreatFormApi;
  titleRef: Ref<HTMLInputElement & HTMLTextAreaElement>;
}) {
  const { t } = useTranslation('threat');
  const elections = useStore((s) => s.elections);
  const { values, set, error } = form;
  return (
    <FormSection title={t('sections.what')}>
      <TextField
        id={controlId('title')}
        label={t('fields.title')}
        required
        value={values.title}
        onChange={(v) => set('title', v)}
        error={error('title')}
        inputRef={titleRef}
      />
      <TextField
        id={controlId('summary')}
        label={t('fields.summary')}
        required
        rows={3}
        hint={t('hints.summary')}
        value={values.summary}
        onChange={(v) => set('summary', v)}
        error={error('summary')}
      />
      <SelectField
        id={controlId('electionId')}
        label={t('fields.election')}
        required
        value={values.electionId}
        onChange={(v) => set('electionId', v)}
        options={elections.map((e) => ({ value: e.id, label: e.name }))}
        error={error('electionId')}
      />
    </FormSection>
  );
}
