// The administrator's dialogs on accounts: add a person (name, roles, a first passphrase), change roles,
// reset a passphrase, disable, enable again. Each sends one call; the services check the permission, the
// passphrase's strength and the rules (nobody disables themselves), and their refusal is shown as said.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountNameSchema, type AccountView, type Role } from '../../../shared/domain/accounts';
import { api, call } from '../../api/bridge';
import { TextField } from '../../components/form/TextField';
import { Modal } from '../../components/Modal';
import { useStore } from '../../store';
import {
  EMPTY_NEW_PASSPHRASE,
  NewPassphraseFields,
  newPassphraseProblem,
  type NewPassphrase,
} from '../session/NewPassphraseFields';
import { RoleCheckboxes } from './RoleCheckboxes';
import { ErrorNotice } from '../../components/ErrorNotice';

export type AccountDialog =
  { kind: 'add' } | { kind: 'roles' | 'reset' | 'disable' | 'enable'; account: AccountView };

/** The frame every dialog shares: a form, its refusal, its buttons. */
function DialogForm({
  title,
  description,
  onClose,
  onSubmit,
  submitLabel,
  danger,
  children,
}: {
  title: string;
  description?: string;
  onClose(): void;
  /** Resolves when done (the dialog closes); a thrown error is shown in the dialog. */
  onSubmit(): Promise<boolean>;
  submitLabel: string;
  danger?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation('common');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      if (await onSubmit()) onClose();
    } catch (err) {
      setFailure((err as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal open onOpenChange={(open) => !open && onClose()} title={title} description={description}>
      <form onSubmit={(e) => void submit(e)} noValidate className="account-dialog">
        <ErrorNotice error={failure} />
        {children}
        <div className="form-actions">
          <button
            type="submit"
            className={`button ${danger ? 'button--danger' : 'button--primary'}`}
            disabled={busy}
          >
            {submitLabel}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

export function AccountDialogView({
  dialog,
  onClose,
  onChanged,
}: {
  dialog: AccountDialog;
  onClose(): void;
  onChanged(): Promise<void>;
}) {
  switch (dialog.kind) {
    case 'add':
      return <AddDialog onClose={onClose} onChanged={onChanged} />;
    case 'roles':
      return <RolesDialog account={dialog.account} onClose={onClose} onChanged={onChanged} />;
    case 'reset':
    case 'enable':
      return (
        <PassphraseDialog
          account={dialog.account}
          enable={dialog.kind === 'enable'}
          onClose={onClose}
          onChanged={onChanged}
        />
      );
    case 'disable':
      return <DisableDialog account={dialog.account} onClose={onClose} onChanged={onChanged} />;
  }
}

interface Props {
  onClose(): void;
  onChanged(): Promise<void>;
}

function AddDialog({ onClose, onChanged }: Props) {
  const { t } = useTranslation('accounts');
  const pushToast = useStore((s) => s.pushToast);
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [passphrase, setPassphrase] = useState<NewPassphrase>(EMPTY_NEW_PASSPHRASE);
  const [submitted, setSubmitted] = useState(false);
  const nameError = submitted && !AccountNameSchema.safeParse(name).success ? t('nameRequired') : undefined;
  const rolesError = submitted && roles.length === 0 ? t('rolesRequired') : undefined;
  return (
    <DialogForm
      title={t('addTitle')}
      description={t('addLead')}
      onClose={onClose}
      submitLabel={t('create')}
      onSubmit={async () => {
        setSubmitted(true);
        if (!AccountNameSchema.safeParse(name).success || !roles.length || newPassphraseProblem(passphrase))
          return false;
        const created = await call(
          api.accounts.create({ name: name.trim(), roles, passphrase: passphrase.passphrase }),
        );
        pushToast({ message: { key: 'accounts:created', values: { name: created.name } } });
        await onChanged();
        return true;
      }}
    >
      <TextField label={t('name')} error={nameError} required value={name} onChange={setName} />
      <RoleCheckboxes value={roles} onChange={setRoles} error={rolesError} />
      <NewPassphraseFields
        value={passphrase}
        onChange={setPassphrase}
        name={name}
        label={t('passphrase')}
        showErrors={submitted}
      />
    </DialogForm>
  );
}

function RolesDialog({ account, onClose, onChanged }: Props & { account: AccountView }) {
  const { t } = useTranslation('accounts');
  const pushToast = useStore((s) => s.pushToast);
  const [roles, setRoles] = useState<Role[]>(account.roles);
  const [submitted, setSubmitted] = useState(false);
  return (
    <DialogForm
      title={t('editRolesTitle', { name: account.name })}
      onClose={onClose}
      submitLabel={t('saveRoles')}
      onSubmit={async () => {
        setSubmitted(true);
        if (!roles.length) return false;
        await call(api.accounts.setRoles({ id: account.id, roles }));
        pushToast({ message: { key: 'accounts:rolesSaved', values: { name: account.name } } });
        await onChanged();
        return true;
      }}
    >
      <RoleCheckboxes
        value={roles}
        onChange={setRoles}
        error={submitted && !roles.length ? t('rolesRequired') : undefined}
      />
    </DialogForm>
  );
}

function PassphraseDialog({
  account,
  enable,
  onClose,
  onChanged,
}: Props & { account: AccountView; enable: boolean }) {
  const { t } = useTranslation('accounts');
  const pushToast = useStore((s) => s.pushToast);
  const [passphrase, setPassphrase] = useState<NewPassphrase>(EMPTY_NEW_PASSPHRASE);
  const [submitted, setSubmitted] = useState(false);
  return (
    <DialogForm
      title={t(enable ? 'enableTitle' : 'resetTitle', { name: account.name })}
      description={t(enable ? 'enableLead' : 'resetLead')}
      onClose={onClose}
      submitLabel={t(enable ? 'enableSubmit' : 'resetSubmit')}
      onSubmit={async () => {
        setSubmitted(true);
        if (newPassphraseProblem(passphrase)) return false;
        const request = { id: account.id, passphrase: passphrase.passphrase };
        await call(enable ? api.accounts.enable(request) : api.accounts.resetPassphrase(request));
        pushToast({
          message: {
            key: enable ? 'accounts:enabledToast' : 'accounts:resetDone',
            values: { name: account.name },
          },
        });
        await onChanged();
        return true;
      }}
    >
      <NewPassphraseFields
        value={passphrase}
        onChange={setPassphrase}
        name={account.name}
        label={t('resetPassphrase')}
        showErrors={submitted}
      />
    </DialogForm>
  );
}

function DisableDialog({ account, onClose, onChanged }: Props & { account: AccountView }) {
  const { t } = useTranslation('accounts');
  const pushToast = useStore((s) => s.pushToast);
  return (
    <DialogForm
      title={t('disableTitle', { name: account.name })}
      description={t('disableLead', { name: account.name })}
      onClose={onClose}
      submitLabel={t('disableSubmit')}
      danger
      onSubmit={async () => {
        await call(api.accounts.disable({ id: account.id }));
        pushToast({ message: { key: 'accounts:disabledToast', values: { name: account.name } } });
        await onChanged();
        return true;
      }}
    />
  );
}
