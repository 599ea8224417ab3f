import { describe, expect, it } from 'vitest';
import { readCdr } from '../../../src/core/providers/hipcall/cdr';
import { deriveHipcallDay } from '../../../src/core/providers/hipcall/metrics';
import { recordingExpiry } from '../../../src/core/providers/hipcall/leads';
import { parseHipcallTime, readPage } from '../../../src/core/providers/hipcall/wire';
import { CallsideError } from '../../../src/shared/errors';

/** The doc's inbound row [H:116-141], the base every case below changes one thing of. */
const DOC_ROW = {
  resource_type: 'cdr',
  uuid: 'caedfd1b-25ec-447e-ad87-3b7eb3d358ea',
  direction: 1,
  user_id: 2,
  contact_id: 0,
  channel_type: 1,
  channel_id: 1,
  started_at: '2023-03-31T08:41:58+0000',
  answered_at: null,
  bridged_at: null,
  ended_at: '2023-03-31T08:45:01+0000',
  call_duration: 183,
  first_touch_duration: 0,
  missing_call: false,
  missing_call_reason: 0,
  caller_id: 1,
  caller_type: 1,
  caller_number: '+905326202911',
  callee_id: 2,
  callee_type: 3,
  callee_number: '101',
  record_url: null,
  hangup_by: 1,
  voicemail_type: null,
  voicemail_id: null,
  voicemail_url: null,
};
const read = (changes: Record<string, unknown> = {}) => readCdr({ ...DOC_ROW, ...changes }, 'GET /cdrs');

describe('Hipcall times', () => {
  it('reads colon-less offsets, colons and Z alike', () => {
    expect(parseHipcallTime('2023-03-31T08:41:58+0000')).toBe('2023-03-31T08:41:58.000Z');
    expect(parseHipcallTime('2023-03-31T11:41:58+0300')).toBe('2023-03-31T08:41:58.000Z');
    expect(parseHipcallTime('2023-03-31T03:11:58-05:30')).toBe('2023-03-31T08:41:58.000Z');
    expect(parseHipcallTime('2023-03-31T08:41:58Z')).toBe('2023-03-31T08:41:58.000Z');
  });
  it('refuses a time without an offset or that is not a time', () => {
    expect(parseHipcallTime('2023-03-31 08:41:58')).toBeNull();
    expect(parseHipcallTime('2023-02-31T08:41:58+0000')).toBeNull();
    expect(parseHipcallTime('2023-03-31T25:41:58+0000')).toBeNull();
    expect(parseHipcallTime(1680252118)).toBeNull();
  });
});

describe('Hipcall call records', () => {
  it('names the contact from contact_id, else the contact side, else none', () => {
    expect(read().contactId).toBe('1');
    expect(read({ contact_id: 77 }).contactId).toBe('77');
    expect(read({ caller_id: 0 }).contactId).toBeNull();
    expect(read({ caller_type: 2 }).contactId).toBeNull();
    const outbound = read({
      direction: 2,
      caller_type: 2,
      caller_number: '+908508850000',
      callee_type: 1,
      callee_id: 9,
      callee_number: '+905551112233',
    });
    expect(outbound).toMatchObject({ direction: 'outbound', contactId: '9', externalPhone: '+905551112233' });
  });

  it('keeps extensions and IVR numbers off leads and internal calls without a contact', () => {
    expect(read().externalPhone).toBe('+905326202911');
    expect(read({ caller_number: '1001' }).externalPhone).toBeNull();
    expect(read({ caller_number: '123456' }).externalPhone).toBeNull();
    const internal = read({
      direction: 3,
      contact_id: 5,
      caller_type: 2,
      caller_number: '1001',
      callee_number: '1002',
    });
    expect(internal).toMatchObject({ direction: 'internal', contactId: null, externalPhone: null });
  });

  it('reads the status: voicemail in any spelling, missed with its reason, answered, hangup', () => {
    expect(read({ voicemail_type: 'account' }).status).toBe('voicemail');
    expect(read({ voicemail_type: 'User', missing_call: true, missing_call_reason: 3 }).status).toBe('voicemail');
    expect(read({ voicemail_id: 4 }).status).toBe('voicemail');
    expect(read({ missing_call: true, missing_call_reason: 3 }).status).toBe('missed:abandoned');
    expect(read({ missing_call: true, missing_call_reason: 2 }).status).toBe('missed:short_abandoned');
    expect(read({ missing_call: true, missing_call_reason: 0 }).status).toBe('missed');
    expect(read({ bridged_at: '2023-03-31T08:42:10+0000' }).status).toBe('answered');
    expect(read({ callee_type: null }).status).toBe('hangup');
    expect(read().status).toBe('completed');
  });

  it('offers only web links as recordings, voicemail first', () => {
    expect(read({ record_url: 'javascript:alert(1)' }).recordingUrl).toBeNull();
    expect(read({ record_url: 'https://r.example/a.mp3', voicemail_url: 'https://r.example/v.mp3' }).recordingUrl).toBe(
      'https://r.example/v.mp3',
    );
  });

  it('refuses a row without uuid or start as malformed', () => {
    expect(() => read({ uuid: '../../x' })).toThrow(CallsideError);
    expect(() => read({ started_at: 'yesterday' })).toThrow(/started_at/);
  });

  it('pages in either flavour, per_page string or number, and no page without data', () => {
    expect(readPage({ data: [{}], links: { next: null }, meta: { per_page: '10' } }, 'GET /cdrs').next).toBeNull();
    expect(
      readPage({ data: [], links: { next: 'https://x/?page=2' }, meta: { per_page: 10 } }, 'GET /users').next,
    ).toBe('https://x/?page=2');
    expect(() => readPage('<html>', 'GET /cdrs')).toThrow(/GET \/cdrs/);
  });

  it('takes a signed link end, never later than 60 minutes from reading', () => {
    const readAt = new Date('2026-06-23T19:00:00Z');
    expect(recordingExpiry('https://r/a.mp3?expires=1782242400&signature=x', readAt)).toBe('2026-06-23T19:20:00.000Z');
    expect(recordingExpiry('https://r/a.mp3', readAt)).toBe('2026-06-23T20:00:00.000Z');
    expect(recordingExpiry('https://r/a.mp3?expires=1999999999', readAt)).toBe('2026-06-23T20:00:00.000Z');
  });
});

describe('Hipcall day board', () => {
  it('counts every call of the user that day in the account zone, internal excluded', () => {
    const rows = [
      read({
        uuid: 'a1',
        user_id: 2,
        started_at: '2026-06-23T13:00:00+0000',
        bridged_at: '2026-06-23T13:00:10+0000',
        ended_at: '2026-06-23T13:02:10+0000',
      }),
      read({
        uuid: 'a2',
        user_id: 2,
        missing_call: true,
        missing_call_reason: 3,
        started_at: '2026-06-23T14:00:00+0000',
      }),
      read({ uuid: 'a3', user_id: 2, direction: 2, started_at: '2026-06-24T03:30:00+0000' }),
      read({ uuid: 'a4', user_id: 2, direction: 3, started_at: '2026-06-23T15:00:00+0000' }),
      // 02:00 UTC on the 23rd is still the 22nd in New York.
      read({ uuid: 'a5', user_id: 2, started_at: '2026-06-23T02:00:00+0000' }),
      read({ uuid: 'a1', user_id: 2, started_at: '2026-06-23T13:00:00+0000' }),
      read({ uuid: 'a6', user_id: 9, started_at: '2026-06-23T16:00:00+0000' }),
    ];
    const users = [{ id: '2', name: 'Ayşe Yılmaz', email: 'ayse@example.com' }];
    const board = deriveHipcallDay('2026-06-23', rows, users, 'America/New_York');
    const ayse = board.agents.find((a) => a.agentId === '2')!;
    expect(ayse).toMatchObject({
      agentName: 'Ayşe Yılmaz',
      inboundCalls: 2,
      outboundCalls: 1,
      answeredCalls: 1,
      hangups: 1,
      talkMinutes: 2,
      conversations: 1,
    });
    expect(board.agents.find((a) => a.agentId === '9')).toMatchObject({ agentName: 'User 9', inboundCalls: 1 });
  });
});
