import type { AgentMetrics } from '../../../../shared/domain';
import { useTrayStore } from './tray-store';

/** "Who am I": picks the agent whose figures are mine (matched by e-mail otherwise). */
export function WhoAmI({ agents, label = 'Who are you?' }: { agents: readonly AgentMetrics[]; label?: string }) {
  const settings = useTrayStore((state) => state.settings);
  const update = useTrayStore((state) => state.updateSettings);
  const current = settings?.agent.agentId ?? '';
  const sorted = [...agents].sort((a, b) => a.agentName.localeCompare(b.agentName));

  return (
    <label className="field">
      <span>{label}</span>
      <select
        value={sorted.some((agent) => agent.agentId === current) ? current : ''}
        onChange={(event) =>
          void update(
            { agent: { agentId: event.target.value === '' ? null : event.target.value } },
            event.target.value === '' ? 'You are matched by e-mail again.' : 'Saved: these are your figures now.',
          )
        }
      >
        <option value="">{settings?.agent.email ? `Match ${settings.agent.email}` : 'Choose yourself…'}</option>
        {sorted.map((agent) => (
          <option key={agent.agentId} value={agent.agentId}>
            {agent.agentName}
            {agent.agentEmail ? ` (${agent.agentEmail})` : ''}
          </option>
        ))}
      </select>
    </label>
  );
}
