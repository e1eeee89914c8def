// Classified notes, kept apart from everything that may become public, under the banner of the highest
// classification among them.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CLASSIFICATIONS, classificationRank, type Classification } from '../../../shared/domain/enums';
import { ClassificationBanner } from '../../components/ClassificationBanner';
import { SelectField } from '../../components/form/SelectField';
import { TextField } from '../../components/form/TextField';
import type { ThreatFormApi } from './form-api';
import { controlId } from './form-model';

export function ClassifiedNotes({ form }: { form: ThreatFormApi }) {
  const { t } = useTranslation(['threat', 'enums']);
  const { values, set, error } = form;
  const notes = values.notes;
  const top = useMemo<Classification | null>(
    () =>
      notes.reduce<Classification | null>(
        (best, n) =>
          n.text.trim() && (!best || classificationRank(n.classification) > classificationRank(best))
            ? n.classification
            : best,
        null,
      ),
    [notes],
  );
  const update = (i: number, patch: Partial<(typeof notes)[number]>) =>
    set(
      'notes',
      notes.map((n, j) => (j === i ? { ...n, ...patch } : n)),
    );
  return (
    <section
      className={`form-section form-section--classified${top ? ' form-section--has-classified' : ''}`}
      aria-labelledby="classified-heading"
    >
      {top ? <ClassificationBanner level={top} /> : null}
      <h2 id="classified-heading">{t('fields.classifiedNotes')}</h2>
      <p className="form-section__hint">{t('hints.classified')}</p>
      {notes.map((note, i) => (
        <div key={i} className="classified-note-editor">
          <SelectField
            label={t('fields.classification')}
            value={note.classification}
            onChange={(v) => update(i, { classification: v as Classification })}
            options={CLASSIFICATIONS.map((c) => ({ value: c, label: t(`enums:classification.${c}`) }))}
          />
          <TextField
            id={i === 0 ? controlId('notes') : undefined}
            label={t('fields.noteText', { n: i + 1 })}
            rows={3}
            value={note.text}
            onChange={(v) => update(i, { text: v })}
            error={i === 0 ? error('notes') : undefined}
          />
          <button
            type="button"
            className="button button--small button--danger"
            onClick={() =>
              set(
                'notes',
                notes.filter((_, j) => j !== i),
              )
            }
          >
            {t('form.removeNote', { n: i + 1 })}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button"
        onClick={() => set('notes', [...notes, { classification: 'SECRET', text: '' }])}
      >
        {t('form.addNote')}
      </button>
      {top ? <ClassificationBanner level={top} position="bottom" /> : null}
    </section>
  );
}
