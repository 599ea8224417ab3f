import { useMemo, useState, type FormEvent } from 'react';
import type { AccountStatus } from '../../../../shared/contract/channels';
import { DEFAULT_TIMEZONE } from '../../../../shared/domain';
import { useSettingsStore, type AccountInput } from '../../state/settings-store';

type ProviderChoice = 'hotprospector' | 'callingly';

const PROVIDERS: Array<{ id: ProviderChoice; name: string; address: string }> = [
  { id: 'hotprospector', name: 'Hot Prospector', address: 'The documented Hot Prospector address' },
  { id: 'callingly', name: 'Callingly', address: 'https://api.callingly.com/v1' },
];

function timeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes(current) ? zones : [current, ...zones];
}

/**
 * A provider's credentials, with exactly the fields that provider needs: Hot Prospector an API
 * version, a user id and a key; Callingly a key, an agency's client account id and the account's
 * time zone. The API key lives in this component's state only until it is sent to main
 * (account.test / account.connect); nothing ever sends it back, so a saved key is shown as
 * "•••• saved" and never refilled.
 */
export function AccountForm({ status }: { status: AccountStatus }) {
  const account = status.mode === 'account' ? status.account : null;
  const uiTimezone = useSettingsStore((state) => state.settings?.timezone);
  const busy = useSettingsStore((state) => state.accountBusy);
  const test = useSettingsStore((state) => state.test);
  const connect = useSettingsStore((state) => state.connect);
  const [provider, setProvider] = useState<ProviderChoice>(
    account?.provider === 'callingly' ? 'callingly' : 'hotprospector',
  );
  const [api, setApi] = useState<'v1' | 'v2'>(account?.api ?? 'v2');
  const [uid, setUid] = useState(account?.provider === 'hotprospector' ? account.uid : '');
  const [accountId, setAccountId] = useState(account?.accountId ?? '');
  const [timezone, setTimezone] = useState(
    account?.provider === 'callingly' ? account.timezone : (uiTimezone ?? DEFAULT_TIMEZONE),
  );
  const [apiKey, setApiKey] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const zones = useMemo(() => timeZones(timezone), [timezone]);
  const chosen = PROVIDERS.find((p) => p.id === provider) ?? (PROVIDERS[0] as (typeof PROVIDERS)[number]);
  // The saved key belongs to the saved account's provider; another provider needs its own.
  const savedKey = account !== null && account.provider === provider;

  const input = (): Omit<AccountInput, 'apiKey'> => {
    const base = baseUrl.trim() ? { baseUrl: baseUrl.trim() } : {};
    if (provider === 'callingly') {
      return { provider, ...base, timezone, ...(accountId.trim() ? { accountId: accountId.trim() } : {}) };
    }
    return { provider, api, uid: uid.trim(), ...base, ...(uiTimezone ? { timezone: uiTimezone } : {}) };
  };

  const check = (needKey: boolean): boolean => {
    const problem =
      provider === 'hotprospector' && !uid.trim()
        ? 'Enter the user id.'
        : needKey && !apiKey.trim()
          ? 'Enter the API key.'
          : baseUrl.trim() && !/^https?:\/\/\S+$/i.test(baseUrl.trim())
            ? 'The API address must be a web address such as https://api.example.com'
            : null;
    setMissing(problem);
    return problem === null;
  };

  const onTest = async () => {
    // A blank key tests the saved one, so a connected agent can re-check without retyping it.
    if (!check(!savedKey)) return;
    await test({ ...input(), ...(apiKey.trim() ? { apiKey: apiKey.trim() } : {}) });
  };

  const onConnect = async (event: FormEvent) => {
    event.preventDefault();
    if (!check(true)) return;
    const key = apiKey.trim();
    setApiKey('');
    await connect({ ...input(), apiKey: key });
  };

  return (
    <form className="settings-form" onSubmit={(event) => void onConnect(event)} aria-label="Account">
      <label className="field">
        <span>Provider</span>
        <select
          value={provider}
          onChange={(event) => {
            setProvider(event.target.value as ProviderChoice);
            setMissing(null);
          }}
          aria-describedby="provider-hint"
        >
          {PROVIDERS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <small id="provider-hint" className="muted">
          The system your team calls from. Hipcall and CallHub are coming later.
        </small>
      </label>
      {provider === 'hotprospector' && (
        <>
          <fieldset className="segmented">
            <legend>API version</legend>
            <label>
              <input type="radio" name="api" checked={api === 'v1'} onChange={() => setApi('v1')} />
              Custom API V1
            </label>
            <label>
              <input type="radio" name="api" checked={api === 'v2'} onChange={() => setApi('v2')} />
              API V2
            </label>
          </fieldset>
          <label className="field">
            <span>User id</span>
            <input value={uid} onChange={(event) => setUid(event.target.value)} autoComplete="off" maxLength={128} />
          </label>
        </>
      )}
      <label className="field">
        <span>API key</span>
        <input
          type="password"
          value={apiKey}
          onChange={(event) => setApiKey(event.target.value)}
          autoComplete="off"
          maxLength={512}
          placeholder={savedKey ? '•••• saved' : ''}
          aria-describedby="key-hint"
        />
        <small id="key-hint" className="muted">
          {savedKey
            ? 'A key is saved. Leave blank to test the saved key; type a new one to replace it.'
            : 'Stored encrypted on this computer and never shown again.'}
        </small>
      </label>
      {provider === 'callingly' && (
        <>
          <label className="field">
            <span>Agency account id (optional)</span>
            <input
              value={accountId}
              onChange={(event) => setAccountId(event.target.value)}
              autoComplete="off"
              maxLength={64}
              aria-describedby="account-id-hint"
            />
            <small id="account-id-hint" className="muted">
              Only for agencies: the client account to work in. Leave blank for your own account.
            </small>
          </label>
          <label className="field">
            <span>Time zone</span>
            <select value={timezone} onChange={(event) => setTimezone(event.target.value)} aria-describedby="tz-hint">
              {zones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replace(/_/g, ' ')}
                </option>
              ))}
            </select>
            <small id="tz-hint" className="muted">
              The account&apos;s zone in Callingly: its times without a zone are read in it, and the day&apos;s figures
              follow it.
            </small>
          </label>
        </>
      )}
      <label className="field">
        <span>API address (optional)</span>
        <input
          value={baseUrl}
          onChange={(event) => setBaseUrl(event.target.value)}
          autoComplete="off"
          placeholder={account?.provider === provider ? account.baseUrl : chosen.address}
          maxLength={2048}
        />
      </label>
      {missing && (
        <p role="alert" className="alert">
          {missing}
        </p>
      )}
      <div className="form-actions">
        <button type="button" onClick={() => void onTest()} disabled={busy !== null}>
          {busy === 'test' ? 'Testing…' : 'Test connection'}
        </button>
        <button type="submit" className="primary" disabled={busy !== null}>
          {busy === 'connect' ? 'Connecting…' : account ? 'Save and reconnect' : 'Save and connect'}
        </button>
      </div>
    </form>
  );
}
