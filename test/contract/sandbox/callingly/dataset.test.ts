import { afterEach, describe, expect, it } from 'vitest';
import { generateCallinglyDataset, type CallinglySandbox } from '../../../../src/sandbox';
import { api, NOW, startCallingly, TODAY } from './helpers';

const DAY = 86_400_000;
/** Midnight starting 2026-06-23 in Phoenix. */
const TODAY_START = Date.parse('2026-06-23T07:00:00Z');

describe('Callingly simulator: the seeded account', () => {
  let sb: CallinglySandbox | undefined;
  afterEach(async () => {
    await sb?.close();
    sb = undefined;
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const a = generateCallinglyDataset({ seed: 3, now: NOW });
    expect(JSON.stringify(generateCallinglyDataset({ seed: 3, now: NOW }))).toBe(JSON.stringify(a));
    const c = generateCallinglyDataset({ seed: 4, now: NOW });
    expect(c.leads.map((l) => l.fname)).not.toEqual(a.leads.map((l) => l.fname));
  });

  it('answers byte-for-byte the same over HTTP for the same seed', async () => {
    const bodies = async (): Promise<string[]> => {
      sb = await startCallingly({ seed: 12 });
      const out: string[] = [];
      for (const path of ['/agents', '/teams', `/leads?start=2026-06-01&end=${TODAY}`, `/calls?limit=50`]) {
        out.push((await api(sb, path)).text);
      }
      await sb.close();
      sb = undefined;
      return out;
    };
    expect(await bodies()).toEqual(await bodies());
  });

  it('has 2-3 teams, 5-8 agents, ~300 leads over two years, 0-6 calls each, nothing after now', () => {
    const d = generateCallinglyDataset({ now: NOW });
    expect(d.timeZone).toBe('America/Phoenix');
    expect(d.teams.length).toBeGreaterThanOrEqual(2);
    expect(d.teams.length).toBeLessThanOrEqual(3);
    expect(d.agents.length).toBeGreaterThanOrEqual(5);
    expect(d.agents.length).toBeLessThanOrEqual(8);
    expect(d.leads).toHaveLength(300);
    const oldest = Math.min(...d.leads.map((l) => l.createdAt));
    expect(oldest).toBeLessThan(NOW.getTime() - 600 * DAY);
    expect(oldest).toBeGreaterThan(NOW.getTime() - 732 * DAY);
    const perLead = new Map<number, number>();
    for (const c of d.calls) perLead.set(c.leadId, (perLead.get(c.leadId) ?? 0) + 1);
    expect(Math.max(...perLead.values())).toBeLessThanOrEqual(6);
    expect(d.leads.some((l) => !perLead.has(l.id))).toBe(true);
    for (const c of d.calls) expect(c.at).toBeLessThanOrEqual(NOW.getTime());
    for (const l of d.leads) expect(l.createdAt).toBeLessThanOrEqual(NOW.getTime());
    const outcomes = new Set(d.calls.map((c) => `${c.direction}:${c.outcome}`));
    for (const o of [
      'outbound:contacted',
      'outbound:voicemail',
      'outbound:missed',
      'inbound:inbound-answered',
      'inbound:inbound-missed',
    ])
      expect(outcomes.has(o), o).toBe(true);
    // Recordings on answered calls only; transcripts on some of them.
    for (const c of d.calls) if (c.seconds === 0) expect(c.recording).toBeNull();
    expect(d.calls.filter((c) => c.transcript).length).toBeGreaterThan(20);
  });

  it('puts a busy today in the account zone: new leads since the morning and calls for every agent', () => {
    const d = generateCallinglyDataset({ now: NOW });
    const todays = d.calls.filter((c) => c.at >= TODAY_START);
    expect(todays.length).toBeGreaterThan(20);
    const leadsToday = d.leads.filter((l) => l.createdAt >= TODAY_START);
    expect(leadsToday.length).toBeGreaterThanOrEqual(6);
    for (const l of leadsToday) expect(l.createdAt).toBeGreaterThanOrEqual(TODAY_START + 7 * 3_600_000);
    const agentsToday = new Set(todays.map((c) => c.agentId));
    expect(agentsToday.size).toBe(d.agents.length);
    expect(new Set(todays.map((c) => c.direction))).toEqual(new Set(['inbound', 'outbound']));
    expect(todays.some((c) => c.seconds > 0) && todays.some((c) => c.seconds === 0)).toBe(true);
  });

  it('keeps the hostile text to two fixture leads', () => {
    const d = generateCallinglyDataset({ now: NOW });
    const odd = d.leads.filter((l) => /[<>]/.test(`${l.fname} ${l.lname} ${l.company ?? ''}`));
    expect(odd.map((l) => l.id)).toEqual([d.fixtures.scriptLeadId]);
    expect(d.leads.find((l) => l.id === d.fixtures.nonAsciiLeadId)?.fname).toBe('Zoë');
  });
});
