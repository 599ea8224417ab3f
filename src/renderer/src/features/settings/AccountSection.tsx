import { demoProviderSchema } from '../../../../shared/domain';
import { useAppStore } from '../../state/app-store';
import { useSettingsStore } from '../../state/settings-store';
import { useProviderName } from '../../state/workspace-store';
import { AccountForm } from './AccountForm';

const DEMO_PROVIDERS = demoProviderSchema.options;

export function AccountSection() {
  const account = useAppStore((state) => state.account);
  const notice = useSettingsStore((state) => state.accountNotice);
  const busy = useSettingsStore((state) => state.accountBusy);
  const signOut = useSettingsStore((state) => state.signOut);
  const demoProvider = useSettingsStore((state) => state.settings?.demoProvider ?? null);
  const update = useSettingsStore((state) => state.update);
  const providerName = useProviderName();
  const providers = useSettingsStore((state) => state.providers);
  const nameOf = (id: string) => providers?.find((provider) => provider.id === id)?.name ?? id;

  if (account.state !== 'ready') return null;
  const status = account.value;
  const connected = status.mode === 'account' && status.account;

  return (
    <section className="card settings-card" aria-labelledby="account-title">
      <h2 id="account-title">Account</h2>
      <p className="account-line">
        {connected && status.account ? (
          <>
            Connected to {nameOf(status.account.provider)}
            {status.account.api ? ` ${status.account.api.toUpperCase()}` : ''}
            {status.account.uid ? (
              <>
                {' '}
                as user <strong>{status.account.uid}</strong>
              </>
            ) : null}
            {status.account.accountId ? (
              <>
                {' '}
                as account <strong>{status.account.accountId}</strong>
              </>
            ) : null}{' '}
            · API key <span className="mono">•••• saved</span>
          </>
        ) : status.mode === 'demo' ? (
          `Using the Demo workspace: a simulated ${providerName} account with sample leads. Connect your account below.`
        ) : (
          'No account connected.'
        )}
      </p>
      {status.mode === 'demo' && demoProvider && (
        <label className="field">
          <span>Demo provider</span>
          <select
            value={demoProvider}
            onChange={(event) => void update({ demoProvider: demoProviderSchema.parse(event.target.value) })}
          >
            {DEMO_PROVIDERS.map((provider) => (
              <option key={provider} value={provider}>
                {nameOf(provider)}
              </option>
            ))}
          </select>
          <small className="muted">Whose simulator the Demo workspace runs on; each keeps its own sample data.</small>
        </label>
      )}
      <AccountForm
        key={
          connected ? `${status.account?.provider}:${status.account?.uid}:${status.account?.accountId ?? ''}` : 'none'
        }
        status={status}
      />
      {/* Right under the buttons that produced it, where the agent is looking. */}
      {notice && (
        <p role={notice.ok ? 'status' : 'alert'} className={notice.ok ? 'notice-ok' : 'alert'}>
          {notice.message}
        </p>
      )}
      {connected && (
        <div className="form-actions">
          <button type="button" className="danger" onClick={() => void signOut()} disabled={busy !== null}>
            {busy === 'signOut' ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      )}
    </section>
  );
}
