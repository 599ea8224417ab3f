import type { AgentStatus } from '../../../../shared/contract/tray-schemas';
import { useCapability } from '../../state/workspace-store';
import { clockTime } from './metric-format';
import { useTrayStore } from './tray-store';

/** An agent's state as the provider keeps it, in words: "Available", "Busy", "Do not disturb until 3:00 PM". */
export function statusText(agent: AgentStatus, timeZone: string): string {
  if (agent.doNotDisturb) {
    return agent.doNotDisturbUntil
      ? `Do not disturb until ${clockTime(agent.doNotDisturbUntil, timeZone)}`
      : 'Do not disturb';
  }
  if (agent.available === true) return 'Available';
  if (agent.available === false) return 'Busy';
  return 'No status given';
}

/** One agent's state, read only: where the provider lets Callside read it but not set it. */
function StatusRow({ agent, timeZone }: { agent: AgentStatus; timeZone: string }) {
  const state = statusText(agent, timeZone);
  return (
    <p className="tray-status-row">
      <span className="tray-status-name">{agent.name}</span> — <span className="tray-status-state">{state}</span>
    </p>
  );
}

function DndSwitch({
  agent,
  label,
  text,
  timeZone,
}: {
  agent: AgentStatus;
  /** The switch's accessible name. */
  label: string;
  /** What the row shows beside it (the agent's name in the per-agent list). */
  text: string;
  timeZone: string;
}) {
  const busy = useTrayStore((state) => state.dndBusy === agent.agentId);
  const anyBusy = useTrayStore((state) => state.dndBusy !== null);
  const setDoNotDisturb = useTrayStore((state) => state.setDoNotDisturb);
  return (
    <div className="tray-dnd-row">
      <button
        type="button"
        role="switch"
        className="tray-dnd-switch"
        aria-checked={agent.doNotDisturb}
        aria-label={label}
        disabled={anyBusy}
        onClick={() => void setDoNotDisturb(agent.agentId, !agent.doNotDisturb)}
      >
        <span className="tray-dnd-knob" aria-hidden="true" />
      </button>
      <span className="tray-dnd-text" aria-hidden="true">
        {text}
        <span className="small muted">
          {' '}
          {busy
            ? 'Saving…'
            : agent.doNotDisturb
              ? agent.doNotDisturbUntil
                ? `On until ${clockTime(agent.doNotDisturbUntil, timeZone)}`
                : 'On'
              : 'Off'}
        </span>
      </span>
    </div>
  );
}

/**
 * Do-not-disturb at the provider (capability `agent.status.write`): one switch for the agent
 * picked under "Who are you?", or one per agent until someone is picked. Where the provider
 * lets Callside read agent status but not set it (`agent.status.read` alone, CallHub), each
 * agent's state as text instead, with no switch. Not shown at all where it keeps none.
 */
export function DoNotDisturb({ meId, timeZone }: { meId: string | null; timeZone: string }) {
  const load = useTrayStore((state) => state.agentStatus);
  const notice = useTrayStore((state) => state.dndNotice);
  const canRead = useCapability('agent.status.read');
  const canWrite = useCapability('agent.status.write');
  const status = 'value' in load ? load.value : undefined;
  if (!status?.supported || status.agents.length === 0 || (!canRead && !canWrite)) return null;
  const me = meId ? status.agents.find((agent) => agent.agentId === meId) : undefined;

  if (!canWrite) {
    const shown = me ? [me] : [...status.agents].sort((a, b) => a.name.localeCompare(b.name));
    return (
      <section className="tray-dnd tray-status" aria-label={`Agent status in ${status.provider}`}>
        <p className="small muted">Agent status in {status.provider}, as it reports it:</p>
        <ul className="tray-dnd-list" aria-label="Agent status">
          {shown.map((agent) => (
            <li key={agent.agentId}>
              <StatusRow agent={agent} timeZone={timeZone} />
            </li>
          ))}
        </ul>
      </section>
    );
  }

  return (
    <section className="tray-dnd" aria-label={`Do not disturb in ${status.provider}`}>
      {me ? (
        <DndSwitch agent={me} label="Do not disturb" text="Do not disturb" timeZone={timeZone} />
      ) : (
        <>
          <p className="small muted">Do not disturb in {status.provider}, per agent:</p>
          <ul className="tray-dnd-list" aria-label="Do not disturb per agent">
            {[...status.agents]
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((agent) => (
                <li key={agent.agentId}>
                  <DndSwitch
                    agent={agent}
                    label={`Do not disturb: ${agent.name}`}
                    text={agent.name}
                    timeZone={timeZone}
                  />
                </li>
              ))}
          </ul>
        </>
      )}
      {notice && (
        <p role={notice.ok ? 'status' : 'alert'} className={notice.ok ? 'small muted' : 'alert'}>
          {notice.message}
        </p>
      )}
    </section>
  );
}
