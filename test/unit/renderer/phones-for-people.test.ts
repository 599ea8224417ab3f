import { describe, expect, it } from 'vitest';
import { isDoNotCall, leadLocalTime } from '../../../src/renderer/src/lib/lead-local-time';
import { phoneForPeople } from '../../../src/renderer/src/lib/phone-display';

describe('phones for people', () => {
  it("reads nationally in the account's country, internationally otherwise, and dials E.164", () => {
    expect(phoneForPeople('+13059865803', 'US')).toEqual({
      kind: 'number',
      display: '(305) 986-5803',
      e164: '+13059865803',
    });
    expect(phoneForPeople('3059865803', null)).toMatchObject({ display: '(305) 986-5803', e164: '+13059865803' });
    expect(phoneForPeople('+33612345678', 'US')).toMatchObject({ display: '+33 6 12 34 56 78', e164: '+33612345678' });
    expect(phoneForPeople('+33612345678', 'FR')).toMatchObject({ display: '06 12 34 56 78' });
    expect(phoneForPeople('+13059865803', 'FR')).toMatchObject({ display: '+1 305 986 5803' });
  });

  it('marks text where a number should be instead of dialling it', () => {
    for (const junk of ['unknown', 'call me after 5', '12345', '']) {
      expect(phoneForPeople(junk, 'US')).toEqual({ kind: 'junk', text: junk });
    }
  });
});

describe('do not call and the lead’s local time', () => {
  const lead = { tags: [] as Array<{ id: string; title: string }>, unsubscribed: false, state: '' };

  it('knows Do Not Call in any spelling, and unsubscribed', () => {
    for (const title of ['Do Not Call', 'DNC', 'do-not-call', "Don't call", 'DO_NOT_CALL']) {
      expect(isDoNotCall({ ...lead, tags: [{ id: '1', title }] }), title).toBe(true);
    }
    expect(isDoNotCall({ ...lead, tags: [{ id: '1', title: 'Call back' }] })).toBe(false);
    expect(isDoNotCall({ ...lead, unsubscribed: true })).toBe(true);
  });

  it('tells the time where the lead lives and whether it is within 8:00 to 21:00 there', () => {
    // 16:30 UTC in July: 9:30 in Phoenix (no DST), 6:30 in Honolulu.
    const at = new Date('2026-07-01T16:30:00Z');
    expect(leadLocalTime({ state: 'AZ' }, at)).toEqual({
      zone: 'America/Phoenix',
      time: '9:30 AM',
      withinCallingHours: true,
    });
    expect(leadLocalTime({ state: 'Hawaii' }, at)).toMatchObject({ time: '6:30 AM', withinCallingHours: false });
    expect(leadLocalTime({ state: 'ny' }, new Date('2026-07-02T01:30:00Z'))).toMatchObject({
      time: '9:30 PM',
      withinCallingHours: false,
    });
    expect(leadLocalTime({ state: '' }, at)).toBeNull();
    expect(leadLocalTime({ state: 'Bavaria' }, at)).toBeNull();
  });
});
