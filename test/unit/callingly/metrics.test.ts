import { describe, expect, it } from 'vitest';
import {
  CALLINGLY_UNDERIVED_METRICS,
  deriveDayMetrics,
  type CallinglyAgent,
  type CallinglyCall,
} from '../../../src/core/providers/callingly';
import { dashboardSchema } from '../../../src/shared/domain';

/** providers.md 3.7 and issue 10: a day's figures per agent, derived from that day's calls. */

const ZONE = 'America/Phoenix';

function call(
  id: string,
  agentId: string | null,
  at: string,
  fields: {
    direction?: 'inbound' | 'outbound' | null;
    status?: string;
    seconds?: number | null;
    disposition?: string | null;
  } = {},
): CallinglyCall {
  return {
    activity: {
      id,
      leadId: 'L',
      kind: 'call',
      direction: fields.direction === undefined ? 'outbound' : fields.direction,
      at,
      durationSec: fields.seconds === undefined ? 60 : fields.seconds,
      status: fields.status ?? 'completed',
      from: '',
      to: '',
      text: null,
      recordingUrl: null,
    },
    transcript: null,
    agentId,
    agentName: agentId === null ? null : 'Name From Call',
    agentEmail: agentId === null ? null : `${agentId}@example.com`,
    teamId: null,
    disposition: fields.disposition ?? null,
    voicemail: fields.status === 'voicemail',
  };
}

const AGENTS: CallinglyAgent[] = [
  {
    id: '1',
    name: 'Ana Ruiz',
    phone: '+16025550110',
    timezone: ZONE,
    doNotDisturb: false,
    doNotDisturbUntil: null,
    available: true,
  },
  {
    id: '2',
    name: 'Ben Cho',
    phone: '+16025550111',
    timezone: ZONE,
    doNotDisturb: false,
    doNotDisturbUntil: null,
    available: true,
  },
];

describe('deriveDayMetrics', () => {
  // 2026-06-23 in Phoenix (UTC−7) runs from 07:00Z on the 23rd to 07:00Z on the 24th.
  const calls = [
    call('a', '1', '2026-06-23T16:00:00.000Z', { seconds: 120, disposition: 'Contacted' }),
    call('b', '1', '2026-06-23T17:00:00.000Z', { status: 'missed', seconds: 0 }),
    call('c', '1', '2026-06-23T18:00:00.000Z', { status: 'voicemail', seconds: 30, direction: 'inbound' }),
    call('d', '1', '2026-06-23T19:00:00.000Z', { status: 'unknown', seconds: null, direction: 'inbound' }),
    call('e', '1', '2026-06-23T20:00:00.000Z', { seconds: 0 }),
    // 23:30 on the 23rd in Phoenix, already the 24th in UTC: still that day.
    call('f', '1', '2026-06-24T06:30:00.000Z', { seconds: 60, disposition: 'Voicemail' }),
    // 23:30 on the 22nd in Phoenix: another day.
    call('g', '1', '2026-06-23T06:30:00.000Z'),
    call('h', null, '2026-06-23T16:00:00.000Z'),
    call('a', '1', '2026-06-23T16:00:00.000Z', { seconds: 120, disposition: 'Contacted' }),
  ];

  it('counts every call of the agent that day, whatever its status, in the account zone', () => {
    const dashboard = deriveDayMetrics('2026-06-23', calls, AGENTS, ZONE);
    expect(dashboardSchema.parse(dashboard)).toEqual(dashboard);
    const ana = dashboard.agents.find((a) => a.agentId === '1');
    expect(ana).toEqual({
      agentId: '1',
      agentName: 'Ana Ruiz',
      agentEmail: '1@example.com',
      outboundCalls: 4,
      inboundCalls: 2,
      answeredCalls: 2,
      hangups: 1,
      answerRate: 0.3333,
      conversations: 1,
      conversionRate: 0.5,
      talkMinutes: 3.5,
      loggedInSec: 0,
      prospects: 0,
      appointments: 0,
      sms: 0,
      dispositions: [
        { title: 'Contacted', count: 1 },
        { title: 'Voicemail', count: 1 },
      ],
      firstCall: '2026-06-23T16:00:00.000Z',
      lastCall: '2026-06-24T06:30:00.000Z',
    });
  });

  it('gives every listed agent a row, and names agents seen only in calls from the call', () => {
    const dashboard = deriveDayMetrics(
      '2026-06-23',
      [...calls, call('z', '9', '2026-06-23T16:00:00.000Z')],
      AGENTS,
      ZONE,
    );
    expect(dashboard.date).toBe('2026-06-23');
    expect(dashboard.agents.map((a) => [a.agentId, a.agentName, a.outboundCalls + a.inboundCalls])).toEqual([
      ['1', 'Ana Ruiz', 6],
      ['2', 'Ben Cho', 0],
      ['9', 'Name From Call', 1],
    ]);
  });

  it('lists what it cannot derive, for the UI to hide', () => {
    expect(CALLINGLY_UNDERIVED_METRICS).toEqual(['loggedInSec', 'prospects', 'appointments', 'sms']);
  });
});
