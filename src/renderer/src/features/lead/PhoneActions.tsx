import { useState } from 'react';
import { bridge } from '../../bridge';
import { Alert } from '../../components/Alert';
import { messageOf } from '../../lib/errors';
import { dialHref } from '../../lib/links';
import { useSettingsStore } from '../../state/settings-store';
import { useProviderName, useWorkspaceStore } from '../../state/workspace-store';

interface PhoneActionsProps {
  leadId: string;
  label: string;
  phone: string;
  disabled: boolean;
}

/**
 * Click-to-call through the scheme the agent's softphone registered (tel:, sip:, callto:).
 * Only an E.164 number becomes a link; anything else stays text the agent can still copy.
 * Where the provider places calls itself (`call.start`), "Call with <provider>" asks it to ring
 * the agent and then the lead, and says what came of it.
 */
export function PhoneActions({ leadId, label, phone, disabled }: PhoneActionsProps) {
  const scheme = useSettingsStore((state) => state.settings?.dialScheme ?? 'tel');
  // Offered only once the overview has said the provider declares it.
  const providerCalls = useWorkspaceStore((state) => state.provider?.capabilities.has('call.start') ?? false);
  const providerName = useProviderName();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const [call, setCall] = useState<{ state: 'idle' | 'calling' | 'ringing' | 'failed'; message: string | null }>({
    state: 'idle',
    message: null,
  });
  const href = disabled ? null : dialHref(phone, scheme);

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

  return (
    <div className="phone">
      <span className="phone-label">{label}</span>
      <span className="phone-number mono">{phone}</span>
      {href ? (
        <a className="button primary" href={href} aria-label={`Call ${label.toLowerCase()} ${phone}`}>
          Call
        </a>
      ) : (
        <span className="muted small">{disabled ? 'Unsubscribed' : 'Not a dialable number'}</span>
      )}
      {providerCalls && !disabled && (
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
