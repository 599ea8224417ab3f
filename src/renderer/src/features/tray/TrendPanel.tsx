import type { MetricsTrend } from '../../../../shared/contract/tray-schemas';
import { countText, dayLabel, METRIC_LABELS, shortDay, type CountMetric } from './metric-format';
import { useTrayStore } from './tray-store';

const TREND_METRICS: CountMetric[] = [
  'outboundCalls',
  'inboundCalls',
  'answeredCalls',
  'conversations',
  'talkMinutes',
  'appointments',
  'prospects',
  'sms',
];

const NONE: readonly string[] = [];

/** My last seven days, one bar per day; a bar opens that day on the Today tab. */
export function TrendPanel({ trend }: { trend: MetricsTrend }) {
  const metric = useTrayStore((state) => state.trendMetric);
  const setMetric = useTrayStore((state) => state.setTrendMetric);
  // The board says which figures the provider cannot give; the trend leaves them out too.
  const hidden = useTrayStore((state) => ('value' in state.board ? state.board.value?.hidden : undefined) ?? NONE);
  const offered = TREND_METRICS.filter((m) => !hidden.includes(m));
  const selectDate = useTrayStore((state) => state.selectDate);
  const goal = useTrayStore((state) => (metric === 'inboundCalls' ? 0 : (state.settings?.goals[metric] ?? 0)));
  const values = trend.days.map((day) => (day.me ? day.me[metric] : 0));
  const top = Math.max(1, goal, ...values);

  return (
    <div className="tray-panel-body">
      <label className="field tray-inline-field">
        <span>Trend of</span>
        <select value={metric} onChange={(event) => setMetric(event.target.value as CountMetric)}>
          {offered.map((m) => (
            <option key={m} value={m}>
              {METRIC_LABELS[m]}
            </option>
          ))}
        </select>
      </label>
      {!trend.meMatched && <p className="muted small">Pick yourself on the Today tab to see your trend.</p>}
      <ol className="tray-bars" aria-label={`${METRIC_LABELS[metric]}, last ${trend.days.length} days`}>
        {trend.days.map((day, index) => {
          const value = values[index] ?? 0;
          const known = day.source !== 'none';
          // Named by what it shows ("12 Sun 16"), so an agent who says or types the visible
          // label reaches it (label in name); the unit and full date follow, for listeners only.
          // The spaces between the spans keep "12" and "Sun 16" apart in the name.
          return (
            <li key={day.date}>
              <button type="button" className="tray-bar" onClick={() => selectDate(day.date)}>
                <span className="tray-bar-value">{known ? value : '–'}</span>{' '}
                <span className="tray-bar-track" aria-hidden="true">
                  <span
                    className={`tray-bar-fill${goal > 0 && value >= goal ? ' reached' : ''}`}
                    style={{ height: `${Math.round((value / top) * 100)}%` }}
                  />
                </span>{' '}
                <span className="tray-bar-day">{shortDay(day.date)}</span>
                <span className="visually-hidden">
                  {`: ${known ? countText(metric, value) : 'no figures'}, ${dayLabel(day.date, 'long')}`}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      {goal > 0 && <p className="muted small">Daily goal: {countText(metric, goal)}.</p>}
    </div>
  );
}
