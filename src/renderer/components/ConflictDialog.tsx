// A save refused because someone else changed the record meanwhile: who, and the fields that differ,
// their version beside the person's edits, with the two ways on: keep theirs (the edits are set aside),
// or apply mine on top (saved again as the next version after theirs). Escape or Close leaves the form as
// it was, edits included, to decide later.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { differingFields } from '../../shared/domain/conflict-diff';
import type { ConflictDetails } from '../../shared/errors';
import { Modal } from './Modal';

export function ConflictDialog({
  conflict,
  onClose,
  onKeepTheirs,
  onApplyMine,
  fieldLabel,
}: {
  conflict: ConflictDetails | null;
  onClose(): void;
  onKeepTheirs(conflict: ConflictDetails): void;
  /** Saves the person's version again, over theirs (with theirs as the version it starts from). */
  onApplyMine(conflict: ConflictDetails): Promise<void>;
  /** The label of a field path (`title`, `place.regions`), as the form names it. */
  fieldLabel?: (path: string) => string;
}) {
  const { t } = useTranslation('sync');
  const [saving, setSaving] = useState(false);
  if (!conflict) return null;
  const name = conflict.changedBy ?? t('conflict.someone');
  const kind = t(`conflict.kinds.${conflict.kind}`, { defaultValue: conflict.kind });
  const differences = differingFields(conflict.theirs.record, conflict.yours.record);
  const cell = (text: string) =>
    text === 'true' ? (
      t('conflict.yes')
    ) : text === 'false' ? (
      t('conflict.no')
    ) : text ? (
      text
    ) : (
      <span className="conflict__empty">{t('conflict.empty')}</span>
    );

  return (
    <Modal
      open
      wide
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={t('conflict.title')}
      description={t('conflict.description', { name, kind })}
    >
      <div className="conflict" data-testid="conflict-dialog">
        {differences.length ? (
          <table className="conflict__table">
            <thead>
              <tr>
                <th scope="col">{t('conflict.field')}</th>
                <th scope="col">{t('conflict.theirs', { version: conflict.theirs.version })}</th>
                <th scope="col">{t('conflict.yours', { version: conflict.yours.version })}</th>
              </tr>
            </thead>
            <tbody>
              {differences.map((d) => (
                <tr key={d.path}>
                  <th scope="row">{fieldLabel?.(d.path) ?? d.path}</th>
                  <td className="conflict__theirs">{cell(d.theirs)}</td>
                  <td className="conflict__yours">{cell(d.yours)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t('conflict.same')}</p>
        )}
        <div className="conflict__choices">
          <div className="conflict__choice">
            <button
              type="button"
              className="button"
              disabled={saving}
              onClick={() => onKeepTheirs(conflict)}
              aria-describedby="conflict-keep-hint"
            >
              {t('conflict.keepTheirs')}
            </button>
            <p id="conflict-keep-hint" className="conflict__hint">
              {t('conflict.keepTheirsHint')}
            </p>
          </div>
          <div className="conflict__choice">
            <button
              type="button"
              className="button button--primary"
              disabled={saving}
              aria-describedby="conflict-apply-hint"
              onClick={() => {
                setSaving(true);
                void onApplyMine(conflict).finally(() => setSaving(false));
              }}
            >
              {saving ? t('conflict.saving') : t('conflict.applyMine')}
            </button>
            <p id="conflict-apply-hint" className="conflict__hint">
              {t('conflict.applyMineHint')}
            </p>
          </div>
        </div>
      </div>
    </Modal>
  );
}
