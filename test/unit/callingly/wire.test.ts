import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBody as decodeAny } from '../../../src/core/providers/http/decode';
import { readAgent, readTeam } from '../../../src/core/providers/callingly/wire/agents';
import { readCall } from '../../../src/core/providers/callingly/wire/calls';
import { readLead, readLeadPage } from '../../../src/core/providers/callingly/wire/leads';
import { readList, readObject, WireRow } from '../../../src/core/providers/callingly/wire/row';
import { readCallinglyTime, toAccountWallClock } from '../../../src/core/providers/callingly/wire/times';
import { transcriptTurns } from '../../../src/core/providers/callingly/wire/transcript';
import { CallsideError } from '../../../src/shared/errors';

/** Callingly's doc prints object-literal JSON: its transport reads leniently. */
const decodeBody = (text: string, contentType: string) => decodeAny(text, contentType, { lenient: true });

/**
 * The wire normalizers over the doc's own examples (test/fixtures/callingly, see INDEX.md for the
 * doc line of each), and over the variants the doc shows elsewhere.
 */

const ZONE = 'America/Phoenix';

function fixture(name: string): unknown {
  const text = readFileSync(new URL(`../../fixtures/callingly/${name}`, import.meta.url), 'utf8');
  const body = decodeBody(text, 'application/json');
  if (body.kind !== 'json') throw new Error(`${name} decoded as ${body.kind}`);
  return body.value;
}

function row(data: Record<string, unknown>, endpoint = 'GET /test'): WireRow {
  return new WireRow(endpoint, '', data);
}

function malformedFrom(run: () => unknown): CallsideError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CallsideError);
    expect((error as CallsideError).code).toBe('malformed');
    return error as CallsideError;
  }
  throw new Error('expected a malformed error');
}

describe('bodies as the doc prints them', () => {
  it('reads the object-literal examples leniently [CL:105, 110, 137]', () => {
    for (const name of ['calls.get.txt', 'calls.list.txt', 'webhooks.list.txt']) {
      const text = readFileSync(new URL(`../../fixtures/callingly/${name}`, import.meta.url), 'utf8');
      expect(() => JSON.parse(text)).toThrow();
      expect(decodeBody(text, 'application/json').kind).toBe('json');
    }
    expect(fixture('calls.list.txt')).toMatchObject({ data: [{ id: 12343, duration: '37s', member: [] }] });
    expect(fixture('webhooks.list.txt')).toHaveLength(2);
  });

  it('fails the examples with a missing quote or colon [CL:86, 91, 179]', () => {
    for (const name of ['agents.create.request.txt', 'agents.update.request.txt', 'webhooks.create.txt']) {
      const text = readFileSync(new URL(`../../fixtures/callingly/${name}`, import.meta.url), 'utf8');
      expect(decodeBody(text, 'application/json').kind, name).toBe('truncated');
    }
  });

  it('tells HTML, empty and cut-off bodies apart', () => {
    expect(decodeBody('<!DOCTYPE html><html><title>Login | Callingly</title></html>', 'text/html').kind).toBe('html');
    expect(decodeBody('  ', 'application/json').kind).toBe('empty');
    expect(decodeBody('[{"id": 1, "name": "Ma', 'application/json').kind).toBe('truncated');
  });
});

describe('envelopes', () => {
  it('reads a bare array, {data: [...]} and {agents: [...]} [CL:39, 110, 57]', () => {
    expect(readList(fixture('teams.list.json'), 'GET /teams').map(readTeam)).toEqual([
      { id: '123', title: 'Main Team' },
    ]);
    expect(readList(fixture('calls.list.txt'), 'GET /calls').map((r) => r.id('id'))).toEqual(['12343']);
    expect(
      readList(fixture('teams.agents.list.json'), 'GET /teams/1/agents', ['agents']).map((r) => r.id('id')),
    ).toEqual(['1', '2', '3']);
    expect(readList({}, 'GET /teams')).toEqual([]);
  });

  it('names Callingly and the endpoint when the answer is no list', () => {
    const error = malformedFrom(() => readList({ message: 'Server Error' }, 'GET /agents'));
    expect(error.message).toContain('Callingly');
    expect(error.message).toContain('GET /agents');
  });

  it('reads `[]` where an object is expected as absent', () => {
    expect(readObject([], 'GET /leads/1')).toBeNull();
    expect(row({ team: [] }).child('team')).toBeNull();
    const lead = readLead(row({ id: 9, fname: 'A', team: [], lead_owner: [] }), ZONE);
    expect(lead.groupIds).toEqual([]);
    expect(lead.customFields).toEqual({});
  });
});

describe('leads [CL:121, 126]', () => {
  const docLead = {
    id: '1',
    provider: 'callingly',
    firstName: 'Test',
    lastName: 'Lead',
    email: 'test@lead.com',
    phone: '+14801234567',
    mobile: '',
    company: 'Callingly',
    website: '',
    city: '',
    state: '',
    zip: '',
    address: '',
    countryCode: '',
    groupIds: ['1'],
    tags: [],
    unsubscribed: false,
  };

  it('maps the list example, its owner and its embedded calls', () => {
    const page = readLeadPage(readList(fixture('leads.list.json'), 'GET /leads'), ZONE);
    expect(page.leads).toEqual([
      {
        ...docLead,
        customFields: {
          source: 'Webhook',
          status: 'missed',
          // "06/13/24 3:48pm MST": MST is UTC−7.
          scheduledCallAt: '2024-06-13T22:48:00.000Z',
          leadOwner: 'Bartholome Wilkinson',
        },
      },
    ]);
    expect(page.activities).toEqual([
      {
        id: '1',
        leadId: '1',
        kind: 'call',
        direction: 'outbound',
        // "2024-06-03 23:57:04" on Phoenix's wall clock.
        at: '2024-06-04T06:57:04.000Z',
        durationSec: 0,
        status: 'unknown',
        from: '',
        to: '+14801234567',
        text: null,
        recordingUrl: null,
      },
    ]);
  });

  it('maps the detail example, which has no calls and no owner', () => {
    const detail = readObject(fixture('leads.get.json'), 'GET /leads/1');
    expect(detail && readLead(detail, ZONE)).toEqual({
      ...docLead,
      customFields: { source: 'Webhook', status: 'missed', scheduledCallAt: '2024-06-13T22:48:00.000Z' },
    });
  });

  it('reads an abbreviation as its fixed offset whatever the account zone', () => {
    const lead = readLead(row({ id: 1, scheduled_call_at: '06/13/24 3:48pm MST' }), 'America/Denver');
    expect(lead.customFields.scheduledCallAt).toBe('2024-06-13T22:48:00.000Z');
    expect(readCallinglyTime('06/13/24 3:48pm MDT', ZONE)).toBe('2024-06-13T21:48:00.000Z');
    expect(readCallinglyTime('06/13/24 3:48pm GMT+2', ZONE)).toBe('2024-06-13T13:48:00.000Z');
  });

  it('accepts tags as strings and as {id, name}; a tag is known by its name, so both spellings are one tag', () => {
    const lead = readLead(row({ id: 1, tags: ['Hot', { id: 7, name: 'Solar' }, { id: 9 }] }), ZONE);
    expect(lead.tags).toEqual([
      { id: 'Hot', title: 'Hot' },
      { id: 'Solar', title: 'Solar' },
      { id: '9', title: '9' },
    ]);
    const other = readLead(row({ id: 2, tags: [{ id: 71, name: 'Hot' }] }), ZONE);
    expect(other.tags).toEqual([{ id: 'Hot', title: 'Hot' }]);
  });

  it('turns ids given as numbers or text into strings, and national numbers into +1', () => {
    const lead = readLead(row({ id: '42', phone_number: '480-123-4567', team: { id: 3, name: 'T' } }), ZONE);
    expect(lead.id).toBe('42');
    expect(lead.phone).toBe('+14801234567');
    expect(lead.groupIds).toEqual(['3']);
  });

  it('fails a lead without an id as malformed, naming the field and not the value', () => {
    const error = malformedFrom(() => readLead(row({ fname: 'Secret Name' }, 'GET /leads'), ZONE));
    expect(error.message).toContain('id');
    expect(error.message).not.toContain('Secret Name');
  });
});

describe('calls [CL:105, 110]', () => {
  it('maps the detail example: agent, team, disposition, transcript', () => {
    const detail = readObject(fixture('calls.get.txt'), 'GET /calls/1234');
    expect(detail).not.toBeNull();
    const call = readCall(detail as WireRow, { zone: ZONE });
    const activity = {
      id: '1234',
      leadId: '1234567',
      kind: 'call',
      direction: 'outbound',
      at: '2020-11-11T19:08:13.000Z',
      durationSec: 5,
      status: 'completed',
      from: '+11234567890',
      to: '+11234567890',
      text: null,
      recordingUrl: 'https://cdn.callingly.com/recordings/example.mp3',
    };
    expect(call).toEqual({
      activity,
      transcript: {
        ...activity,
        id: '1234:transcript',
        kind: 'transcript',
        text: 'Speaker A: Hello this is a call...',
        turns: [{ speaker: 'Speaker A', text: 'Hello this is a call...' }],
      },
      agentId: '1',
      agentName: 'Michael Scott',
      agentEmail: 'michael@dundermifflin.com',
      teamId: '12345',
      disposition: 'Contacted',
      voicemail: false,
    });
  });

  it('maps the list example, whose member/lead/profile are []', () => {
    const [listRow] = readList(fixture('calls.list.txt'), 'GET /calls');
    const call = readCall(listRow as WireRow, { zone: ZONE });
    expect(call).toEqual({
      activity: {
        id: '12343',
        leadId: '',
        kind: 'call',
        direction: 'outbound',
        at: '2020-11-30T17:54:01.000Z',
        durationSec: 37,
        status: 'completed',
        from: '',
        to: '',
        text: null,
        recordingUrl: 'https://cdn.callingly.com/recordings/da3c0bf.mp3',
      },
      transcript: null,
      agentId: null,
      agentName: null,
      agentEmail: null,
      teamId: null,
      disposition: null,
      voicemail: false,
    });
  });

  it('prefers seconds over duration, and reads "37s" only when seconds is missing', () => {
    expect(
      readCall(row({ id: 1, started_at: '2020-11-30 10:54:01', seconds: 5, duration: '9s' }), { zone: ZONE }).activity
        .durationSec,
    ).toBe(5);
    expect(
      readCall(row({ id: 1, started_at: '2020-11-30 10:54:01', duration: '37s' }), { zone: ZONE }).activity.durationSec,
    ).toBe(37);
    expect(
      readCall(row({ id: 1, started_at: '2020-11-30 10:54:01', duration: '2m 5s' }), { zone: ZONE }).activity
        .durationSec,
    ).toBe(125);
  });

  it('says voicemail when is_voicemail is set, in every boolean spelling', () => {
    for (const flag of [1, '1', true, 'true']) {
      const call = readCall(
        row({ id: 1, started_at: '2020-11-30 10:54:01', status: 'completed', is_voicemail: flag }),
        { zone: ZONE },
      );
      expect(call.activity.status, String(flag)).toBe('voicemail');
      expect(call.voicemail).toBe(true);
    }
    for (const flag of [0, '0', false, 'false']) {
      const call = readCall(
        row({ id: 1, started_at: '2020-11-30 10:54:01', status: 'completed', is_voicemail: flag }),
        { zone: ZONE },
      );
      expect(call.activity.status, String(flag)).toBe('completed');
    }
    malformedFrom(() =>
      readCall(row({ id: 1, started_at: '2020-11-30 10:54:01', is_voicemail: 'maybe' }), { zone: ZONE }),
    );
  });

  it('puts the lead on the inbound caller side and falls back to time_formatted', () => {
    const call = readCall(
      row({
        id: 1,
        direction: 'inbound',
        time_formatted: '11/30/20 10:54am',
        user: { id: 5, phone_number: '+16024819661' },
        lead: { id: 9, phone_number: '(480) 123-4567' },
      }),
      { zone: ZONE },
    );
    expect(call.activity).toMatchObject({ from: '+14801234567', to: '+16024819661', at: '2020-11-30T17:54:00.000Z' });
  });

  it('drops recording links that are not web addresses', () => {
    const call = readCall(row({ id: 1, started_at: '2020-11-30 10:54:01', recording_url: 'javascript:alert(1)' }), {
      zone: ZONE,
    });
    expect(call.activity.recordingUrl).toBeNull();
  });

  it('splits transcripts on Speaker lines', () => {
    expect(
      transcriptTurns('Speaker A: Hi, Callingly calling.\nSpeaker B: Hello?\nstill B\n\nSpeaker A: Great.'),
    ).toEqual([
      { speaker: 'Speaker A', text: 'Hi, Callingly calling.' },
      { speaker: 'Speaker B', text: 'Hello?\nstill B' },
      { speaker: 'Speaker A', text: 'Great.' },
    ]);
  });
});

describe('agents [CL:76]', () => {
  it('maps the list example', () => {
    const agents = readList(fixture('agents.list.json'), 'GET /agents').map((r) => readAgent(r, ZONE));
    expect(agents).toEqual([
      {
        id: '123',
        name: 'John Smith',
        phone: '+16024819661',
        timezone: 'America/Phoenix',
        doNotDisturb: false,
        doNotDisturbUntil: null,
        available: true,
      },
    ]);
  });

  it('reads donotdisturb and is_available in either spelling, and the until time in the account zone', () => {
    const agent = readAgent(
      row({
        id: 1,
        fname: 'A',
        lname: 'B',
        donotdisturb: '1',
        is_available: 0,
        donotdisturb_until: '2021-01-25 22:00:00',
      }),
      ZONE,
    );
    expect(agent).toMatchObject({
      doNotDisturb: true,
      available: false,
      doNotDisturbUntil: '2021-01-26T05:00:00.000Z',
    });
    expect(readAgent(row({ id: 1, donotdisturb: true, is_available: '1' }), ZONE)).toMatchObject({
      doNotDisturb: true,
      available: true,
    });
  });

  it('writes an until time as the account zone wall clock [CL:91]', () => {
    expect(toAccountWallClock('2021-01-26T05:00:00.000Z', ZONE)).toBe('2021-01-25 22:00:00');
    expect(toAccountWallClock('2021-01-25 22:00:00', ZONE)).toBeNull();
  });
});
