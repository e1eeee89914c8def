// File → Connect to a team server…: the server's address, then the certificate it presents. At the first
// connection the person compares its fingerprint with the one the server's administrator gave them and
// decides (trust on first use); afterwards the pinned certificate is trusted and a changed one refused.
// The desktop app then opens the server in a window of its own; this window keeps the local file.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamServerCheck } from '../../../shared/ipc/team.contract';
import { api, call, onMenuCommand } from '../../api/bridge';
import { Field } from '../../components/form/Field';
import { Modal } from '../../components/Modal';

/** The dialog, opened by the desktop menu's command (browser mode has no menu, and no use for it). */
export function ConnectTeamServer() {
  const [open, setOpen] = useState(false);
  useEffect(() => onMenuCommand((command) => command === 'connect-team-server' && setOpen(true)), []);
  return open ? <ConnectTeamServerDialog onClose={() => setOpen(false)} /> : null;
}

/** A fingerprint in groups of eight bytes, one per line: easier to compare aloud or on paper. */
function Fingerprint({ value, testId }: { value: string; testId: string }) {
  const bytes = value.split(':');
  const lines = [0, 8, 16, 24].map((i) => bytes.slice(i, i + 8).join(':'));
  return (
    <code className="fingerprint" data-testid={testId} aria-label={value}>
      {lines.map((line) => (
        <span key={line} className="fingerprint__line">
          {line}
        </span>
      ))}
    </code>
  );
}

export function ConnectTeamServerDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('team');
  const [url, setUrl] = useState('');
  const [check, setCheck] = useState<TeamServerCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [connected, setConnected] = useState<string | null>(null);

  const run = async (what: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await what();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const checkServer = () =>
    run(async () => {
      setCheck(null);
      setCheck(await call(api.team.check({ url })));
    });
  const connect = () =>
    run(async () => {
      if (!check) return;
      const done = await call(api.team.connect({ url: check.origin, fingerprint: check.presented }));
      setConnected(done.origin);
    });

  return (
    <Modal open onOpenChange={(o) => !o && onClose()} title={t('title')} description={t('description')} wide>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void checkServer();
        }}
      >
        <Field label={t('address')} hint={t('addressHint')} required>
          {(control) => (
            <input
              {...control}
              type="url"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              placeholder="https://threshold.example.org:8443"
              value={url}
              required
              data-testid="team-url"
              onChange={(e) => {
                setUrl(e.target.value);
                setCheck(null);
                setConnected(null);
              }}
            />
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy || !url.trim()} data-testid="team-check">
            {busy && !check ? t('checking') : t('check')}
          </button>
        </div>
      </form>
      {error ? (
        <p className="notice notice--error" role="alert" data-testid="team-error">
          {error}
        </p>
      ) : null}
      {check?.verdict === 'first-use' ? (
        <div className="notice notice--warning" data-testid="team-first-use">
          <p>{t('firstUse', { origin: check.origin })}</p>
          <p className="field__label">{t('presented')}</p>
          <Fingerprint value={check.presented} testId="team-presented" />
          <p>{t('firstUseHow')}</p>
        </div>
      ) : null}
      {check?.verdict === 'trusted' ? (
        <p className="notice notice--ok" data-testid="team-trusted">
          {t('trusted', { origin: check.origin })}
        </p>
      ) : null}
      {check?.verdict === 'changed' ? (
        <div className="notice notice--error" role="alert" data-testid="team-changed">
          <p>
            <strong>{t('changedTitle')}</strong> {t('changed', { origin: check.origin })}
          </p>
          <p className="field__label">{t('pinned')}</p>
          <Fingerprint value={check.pinned ?? ''} testId="team-pinned" />
          <p className="field__label">{t('presented')}</p>
          <Fingerprint value={check.presented} testId="team-presented" />
        </div>
      ) : null}
      {connected ? (
        <p className="notice notice--ok" role="status" data-testid="team-connected">
          {t('connected', { origin: connected })}
        </p>
      ) : null}
      <div className="form-actions">
        {check && check.verdict !== 'changed' && !connected ? (
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void connect()}
            data-testid="team-connect"
          >
            {check.verdict === 'first-use' ? t('trustAndConnect') : t('connect')}
          </button>
        ) : null}
        <button type="button" className="button" onClick={onClose}>
          {connected ? t('common:close') : t('common:cancel')}
        </button>
      </div>
      <p className="field__hint">{t('localStays')}</p>
    </Modal>
  );
}
