import { describe, expect, it } from 'vitest';
import { callhub } from '../../../src/core/providers/callhub';
import { readContact } from '../../../src/core/providers/callhub/wire/contacts';
import { readHistory } from '../../../src/core/providers/callhub/wire/history';
import { idFromUrl } from '../../../src/core/providers/callhub/wire/ids';
import { callhubPhone } from '../../../src/core/providers/callhub/wire/phones';
import { readListPage } from '../../../src/core/providers/callhub/wire/row';
import { activitySchema, leadSchema } from '../../../src/shared/domain';
import { CallsideError } from '../../../src/shared/errors';

function code(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof CallsideError ? error.code : 'untyped';
  }
  return 'none';
}

describe('CallHub ids from URLs', () => {
  it('takes the last non-empty path segment on any scheme, host and slash', () => {
    expect(idFromUrl('https://api.callhub.io/v1/contacts/8765/')).toBe('8765');
    expect(idFromUrl('http://api.callhub.io/v1/contacts/8765')).toBe('8765');
    expect(idFromUrl('https://api-na1.callhub.io/v1/contacts/8765//')).toBe('8765');
    expect(idFromUrl('https://api.callhub.io/v1/phonebooks/31/?page=2')).toBe('31');
  });

  it('refuses what is not a URL or whose last segment could change a path', () => {
    expect(idFromUrl('8765')).toBeNull();
    expect(idFromUrl('ftp://api.callhub.io/v1/contacts/8765/')).toBeNull();
    expect(idFromUrl('https://api.callhub.io/')).toBeNull();
    expect(idFromUrl('https://api.callhub.io/v1/contacts/%2E%2E%2Fusers/')).toBeNull();
    expect(idFromUrl(42)).toBeNull();
  });
});

describe('CallHub phones', () => {
  it('reads national numbers in the contact region and digits without + as international', () => {
    expect(callhubPhone('0612345678', 'FR')).toBe('+33612345678');
    expect(callhubPhone('07700 900123', 'GB')).toBe('+447700900123');
    expect(callhubPhone('16507868628', 'US')).toBe('+16507868628');
    expect(callhubPhone('447700900123', 'GB')).toBe('+447700900123');
    // A US number on a French contact: national reading fails, the digits carry their country.
    expect(callhubPhone('16507868628', 'FR')).toBe('+16507868628');
    expect(callhubPhone('+33612345678', 'US')).toBe('+33612345678');
    expect(callhubPhone('101', 'US')).toBe('101');
    // Digits no country reads as a number are kept as sent, never given a + that makes them look dialable.
    expect(callhubPhone('00000000', 'US')).toBe('00000000');
    expect(callhubPhone('', 'US')).toBe('');
  });

  it('reads a contact without country_code in the account region', () => {
    const row = { url: 'https://api.callhub.io/v1/contacts/5/', contact: '0612345678', phonebooks: [] };
    const french = readContact(row, 'GET /contacts/', { region: 'FR', dnc: new Set() });
    expect(french.phone).toBe('+33612345678');
    expect(french.countryCode).toBe('');
    const own = readContact({ ...row, country_code: 'gb', contact: '07700 900123' }, 'GET /contacts/', {
      region: 'FR',
      dnc: new Set(),
    });
    expect(own.phone).toBe('+447700900123');
    expect(own.countryCode).toBe('GB');
  });
});

describe('CallHub contacts', () => {
  it('maps every documented field, phone books to groups and DNC numbers to unsubscribed', () => {
    const lead = readContact(
      {
        url: 'https://api.callhub.io/v1/contacts/8765',
        phonebooks: ['https://api.callhub.io/v1/phonebooks/31/', 'http://x.callhub.io/v1/phonebooks/32', 'junk'],
        contact: '16507868628',
        mobile: '16507868629',
        first_name: 'John',
        last_name: 'Doe',
        country_code: 'US',
        address: 'Genesis Suncity',
        city: 'Santa Clara',
        state: 'CA',
        company_name: 'CallHub',
        company_website: 'https://callhub.io/',
        job_title: 'Engineer',
      },
      'GET /contacts/',
      { region: 'US', dnc: new Set(['+16507868629']) },
    );
    leadSchema.parse(lead);
    expect(lead).toMatchObject({
      id: '8765',
      provider: 'callhub',
      email: '',
      phone: '+16507868628',
      mobile: '+16507868629',
      groupIds: ['31', '32'],
      tags: [],
      customFields: { jobTitle: 'Engineer' },
      unsubscribed: true,
    });
  });

  it('refuses a contact without a usable url as malformed', () => {
    expect(code(() => readContact({ contact: '1650' }, 'GET /contacts/', { region: 'US', dnc: new Set() }))).toBe(
      'malformed',
    );
  });
});

describe('CallHub lists', () => {
  it('accepts a DRF page and a bare array, and nothing else', () => {
    expect(readListPage([{ a: 1 }], 'GET /x/')).toEqual({ rows: [{ a: 1 }], next: null });
    const page = { count: 3, next: 'https://api.callhub.io/v1/x/?page=2', previous: null, results: [{ a: 1 }] };
    expect(readListPage(page, 'GET /x/').next).toBe('https://api.callhub.io/v1/x/?page=2');
    expect(code(() => readListPage({ data: [] }, 'GET /x/'))).toBe('malformed');
    expect(code(() => readListPage([1, 2], 'GET /x/'))).toBe('malformed');
    expect(code(() => readListPage({ results: [], next: 5 }, 'GET /x/'))).toBe('malformed');
  });
});

describe('CallHub subscriber history', () => {
  it('reads entries with a kind and a time, zone-less times as UTC', () => {
    const rows = readHistory(
      [
        { id: 7, type: 'call', created: '2026-06-23T10:20:30', duration: '42', direction: 'outbound' },
        { type: 'sms', created: '2026-06-23T10:20:30.123456Z', content: 'See you Friday' },
        { type: 'mystery', created: '2026-06-23T10:20:30Z' },
      ],
      '8765',
    );
    rows.forEach((row) => activitySchema.parse(row));
    expect(rows.map((r) => [r.kind, r.at, r.durationSec])).toEqual([
      ['call', '2026-06-23T10:20:30.000Z', 42],
      ['sms', '2026-06-23T10:20:30.123Z', null],
    ]);
    expect(rows[0]?.id).toBe('callhub:history:8765:7');
  });

  it('calls an answer it cannot read malformed', () => {
    expect(code(() => readHistory({ voice: {} }, '1'))).toBe('malformed');
    expect(code(() => readHistory([{ what: 'x' }], '1'))).toBe('malformed');
    expect(readHistory({ results: [] }, '1')).toEqual([]);
  });
});

describe('CallHub account', () => {
  const defaults = { baseUrl: 'https://api.callhub.io/v1', timezone: 'UTC' };

  it('keeps the region upper-cased, empty as null, and refuses anything but two letters', () => {
    expect(callhub.account.normalize({ provider: 'callhub', region: ' fr ' }, defaults)).toEqual({
      provider: 'callhub',
      api: null,
      uid: '',
      baseUrl: defaults.baseUrl,
      timezone: 'UTC',
      region: 'FR',
    });
    expect(callhub.account.normalize({ provider: 'callhub' }, defaults).region).toBeNull();
    expect(code(() => callhub.account.normalize({ provider: 'callhub', region: 'France' }, defaults))).toBe(
      'invalid_request',
    );
    expect(callhub.account.defaultBaseUrl({})).toBe('https://api.callhub.io/v1');
    expect(callhub.capabilities.has('tags.write')).toBe(false);
    expect(callhub.capabilities.has('metrics.derived')).toBe(false);
    expect(callhub.capabilities.has('agent.status.write')).toBe(false);
  });
});
