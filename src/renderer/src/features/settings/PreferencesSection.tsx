import { useMemo } from 'react';
import { DEFAULT_TIMEZONE } from '../../../../shared/domain';
import type { DialScheme } from '../../lib/types';
import { useSettingsStore } from '../../state/settings-store';
import { useProviderName } from '../../state/workspace-store';

const SCHEMES: Array<{ value: DialScheme; label: string; hint: string }> = [
  { value: 'tel', label: 'tel:', hint: 'the phone app your system opens for calls' },
  { value: 'sip', label: 'sip:', hint: 'a SIP softphone' },
  { value: 'callto', label: 'callto:', hint: 'Skype-style dialers' },
];

function timeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes(current) ? zones : [current, ...zones];
}

export function PreferencesSection() {
  const settings = useSettingsStore((state) => state.settings);
  const notice = useSettingsStore((state) => state.saveNotice);
  const update = useSettingsStore((state) => state.update);
  const timezone = settings?.timezone ?? DEFAULT_TIMEZONE;
  const zones = useMemo(() => timeZones(timezone), [timezone]);
  const providerName = useProviderName();

  return (
    <section className="card settings-card" aria-labelledby="prefs-title">
      <h2 id="prefs-title">Calling and time</h2>
      <label className="field">
        <span>Time zone</span>
        <select value={timezone} onChange={(event) => void update({ timezone: event.target.value })}>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replace(/_/g, ' ')}
            </option>
          ))}
        </select>
        <small className="muted">
          Times from {providerName} without a zone are read in this zone, and every time is shown in it.
        </small>
      </label>
      <fieldset className="radio-list">
        <legend>Click-to-call link</legend>
        {SCHEMES.map((scheme) => (
          <label key={scheme.value}>
            <input
              type="radio"
              name="dial-scheme"
              checked={settings?.dialScheme === scheme.value}
              onChange={() => void update({ dialScheme: scheme.value })}
            />
            <span className="mono">{scheme.label}</span> <span className="muted">{scheme.hint}</span>
          </label>
        ))}
      </fieldset>
      {notice && (
        <p role={notice.ok ? 'status' : 'alert'} className={notice.ok ? 'notice-ok' : 'alert'}>
          {notice.message}
        </p>
      )}
    </section>
  );
}
