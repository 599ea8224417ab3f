import { describe, expect, it } from 'vitest';
import {
  getDashboardMemberDatabyCampaign,
  getMemberDashboardData,
} from '../../../src/core/providers/hotprospector/methods/dashboard';
import { interpretAnswer } from '../../../src/core/providers/hotprospector/methods';
import { contextFor, errorOf, readFixture } from './support/fixtures';

/** Both docs' getMemberDashboardData agent row has the same figures. */
const JOHN_DOE = {
  agentId: '1',
  agentName: 'John Doe',
  agentEmail: 'abc@example.com',
  outboundCalls: 250,
  inboundCalls: 20,
  answeredCalls: 110,
  hangups: 15,
  answerRate: 0.44,
  conversations: 18,
  conversionRate: 0.1636,
  talkMinutes: 280,
  loggedInSec: 29732,
  prospects: 3,
  appointments: 2,
  sms: 5,
  details: {
    gapTimeSec: 2712,
    averageCallGapSec: 62,
    averageOutboundSec: 320,
    averageInboundSec: 315,
    averageMinutes: 35,
    answersPerHour: 14,
    prospectsWeekly: 4,
    appointmentsWeekly: 3,
    abr: 12.5,
  },
};

describe('member dashboard', () => {
  it('reads the V1 example: "44 %" → 0.44, "08h :15m :32s" → 29732 s, "16.36 %" → 0.1636', () => {
    expect(readFixture(getMemberDashboardData, 'v1', 'getMemberDashboardData.success', {})).toEqual({
      date: '2026-05-15',
      lastUpdated: '2026-05-15T19:00:00.000Z',
      agents: [
        {
          ...JOHN_DOE,
          dispositions: [],
          firstCall: '2026-05-15T16:01:00.000Z',
          lastCall: '2026-05-16T00:12:00.000Z',
        },
      ],
    });
  });

  it('reads the V2 example with its disposition map', () => {
    expect(readFixture(getMemberDashboardData, 'v2', 'getMemberDashboardData.success', { date: '2026-06-23' })).toEqual(
      {
        date: '2026-06-23',
        lastUpdated: '2026-06-23T19:46:00.000Z',
        agents: [
          {
            ...JOHN_DOE,
            dispositions: [],
            firstCall: '2026-06-23T16:01:00.000Z',
            lastCall: '2026-06-24T00:12:00.000Z',
          },
        ],
      },
    );
    const byCampaign = readFixture(getDashboardMemberDatabyCampaign, 'v2', 'getDashboardMemberDatabyCampaign.success', {
      campaignId: '11111',
    });
    expect(byCampaign.agents[0]?.dispositions).toEqual([
      { title: 'Hot Lead', count: 3 },
      { title: 'Not Interested', count: 5 },
    ]);
    expect(byCampaign.agents[0]?.answerRate).toBe(0.44);
  });

  it('reads the V1 campaign example: other duration spellings, a disposition list, no last_updated', () => {
    const board = readFixture(getDashboardMemberDatabyCampaign, 'v1', 'getDashboardMemberDatabyCampaign.success', {
      campaignId: '12345',
      date: '2026-05-15',
    });
    expect(board.date).toBe('2026-05-15');
    expect(board.lastUpdated).toBeNull();
    expect(board.agents).toEqual([
      {
        agentId: '101',
        agentName: 'Michael Jordan',
        agentEmail: 'michael.jordan@example.com',
        outboundCalls: 175,
        inboundCalls: 9,
        answeredCalls: 72,
        hangups: 48,
        answerRate: 0.38,
        conversations: 19,
        conversionRate: 0.2631,
        talkMinutes: 240,
        loggedInSec: 18630,
        prospects: 6,
        appointments: 4,
        sms: 5,
        dispositions: [
          { title: 'Call Back', count: 2 },
          { title: 'No Answer', count: 18 },
          { title: 'Not Interested', count: 2 },
        ],
        firstCall: '2026-05-15T15:15:00.000Z',
        lastCall: '2026-05-15T23:10:00.000Z',
        details: {
          gapTimeSec: 4810,
          averageCallGapSec: 70,
          averageOutboundSec: 170,
          averageInboundSec: 270,
          averageMinutes: 45,
          answersPerHour: 13,
          prospectsWeekly: 12,
          appointmentsWeekly: 8,
          abr: 32.1,
        },
      },
    ]);
  });

  it('rejects a figure that is not a number, naming the place', () => {
    const body = { response: 'true', date: '2026-06-23', results: [{ agentId: '1', answer_rate: 'high' }] };
    const error = errorOf(() =>
      interpretAnswer(getMemberDashboardData, body, {}, contextFor('getMemberDashboardData')),
    );
    expect(error).toEqual({
      code: 'malformed',
      message:
        'Hot Prospector answered getMemberDashboardData in a shape Callside cannot read: results[0].answer_rate is not a percentage.',
    });
  });

  it('rejects a report date that is no day', () => {
    const body = { response: 'true', date: 'today', results: [] };
    expect(
      errorOf(() => interpretAnswer(getMemberDashboardData, body, {}, contextFor('getMemberDashboardData'))).code,
    ).toBe('malformed');
  });
});
