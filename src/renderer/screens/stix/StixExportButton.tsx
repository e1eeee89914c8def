// "Export STIX" in the log: the threats matching the current filter, or the selected one, as a
// STIX 2.1 bundle under the TLP marking the official chooses (classified notes never leave).
import { ErrorNotice } from '../../components/ErrorNotice';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_TLP, REGION_OV, TLP_LEVELS, type TlpLevel } from '../../../shared/domain/stix';
import { api, call } from '../../api/bridge';
import { SelectField } from '../../components/form/SelectField';
import { TextField } from '../../components/form/TextField';
import { Modal } from '../../components/Modal';
import { formatNumber } from '../../format';
import { useAction } from '../../hooks/useAction';
import { useStore } from '../../store';
import { saveFile } from '../../transfer';

export function StixExportButton() {
  const { t } = useTranslation(['stix', 'common']);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)} data-testid="stix-export">
        {t('button')}
      </button>
      {open ? <StixExportDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function StixExportDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation(['stix', 'common']);
  const filter = useStore((s) => s.filter);
  const total = useStore((s) => s.total);
  const selectedId = useStore((s) => s.selectedId);
  const pushToast = useStore((s) => s.pushToast);
  const [scope, setScope] = useState<'filter' | 'selection'>(selectedId ? 'selection' : 'filter');
  const [tlp, setTlp] = useState<TlpLevel>(DEFAULT_TLP);
  // Where the places are: a country (ISO code) and/or a region of STIX's vocabulary; without either,
  // the bundle has no locations (its incidents still name their places).
  const [country, setCountry] = useState('');
  const [region, setRegion] = useState<(typeof REGION_OV)[number] | ''>('');
  const { busy, error, run: attempt } = useAction();
  const name = useId();

  async function run() {
    const done = await attempt(async () => {
      // Deleted threats never leave in a bundle.
      const live = { ...filter, deleted: undefined };
      const where = {
        ...(country.trim() ? { country: country.trim() } : {}),
        ...(region ? { region } : {}),
      };
      const result = await call(
        api.stix.export(
          scope === 'selection' && selectedId
            ? { tlp, ids: [selectedId], ...where }
            : { tlp, filter: live, ...where },
        ),
      );
      await saveFile(result.fileName, result.content, 'application/json');
      pushToast({
        message: { key: 'stix:exported', values: { count: result.threats, tlp: `TLP:${tlp.toUpperCase()}` } },
      });
    });
    if (done) onClose();
  }

  return (
    <Modal open onOpenChange={(o) => !o && onClose()} title={t('title')} description={t('description')}>
      <ErrorNotice error={error} />
      <fieldset className="radio-group radio-group--stacked">
        <legend>{t('scope')}</legend>
        <label>
          <input
            type="radio"
            name={`${name}-scope`}
            checked={scope === 'filter'}
            onChange={() => setScope('filter')}
          />
          {t('scopeFilter', { count: total ?? 0, formatted: formatNumber(total ?? 0) })}
        </label>
        <label>
          <input
            type="radio"
            name={`${name}-scope`}
            checked={scope === 'selection'}
            disabled={!selectedId}
            onChange={() => setScope('selection')}
          />
          {selectedId ? t('scopeSelection', { id: selectedId }) : t('scopeNoSelection')}
        </label>
      </fieldset>
      <fieldset className="radio-group radio-group--stacked">
        <legend>{t('tlp')}</legend>
        {TLP_LEVELS.map((level) => (
          <label key={level} className="stix-tlp">
            <input
              type="radio"
              name={`${name}-tlp`}
              value={level}
              checked={tlp === level}
              onChange={() => setTlp(level)}
            />
            <span>
              <strong>TLP:{level.toUpperCase()}</strong> — {t(`tlpHelp.${level}`)}
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className="stix-places">
        <legend>{t('places')}</legend>
        <p className="field__hint">{t('placesHint')}</p>
        <TextField
          label={t('country')}
          hint={t('countryHint')}
          maxLength={2}
          autoComplete="off"
          value={country}
          onChange={setCountry}
        />
        <SelectField<(typeof REGION_OV)[number]>
          label={t('region')}
          placeholder={t('regionNone')}
          options={REGION_OV.map((r) => ({ value: r, label: r }))}
          value={region}
          onChange={setRegion}
        />
      </fieldset>
      <p className="field__hint">{t('never')}</p>
      <div className="form-actions">
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void run()}>
          {t('export')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('common:cancel')}
        </button>
      </div>
    </Modal>
  );
}
