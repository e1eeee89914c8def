// A STIX bundle that does not say which election its incidents belong to, opened in a workspace that has
// none: instead of a refusal, the import asks for the election and creates it with the incidents (one
// transaction, in the service).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_ELECTION_PROBLEM } from '../../../shared/domain/stix';
import type { ImportReport } from '../../../shared/domain/transfer';
import { ServiceError, api, call } from '../../api/bridge';
import { TextField } from '../../components/form/TextField';
import { Modal } from '../../components/Modal';
import { slugId } from '../elections/election-model';
import { FormActions } from '../../components/FormActions';
import { ErrorNotice } from '../../components/ErrorNotice';

/** A bundle waiting for its election: the file's text and name. */
export interface PendingBundle {
  content: string;
  fileName: string;
}

/** Whether an import was refused because the bundle needs an election named. */
export function asksForElection(err: unknown): boolean {
  return (
    err instanceof ServiceError && (err.shape.problems ?? []).some((p) => p.message === NO_ELECTION_PROBLEM)
  );
}

const EMPTY = { name: '', jurisdiction: '', pollingDay: '' };

export function BundleElectionDialog({
  bundle,
  onImported,
  onCancel,
}: {
  bundle: PendingBundle;
  onImported(report: ImportReport): void;
  onCancel(): void;
}) {
  const { t } = useTranslation(['stix', 'elections', 'common']);
  const [values, setValues] = useState(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof EMPTY, v: string) => setValues((old) => ({ ...old, [k]: v }));

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const report = await call(
        api.stix.import({
          content: bundle.content,
          fileName: bundle.fileName,
          newElection: {
            id: slugId(values.name),
            name: values.name.trim(),
            jurisdiction: values.jurisdiction.trim(),
            pollingDay: values.pollingDay,
          },
        }),
      );
      onImported(report);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const input = (k: keyof typeof EMPTY, type = 'text') => (
    <TextField
      label={t(`elections:fields.${k}`)}
      required
      type={type}
      value={values[k]}
      onChange={(v) => set(k, v)}
    />
  );

  return (
    <Modal
      open
      onOpenChange={(o) => !o && onCancel()}
      title={t('election.title')}
      description={t('election.description', { file: bundle.fileName })}
    >
      <form onSubmit={(e) => void submit(e)} data-testid="bundle-election">
        <ErrorNotice error={error} />
        {input('name')}
        {input('jurisdiction')}
        {input('pollingDay', 'date')}
        <FormActions save={t('election.import')} busy={busy} onCancel={onCancel} />
      </form>
    </Modal>
  );
}
