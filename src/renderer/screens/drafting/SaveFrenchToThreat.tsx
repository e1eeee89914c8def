// French written in a draft, saved back to the threat's French version so that the next draft starts from
// it: the title, summary, false claim and facts, each prefilled from the threat's French version or, where
// it has none yet, from the draft's French section that carries it; the person checks them, then saves.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draft } from '../../../shared/domain/drafting';
import type { Threat } from '../../../shared/domain/workspace';
import { api, call } from '../../api/bridge';
import { Modal } from '../../components/Modal';
import { SelectField } from '../../components/form/SelectField';
import { TextField } from '../../components/form/TextField';
import { failureOf } from '../../components/form/problems';
import { useStore } from '../../store';
import type { Texts } from './editor-model';
import { ErrorNotice } from '../../components/ErrorNotice';

interface FrenchValues {
  title: string;
  summary: string;
  falseClaim: string;
  facts: string;
}

/** Where each field of the translation most likely stands in a French draft. */
const FROM_SECTION: Record<keyof FrenchValues, string[]> = {
  title: ['headline'],
  summary: ['context'],
  falseClaim: ['falsehood'],
  facts: ['fact'],
};

function prefill(threat: Threat, draft: Draft, texts: Texts): FrenchValues {
  const fr = threat.translations?.fr;
  const sections = draft.sections.fr ?? [];
  const section = (key: keyof FrenchValues) => {
    const s = sections.find((x) => FROM_SECTION[key].includes(x.kind));
    return s ? (texts.fr?.[s.id] ?? s.text) : '';
  };
  return {
    title: fr?.title ?? section('title'),
    summary: fr?.summary ?? section('summary'),
    falseClaim: fr?.falseClaim ?? section('falseClaim'),
    facts: fr?.facts?.join('\n') ?? section('facts'),
  };
}

export function SaveFrenchToThreat({ draft, texts }: { draft: Draft; texts: Texts }) {
  const { t } = useTranslation(['drafting', 'threat', 'common']);
  const pushToast = useStore((s) => s.pushToast);
  const [open, setOpen] = useState(false);
  const [threatId, setThreatId] = useState(draft.threatIds[0] ?? '');
  const [base, setBase] = useState<{ threat: Threat; version: number } | null>(null);
  const [values, setValues] = useState<FrenchValues | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function load(id: string) {
    setError(null);
    const d = await call(api.threats.get({ id }));
    setThreatId(id);
    setBase({ threat: d.threat, version: d.meta.version });
    setValues(prefill(d.threat, draft, texts));
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!base || !values) return;
    const facts = values.facts
      .split('\n')
      .map((f) => f.trim())
      .filter(Boolean);
    const fr = {
      ...base.threat.translations?.fr,
      ...(values.title.trim() ? { title: values.title.trim() } : {}),
      ...(values.summary.trim() ? { summary: values.summary.trim() } : {}),
      ...(values.falseClaim.trim() ? { falseClaim: values.falseClaim.trim() } : {}),
      ...(facts.length ? { facts } : {}),
    };
    try {
      await call(
        api.threats.update({
          threat: { ...base.threat, translations: { ...base.threat.translations, fr } },
          expectedVersion: base.version,
        }),
      );
      setOpen(false);
      pushToast({ message: { key: 'drafting:french.saved', values: { id: threatId } } });
    } catch (err) {
      setError(failureOf(err).message);
    }
  }

  const field = (key: keyof FrenchValues, rows?: number) =>
    values ? (
      <TextField
        label={t(key === 'title' ? 'french.fieldTitle' : `french.${key}`)}
        lang="fr"
        rows={rows}
        value={values[key]}
        onChange={(v) => setValues({ ...values, [key]: v })}
        hint={key === 'facts' ? t('threat:hints.onePerLine') : undefined}
      />
    ) : null;

  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => {
          setOpen(true);
          void load(threatId).catch((err: unknown) => setError(failureOf(err).message));
        }}
      >
        {t('french.open')}
      </button>
      {open ? (
        <Modal
          open
          onOpenChange={setOpen}
          title={t('french.title')}
          description={t('french.description')}
          wide
        >
          <form onSubmit={(e) => void save(e)} noValidate data-testid="save-french">
            <ErrorNotice error={error} />
            {draft.threatIds.length > 1 ? (
              <SelectField
                label={t('french.threat')}
                value={threatId}
                onChange={(v) => v && void load(v)}
                options={draft.threatIds.map((id) => ({ value: id, label: id }))}
              />
            ) : null}
            {field('title')}
            {field('summary', 3)}
            {field('falseClaim', 3)}
            {field('facts', 4)}
            <div className="form-actions">
              <button type="submit" className="button button--primary" disabled={!values}>
                {t('french.save', { id: threatId })}
              </button>
              <button type="button" className="button" onClick={() => setOpen(false)}>
                {t('common:cancel')}
              </button>
            </div>
          </form>
        </Modal>
      ) : null}
    </>
  );
}
