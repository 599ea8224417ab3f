import { describe, expect, it } from 'vitest';
import { getNumberHealthList } from '../../../src/core/providers/hotprospector/methods/numberHealth';
import { readFixture } from './support/fixtures';

describe('number health', () => {
  it('reads the V1 one-item-array answer with its carrier map', () => {
    expect(readFixture(getNumberHealthList, 'v1', 'GetNumberHealthList.success', {})).toEqual({
      page: 1,
      perPage: 100,
      total: 2,
      totalPages: 1,
      items: [
        {
          phoneId: '1042',
          phoneNumber: '+15551234567',
          spamDetected: true,
          deviceSpamDetected: false,
          carriers: [
            { carrier: 'Verizon', android: 'Spam Risk', iphone: 'Spam Risk' },
            { carrier: 'T-Mobile', android: 'Scam Likely', iphone: 'Scam Likely' },
          ],
          lastCheckedAt: '2026-05-15T15:00:00.000Z',
          spamChecks: {
            fcc_complaint: 0,
            ftc_complaint: 1,
            youmail_spam: 1,
            truespam: 0,
            nomorobo_spam: 0,
            robokiller_spam: 0,
          },
        },
      ],
    });
  });

  it('reads V2 carriers without results as null', () => {
    const page = readFixture(getNumberHealthList, 'v2', 'GetNumberHealthList.success', { filter: 'spam_only' });
    expect(page.items[0]?.carriers).toEqual([
      { carrier: 'Verizon', android: 'Spam Risk', iphone: 'Spam Risk' },
      { carrier: 'T-Mobile', android: 'Scam Likely', iphone: 'Scam Likely' },
      { carrier: 'Cingular', android: null, iphone: null },
      { carrier: 'Cricket', android: null, iphone: null },
    ]);
    expect(page.items[0]?.lastCheckedAt).toBe('2026-06-23T15:00:00.000Z');
  });
});
