import type { ClAgent, ClCall, ClDataset, ClLead, ClTeam } from './types';
import { localClock } from './time';

/**
 * The live Callingly account: the generated dataset plus indexes, and the few writes the API
 * allows (agent do-not-disturb and settings, lead deletion). Tests read it to check an effect.
 */

export class CallinglyState {
  readonly agentById = new Map<number, ClAgent>();
  readonly teamById = new Map<number, ClTeam>();
  readonly leadById = new Map<number, ClLead>();
  readonly callById = new Map<number, ClCall>();
  readonly callsByLead = new Map<number, ClCall[]>();

  constructor(readonly data: ClDataset) {
    for (const a of data.agents) this.agentById.set(a.id, a);
    for (const t of data.teams) this.teamById.set(t.id, t);
    for (const l of data.leads) this.leadById.set(l.id, l);
    for (const c of data.calls) {
      this.callById.set(c.id, c);
      const list = this.callsByLead.get(c.leadId);
      if (list) list.push(c);
      else this.callsByLead.set(c.leadId, [c]);
    }
  }

  /** Leads the API still lists (deleted ones are gone). */
  liveLeads(): ClLead[] {
    return this.data.leads.filter((l) => !l.deleted);
  }

  /** Do-not-disturb as the API reports it: on, and not past its end time. */
  dndActive(agent: ClAgent, now: number): boolean {
    return agent.donotdisturb && (agent.donotdisturbUntil === null || agent.donotdisturbUntil > now);
  }

  /** Whether the agent's weekly schedule has them on at `now`, in the agent's own zone. */
  available(agent: ClAgent, now: number): boolean {
    const { minutes, weekday } = localClock(now, agent.timezone);
    const day = agent.schedule.find((d) => d.day === weekday);
    if (!day?.isAvailable) return false;
    const toMinutes = (hms: string): number => {
      const [h = '0', m = '0'] = hms.split(':');
      return Number(h) * 60 + Number(m);
    };
    return day.times.some((t) => (t.start === 'allday' || minutes >= toMinutes(t.start)) && minutes < toMinutes(t.end));
  }
}
