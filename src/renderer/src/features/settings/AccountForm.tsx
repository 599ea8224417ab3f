import { useState, type FormEvent } from 'react';
import type { AccountStatus } from '../../../../shared/contract/channels';
import { useSettingsStore } from '../../state/settings-store';

/**
 * Hot Prospector credentials. The API key lives in this component's state only until it is
 * sent to main (account.test / account.connect); nothing ever sends it back, so a saved key is
 * shown as "•••• saved" and never refilled.
 */
export function AccountForm({ status }: { status: AccountStatus }) {
  const account = status.mode === 'account' ? status.account : null;
  const timezone = useSettingsStore((state) => state.settings?.timezone);
  const busy = useSettingsStore((state) => state.accountBusy);
  const test = useSettingsStore((state) => state.test);
  const connect = useSettingsStore((state) => state.connect);
  const [api, setApi] = useState<'v1' | 'v2'>(account?.api ?? 'v2');
  const [uid, setUid] = useState(account?.uid ?? '');
  const [apiKey, setApiKey] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [missing, setMissing] = useState<string | null>(null);

  const input = () => ({
    api,
    uid: uid.trim(),
    ...(baseUrl.trim() ? { baseUrl: baseUrl.trim() } : {}),
    ...(timezone ? { timezone } : {}),
  });

  const check = (needKey: boolean): boolean => {
    const problem = !uid.trim()
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
    if (!check(!account)) return;
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
        <select value="hotprospector" disabled aria-describedby="provider-hint">
          <option value="hotprospector">Hot Prospector</option>
        </select>
        <small id="provider-hint" className="muted">
          Hipcall, CallHub and Callingly are coming later.
        </small>
      </label>
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
      <label className="field">
        <span>API key</span>
        <input
          type="password"
          value={apiKey}
          onChange={(event) => setApiKey(event.target.value)}
          autoComplete="off"
          maxLength={512}
          placeholder={account ? '•••• saved' : ''}
          aria-describedby="key-hint"
        />
        <small id="key-hint" className="muted">
          {account
            ? 'A key is saved. Leave blank to test the saved key; type a new one to replace it.'
            : 'Stored encrypted on this computer and never shown again.'}
        </small>
      </label>
      <label className="field">
        <span>API address (optional)</span>
        <input
          value={baseUrl}
          onChange={(event) => setBaseUrl(event.target.value)}
          autoComplete="off"
          placeholder={account?.baseUrl ?? 'The documented Hot Prospector address'}
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
