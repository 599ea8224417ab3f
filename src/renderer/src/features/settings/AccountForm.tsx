import { useMemo, useState, type FormEvent } from 'react';
import type { AccountStatus } from '../../../../shared/contract/channels';
import type { AccountFieldInfo, ProviderInfo } from '../../../../shared/contract/workspace-schemas';
import { DEFAULT_TIMEZONE } from '../../../../shared/domain';
import { useSettingsStore, type AccountInput } from '../../state/settings-store';

type FieldName = AccountFieldInfo['name'];

function timeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes(current) ? zones : [current, ...zones];
}

/** The saved account's value for a field, to prefill the form. */
function savedValue(account: AccountStatus['account'], name: FieldName): string {
  if (!account) return '';
  const value = account[name];
  return typeof value === 'string' ? value : '';
}

/**
 * A provider's credentials, with exactly the fields that provider declares (main sends them:
 * account.providers), so a new provider needs no change here. The API key lives in this
 * component's state only until it is sent to main (account.test / account.connect); nothing
 * ever sends it back, so a saved key is shown as "•••• saved" and never refilled.
 */
export function AccountForm({ status }: { status: AccountStatus }) {
  const account = status.mode === 'account' ? status.account : null;
  const providers = useSettingsStore((state) => state.providers) ?? [];
  const uiTimezone = useSettingsStore((state) => state.settings?.timezone);
  const busy = useSettingsStore((state) => state.accountBusy);
  const test = useSettingsStore((state) => state.test);
  const connect = useSettingsStore((state) => state.connect);
  const [providerId, setProviderId] = useState<ProviderInfo['id']>(
    account && account.provider !== 'demo' ? account.provider : 'hotprospector',
  );
  const [values, setValues] = useState<Partial<Record<FieldName, string>>>(() => ({
    api: account?.api ?? 'v2',
    uid: savedValue(account, 'uid'),
    accountId: savedValue(account, 'accountId'),
    region: savedValue(account, 'region'),
  }));
  const [timezone, setTimezone] = useState(account?.timezone ?? uiTimezone ?? DEFAULT_TIMEZONE);
  const [apiKey, setApiKey] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const zones = useMemo(() => timeZones(timezone), [timezone]);
  const chosen = providers.find((p) => p.id === providerId) ?? providers[0] ?? null;
  // The saved key belongs to the saved account's provider; another provider needs its own.
  const savedKey = account !== null && account.provider === providerId;
  if (!chosen) return <p className="muted">Loading the providers…</p>;

  const value = (name: FieldName) => (values[name] ?? '').trim();
  const input = (): Omit<AccountInput, 'apiKey'> => {
    const fields: Partial<Record<FieldName, string>> = {};
    for (const field of chosen.fields) if (value(field.name)) fields[field.name] = value(field.name);
    return {
      provider: chosen.id,
      ...(fields as Omit<AccountInput, 'apiKey' | 'provider'>),
      ...(baseUrl.trim() ? { baseUrl: baseUrl.trim() } : {}),
      // A provider with zone-less times reads them in the account's zone; the others follow the app's.
      ...(chosen.zonelessTimes ? { timezone } : uiTimezone ? { timezone: uiTimezone } : {}),
    };
  };

  const check = (needKey: boolean): boolean => {
    const empty = chosen.fields.find((field) => field.required && !value(field.name));
    const problem = empty
      ? `Enter the ${empty.label.toLowerCase()}.`
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

  const address = chosen.addresses[value('api')] ?? chosen.addresses[''] ?? '';
  return (
    <form className="settings-form" onSubmit={(event) => void onConnect(event)} aria-label="Account">
      <label className="field">
        <span>Provider</span>
        <select
          value={chosen.id}
          onChange={(event) => {
            setProviderId(event.target.value as ProviderInfo['id']);
            setMissing(null);
          }}
          aria-describedby="provider-hint"
        >
          {providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <small id="provider-hint" className="muted">
          The system your team calls from. Callside offers only what it can do.
        </small>
      </label>
      {chosen.fields.map((field) => (
        <AccountFieldInput
          key={`${chosen.id}:${field.name}`}
          field={field}
          value={values[field.name] ?? ''}
          onChange={(next) => setValues((current) => ({ ...current, [field.name]: next }))}
        />
      ))}
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
      {chosen.zonelessTimes && (
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
            The account&apos;s zone in {chosen.name}: its times without a zone are read in it, and the day&apos;s
            figures follow it.
          </small>
        </label>
      )}
      <label className="field">
        <span>API address (optional)</span>
        <input
          value={baseUrl}
          onChange={(event) => setBaseUrl(event.target.value)}
          autoComplete="off"
          placeholder={account?.provider === chosen.id ? account.baseUrl : address}
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

/** One declared field: a segmented choice where it has options, else a text box, its help under it. */
function AccountFieldInput(props: { field: AccountFieldInfo; value: string; onChange: (value: string) => void }) {
  const { field, value, onChange } = props;
  const hint = `account-${field.name}-hint`;
  if (field.options) {
    return (
      <fieldset className="segmented" aria-describedby={hint}>
        <legend>{field.label}</legend>
        {field.options.map((option) => (
          <label key={option.value}>
            <input
              type="radio"
              name={field.name}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            {option.label}
          </label>
        ))}
        <small id={hint} className="muted">
          {field.help}
        </small>
      </fieldset>
    );
  }
  return (
    <label className="field">
      <span>
        {field.label}
        {field.required ? '' : ' (optional)'}
      </span>
      <input
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete="off"
        maxLength={128}
        aria-describedby={hint}
      />
      <small id={hint} className="muted">
        {field.help}
      </small>
    </label>
  );
}
