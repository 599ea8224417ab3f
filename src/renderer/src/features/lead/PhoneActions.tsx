import { useState } from 'react';
import { bridge } from '../../bridge';
import { Alert } from '../../components/Alert';
import { messageOf } from '../../lib/errors';
import { dialHref } from '../../lib/links';
import { phoneForPeople } from '../../lib/phone-display';
import { useSettingsStore } from '../../state/settings-store';
import { useProviderName, useWorkspaceStore } from '../../state/workspace-store';

interface PhoneActionsProps {
  leadId: string;
  label: string;
  phone: string;
  /** Tagged Do Not Call or unsubscribed: dialling needs an explicit override, which is logged. */
  doNotCall: boolean;
}

/**
 * Click-to-call through the scheme the agent's softphone registered (tel:, sip:, callto:).
 * The number reads nationally for the account's country and internationally otherwise, and is
 * dialled and copied as E.164; text where a number should be is marked and never dialled.
 * Where the provider places calls itself (`call.start`), "Call with <provider>" asks it to ring
 * the agent and then the lead, and says what came of it. A do-not-call lead is dialled only
 * after "Call anyway", and that override is written on the lead as a note first.
 */
export function PhoneActions({ leadId, label, phone: raw, doNotCall }: PhoneActionsProps) {
  const region = useWorkspaceStore((state) => state.overview?.account.region ?? null);
  const shown = phoneForPeople(raw, region);
  const [override, setOverride] = useState<'none' | 'asking' | 'logging' | 'granted'>('none');
  const [overrideError, setOverrideError] = useState<string | null>(null);
  const blocked = doNotCall && override !== 'granted';
  const phone = shown.kind === 'number' ? shown.e164 : raw;
  const scheme = useSettingsStore((state) => state.settings?.dialScheme ?? 'tel');
  // Offered only once the overview has said the provider declares it.
  const providerCalls = useWorkspaceStore((state) => state.provider?.capabilities.has('call.start') ?? false);
  const providerName = useProviderName();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const [call, setCall] = useState<{ state: 'idle' | 'calling' | 'ringing' | 'failed'; message: string | null }>({
    state: 'idle',
    message: null,
  });
  const href = blocked || shown.kind !== 'number' ? null : dialHref(phone, scheme);

  const logOverride = async () => {
    setOverride('logging');
    setOverrideError(null);
    try {
      await bridge.invoke('lead.note', {
        leadId,
        text: `Do-not-call override: the agent chose to call this lead's ${label.toLowerCase()} (${phone}) anyway.`,
      });
      setOverride('granted');
    } catch (error) {
      // No log, no call: the override stands only once it is written down.
      setOverride('asking');
      setOverrideError(messageOf(error));
    }
  };

  const callWithProvider = async () => {
    setCall({ state: 'calling', message: null });
    try {
      const { message } = await bridge.invoke('lead.call', { leadId, phone });
      setCall({ state: 'ringing', message });
    } catch (error) {
      setCall({ state: 'failed', message: messageOf(error) });
    }
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(phone);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
    setTimeout(() => setCopied(null), 2500);
  };

  if (shown.kind === 'junk') {
    return (
      <div className="phone">
        <span className="phone-label">{label}</span>
        <span className="pill pill-warn">Not a phone number</span>
        <span className="muted small">“{shown.text}”</span>
      </div>
    );
  }

  return (
    <div className="phone">
      <span className="phone-label">{label}</span>
      <span className="phone-number mono">{shown.display}</span>
      {href ? (
        <a className="button primary" href={href} aria-label={`Call ${label.toLowerCase()} ${phone}`}>
          Call
        </a>
      ) : blocked ? (
        <>
          <span className="pill pill-warn">Do not call</span>
          {override === 'none' && (
            <button type="button" onClick={() => setOverride('asking')}>
              Call anyway…
            </button>
          )}
        </>
      ) : (
        <span className="muted small">Not a dialable number</span>
      )}
      {blocked && override !== 'none' && (
        <div role="group" aria-label="Do-not-call override" className="dnc-override small">
          <span>This lead asked not to be called. Calling anyway is noted on the lead.</span>
          <button type="button" className="danger" onClick={() => void logOverride()} disabled={override === 'logging'}>
            {override === 'logging' ? 'Noting…' : 'Note it and call'}
          </button>
          <button type="button" onClick={() => setOverride('none')} disabled={override === 'logging'}>
            Cancel
          </button>
          {overrideError && <Alert message={overrideError} />}
        </div>
      )}
      {providerCalls && !blocked && (
        <button
          type="button"
          onClick={() => void callWithProvider()}
          disabled={call.state === 'calling'}
          aria-label={`Call ${label.toLowerCase()} ${phone} with ${providerName}`}
        >
          {call.state === 'calling' ? `Calling with ${providerName}…` : `Call with ${providerName}`}
        </button>
      )}
      <button type="button" onClick={() => void copy()} aria-label={`Copy ${label.toLowerCase()} number`}>
        Copy
      </button>
      {call.state === 'ringing' && (
        <span role="status" className="small">
          {call.message}
        </span>
      )}
      {call.state === 'failed' && <Alert message={call.message} className="phone-call-error" />}
      {copied && (
        <span role="status" className="small muted">
          {copied === 'yes' ? 'Copied' : 'Could not copy'}
        </span>
      )}
    </div>
  );
}
