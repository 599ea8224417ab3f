import { describe, expect, it } from 'vitest';
import { dialHref, safeHttpsUrl } from '../../../src/renderer/src/lib/links';
import { toEntries } from '../../../src/renderer/src/features/lead/timeline-entries';
import type { Activity } from '../../../src/shared/domain';

describe('renderer links from provider text', () => {
  it('links only well-formed https URLs', () => {
    expect(safeHttpsUrl('https://rec.example.com/a.mp3')).toBe('https://rec.example.com/a.mp3');
    for (const bad of [
      'javascript:alert(1)',
      'http://rec.example.com/a.mp3',
      'data:text/html,x',
      'not a url',
      '',
      null,
    ]) {
      expect(safeHttpsUrl(bad)).toBeNull();
    }
    expect(safeHttpsUrl(' JAVASCRIPT:alert(1)')).toBeNull();
  });

  it('dials E.164 numbers only, with the chosen scheme', () => {
    expect(dialHref('+12135550142', 'tel')).toBe('tel:+12135550142');
    expect(dialHref('+12135550142', 'sip')).toBe('sip:+12135550142');
    expect(dialHref('+12135550142', 'callto')).toBe('callto:+12135550142');
    for (const bad of ['call me after 5', '2135550143', '+0123456789', '+1 213 555 0142', 'tel:+1213', '+1234']) {
      expect(dialHref(bad, 'tel')).toBeNull();
    }
  });
});

describe('timeline entries', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute)).toISOString();
  const activity = (id: string, kind: Activity['kind'], minute: number): Activity => ({
    id,
    leadId: '1',
    kind,
    direction: 'inbound',
    at: at(minute),
    durationSec: null,
    status: '',
    from: '',
    to: '',
    text: id,
    recordingUrl: null,
  });

  it('groups neighbouring texts into one conversation, read oldest first, placed at its newest', () => {
    const entries = toEntries([
      activity('s3', 'sms', 50),
      activity('s2', 'sms', 40),
      activity('c1', 'call', 30),
      activity('s1', 'sms', 20),
    ]);
    expect(entries.map((entry) => entry.type)).toEqual(['sms', 'single', 'sms']);
    const first = entries[0]!;
    expect(first.type === 'sms' && first.messages.map((m) => m.id)).toEqual(['s2', 's3']);
  });
});
