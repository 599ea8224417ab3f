import { useState } from 'react';
import { dialHref } from '../../lib/links';
import { useSettingsStore } from '../../state/settings-store';

interface PhoneActionsProps {
  label: string;
  phone: string;
  disabled: boolean;
}

/**
 * Click-to-call through the scheme the agent's softphone registered (tel:, sip:, callto:).
 * Only an E.164 number becomes a link; anything else stays text the agent can still copy.
 */
export function PhoneActions({ label, phone, disabled }: PhoneActionsProps) {
  const scheme = useSettingsStore((state) => state.settings?.dialScheme ?? 'tel');
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const href = disabled ? null : dialHref(phone, scheme);

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
      <button type="button" onClick={() => void copy()} aria-label={`Copy ${label.toLowerCase()} number`}>
        Copy
      </button>
      {copied && (
        <span role="status" className="small muted">
          {copied === 'yes' ? 'Copied' : 'Could not copy'}
        </span>
      )}
    </div>
  );
}
