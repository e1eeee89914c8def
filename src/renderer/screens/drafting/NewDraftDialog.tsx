// "New draft" on the Communications screen: the threats it is about (one, or several as one cluster), the
// kind of text and its languages; it opens in the editor with its heading focused.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DRAFT_LANGS, TEMPLATE_IDS, type DraftLang, type TemplateId } from '../../../shared/domain/drafting';
import { CheckboxField } from '../../components/form/CheckboxField';
import { SelectField } from '../../components/form/SelectField';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Modal } from '../../components/Modal';
import { ThreatPicker } from '../../components/ThreatPicker';
import { useAction } from '../../hooks/useAction';
import { useStore } from '../../store';
import { FormActions } from '../../components/FormActions';
import { LanguageCheckboxes } from './LanguageCheckboxes';

export function NewDraftDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation(['drafting', 'common']);
  const createDraftAbout = useStore((s) => s.createDraftAbout);
  const navigate = useStore((s) => s.navigate);
  const setFocusHeading = useStore((s) => s.setFocusHeading);
  const [threatIds, setThreatIds] = useState<string[]>([]);
  const [cluster, setCluster] = useState(true);
  const [template, setTemplate] = useState<TemplateId>('public-statement');
  const [languages, setLanguages] = useState<DraftLang[]>([...DRAFT_LANGS]);
  const { busy, error, setError, run } = useAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (threatIds.length === 0) return setError(t('newDraft.needThreat'));
    if (languages.length === 0) return setError(t('tabPanel.needLanguage'));
    let draftId = '';
    const done = await run(async () => {
      const ordered = DRAFT_LANGS.filter((l) => languages.includes(l));
      draftId = (await createDraftAbout(threatIds, threatIds.length > 1 && cluster, template, ordered)).id;
    });
    if (!done) return;
    onClose();
    setFocusHeading(true);
    navigate({ screen: 'drafting', params: { id: draftId } });
  }

  return (
    <Modal
      open
      onOpenChange={(open) => !open && onClose()}
      title={t('newDraft.title')}
      description={t('newDraft.lead')}
      wide
    >
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="new-draft">
        <ErrorNotice error={error} />
        <ThreatPicker selected={threatIds} onChange={setThreatIds} title={t('newDraft.about')} />
        {threatIds.length > 1 ? (
          <CheckboxField
            label={t('newDraft.asCluster')}
            hint={t('newDraft.asClusterHint')}
            checked={cluster}
            onChange={setCluster}
          />
        ) : null}
        <SelectField
          label={t('tabPanel.template')}
          value={template}
          onChange={(v) => v && setTemplate(v)}
          options={TEMPLATE_IDS.map((id) => ({ value: id, label: t(`templates.${id}`) }))}
        />
        <fieldset className="checkbox-group">
          <legend>{t('tabPanel.languages')}</legend>
          <LanguageCheckboxes value={languages} onChange={setLanguages} />
        </fieldset>
        <FormActions
          save={busy ? t('tabPanel.creating') : t('tabPanel.create')}
          busy={busy}
          onCancel={onClose}
        />
      </form>
    </Modal>
  );
}
