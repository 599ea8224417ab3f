import { describe, expect, it } from 'vitest';
import { findDeepLink, parseDeepLink } from '../../../src/shared/deep-link';

describe('deep links', () => {
  it.each([
    ['callside://pop?phone=%2B1%20(555)%20123-4567', { kind: 'pop', phone: '+1 (555) 123-4567' }],
    ['callside://pop?phone=5551234567', { kind: 'pop', phone: '5551234567' }],
    ['callside:pop?phone=555.123.4567', { kind: 'pop', phone: '555.123.4567' }],
    ['callside://pop/?phone=+15551234567', { kind: 'pop', phone: '15551234567' }],
    ['callside://lead?id=10000042', { kind: 'lead', leadId: '10000042' }],
  ])('parses %s', (raw, expected) => {
    expect(parseDeepLink(raw)).toEqual(expected);
  });

  it.each([
    'https://pop?phone=5551234567',
    'callside://pop',
    'callside://pop?phone=',
    'callside://pop?phone=<script>',
    'callside://pop?phone=javascript:alert(1)',
    `callside://pop?phone=${'5'.repeat(100)}`,
    'callside://lead?id=../../etc',
    'callside://settings',
    'not a url',
  ])('rejects %s', (raw) => {
    expect(parseDeepLink(raw)).toBeNull();
  });

  it('finds the link among second-instance arguments', () => {
    expect(findDeepLink(['/usr/bin/callside', '--flag', 'callside://pop?phone=5551234567'])).toEqual({
      kind: 'pop',
      phone: '5551234567',
    });
    expect(findDeepLink(['/usr/bin/callside', '--no-sandbox'])).toBeNull();
  });
});
