import { describe, expect, it } from 'vitest';
import { findLeadByPhone, phoneToE164 } from '../../../src/core/services/screen-pop';
import { makeLead, openTestCache } from '../cache/fixtures';

describe('screen pop by phone', () => {
  it.each(['+1 (555) 123-4567', '5551234567', '555-123-4567', '(555) 123 4567', '+15551234567', '1 555 123 4567'])(
    '"%s" is +15551234567',
    (spelling) => {
      expect(phoneToE164(spelling)).toBe('+15551234567');
    },
  );

  it("reads a number without + in the account's country when it has one (CallHub), as NANP otherwise", async () => {
    expect(phoneToE164('06 12 34 56 78', 'FR')).toBe('+33612345678');
    expect(phoneToE164('07700 900345', 'gb')).toBe('+447700900345');
    // With + the number names its own country, whatever the account's.
    expect(phoneToE164('+1 213 555 0142', 'FR')).toBe('+12135550142');
    expect(phoneToE164('(213) 555-0142', null)).toBe('+12135550142');
    expect(phoneToE164('06 12 34 56 78')).not.toBe('+33612345678');
    const cache = await openTestCache();
    try {
      await cache.leads.upsertPage([makeLead('fr-1', { phone: '+33612345678' })]);
      expect((await findLeadByPhone(cache, '0612345678', 'FR'))?.id).toBe('fr-1');
      expect(await findLeadByPhone(cache, '0612345678')).toBeNull();
    } finally {
      await cache.close();
    }
  });

  it('refuses text that cannot be a number', () => {
    expect(phoneToE164('call me')).toBeNull();
    expect(phoneToE164('')).toBeNull();
  });

  it('finds the lead from the cache whatever the spelling, by phone or mobile', async () => {
    const cache = await openTestCache();
    await cache.leads.upsertPage([
      makeLead('7', { phone: '+15551234567' }),
      makeLead('8', { mobile: '+442071838750', countryCode: '+44' }),
    ]);
    expect((await findLeadByPhone(cache, '+1 (555) 123-4567'))?.id).toBe('7');
    expect((await findLeadByPhone(cache, '555.123.4567'))?.id).toBe('7');
    expect((await findLeadByPhone(cache, '+44 20 7183 8750'))?.id).toBe('8');
    expect(await findLeadByPhone(cache, '5559999999')).toBeNull();
  });
});
