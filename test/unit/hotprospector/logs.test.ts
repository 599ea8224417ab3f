import { describe, expect, it } from 'vitest';
import { fetchUserCallLog, fetchUserSmsLogs } from '../../../src/core/providers/hotprospector/methods/accountLogs';
import {
  fetchLeadCallLogs,
  fetchLeadRvmLogs,
  fetchLeadSmsLogs,
} from '../../../src/core/providers/hotprospector/methods/leadLogs';
import { interpretAnswer } from '../../../src/core/providers/hotprospector/methods';
import { contextFor, errorOf, readFixture } from './support/fixtures';

describe('per-lead call logs', () => {
  it('reads the V2 row: Pacific time to UTC, "90" seconds, E.164 numbers', () => {
    expect(readFixture(fetchLeadCallLogs, 'v2', 'FetchLeadCallLogs.success', { leadId: '12345' })).toEqual([
      {
        id: 'call:12345:2026-06-23T17:30:00.000Z:15551234567:15559876543',
        leadId: '12345',
        kind: 'call',
        direction: null,
        at: '2026-06-23T17:30:00.000Z',
        durationSec: 90,
        status: 'completed',
        from: '+15551234567',
        to: '+15559876543',
        text: null,
        recordingUrl: null,
      },
    ]);
  });

  it('takes the direction from the request filter when rows do not say it', () => {
    const [call] = readFixture(fetchLeadCallLogs, 'v2', 'FetchLeadCallLogs.success', {
      leadId: '12345',
      type: 'inbound',
    });
    expect(call?.direction).toBe('inbound');
  });

  it('gives the same row the same id every time', () => {
    const first = readFixture(fetchLeadCallLogs, 'v2', 'FetchLeadCallLogs.success', { leadId: '12345' });
    const second = readFixture(fetchLeadCallLogs, 'v2', 'FetchLeadCallLogs.success', { leadId: '12345' });
    expect(first[0]?.id).toBe(second[0]?.id);
  });

  it('refuses the V1 example, whose call_time is a template placeholder, naming the field', () => {
    const error = errorOf(() =>
      readFixture(fetchLeadCallLogs, 'v1', 'FetchLeadCallLogs.success.repaired', { leadId: '5964' }),
    );
    expect(error).toEqual({
      code: 'malformed',
      message:
        'Hot Prospector answered FetchLeadCallLogs in a shape Callside cannot read: Results[0].call_time is not a date and time.',
    });
  });

  it('reads the V1 row shape once the date is real (empty duration is null)', () => {
    const body = {
      response: 'true',
      Results: [
        {
          leadId: '5964',
          from_number: '3337991895',
          to_number: '3337991895',
          call_time: 'Jul 5, 2024 5:18 am',
          transfer: '',
          duration: '',
          recording: '',
          call_status: '',
        },
      ],
    };
    const [call] = interpretAnswer(fetchLeadCallLogs, body, { leadId: '5964' }, contextFor('FetchLeadCallLogs'));
    expect(call).toMatchObject({
      at: '2024-07-05T12:18:00.000Z',
      durationSec: null,
      from: '+13337991895',
      recordingUrl: null,
    });
  });
});

describe('per-lead SMS and voicemail drops', () => {
  it('reads V1 SMS: status Sent means outbound', () => {
    expect(readFixture(fetchLeadSmsLogs, 'v1', 'FetchLeadSMSLogs.success', { leadId: '5964' })).toEqual([
      {
        id: 'sms:29898693',
        leadId: '5964',
        kind: 'sms',
        direction: 'outbound',
        at: '2024-05-31T17:47:00.000Z',
        durationSec: null,
        status: 'Sent',
        from: '+13337991895',
        to: '+13337991895',
        text: 'test',
        recordingUrl: null,
      },
    ]);
  });

  it('reads V2 SMS', () => {
    const [sms] = readFixture(fetchLeadSmsLogs, 'v2', 'FetchLeadSMSLogs.success', { leadId: '12345' });
    expect(sms).toMatchObject({
      id: 'sms:900001',
      at: '2026-06-23T17:30:00.000Z',
      text: 'Hi, just following up',
      direction: 'outbound',
    });
  });

  it('reads V2 voicemail drops with their audio and duration', () => {
    expect(readFixture(fetchLeadRvmLogs, 'v2', 'FetchLeadRVMLogs.success', { leadId: '12345' })).toEqual([
      {
        id: 'rvm:100001',
        leadId: '12345',
        kind: 'rvm',
        direction: 'outbound',
        at: '2026-06-23T17:30:00.000Z',
        durationSec: 30,
        status: '',
        from: '+15551234567',
        to: '+15559876543',
        text: null,
        recordingUrl: 'https://...',
      },
    ]);
  });

  it('keeps the V1 drop with no date and no id: time unknown (""), id made from the row', () => {
    expect(readFixture(fetchLeadRvmLogs, 'v1', 'FetchLeadRVMLogs.success.repaired', { leadId: '5964' })).toEqual([
      {
        id: 'rvm:5964::13337991895:13337991895',
        leadId: '5964',
        kind: 'rvm',
        direction: 'outbound',
        at: '',
        durationSec: null,
        status: '',
        from: '+13337991895',
        to: '+13337991895',
        text: null,
        recordingUrl: null,
      },
    ]);
  });
});

describe('account SMS log', () => {
  it('reads the V1 one-item-array page with both directions and paging', () => {
    const page = readFixture(fetchUserSmsLogs, 'v1', 'FetchUserSMSLogs.success', {});
    expect(page).toMatchObject({ total: 1520, limit: 2, offset: 0, hasMore: true, nextOffset: 2 });
    expect(page.items.map((sms) => [sms.id, sms.leadId, sms.direction, sms.status, sms.at])).toEqual([
      ['sms:900001', '10000001', 'outbound', 'Sent', '2026-04-15T17:30:00.000Z'],
      ['sms:900002', '10000002', 'inbound', 'Received', '2026-04-15T18:45:00.000Z'],
    ]);
  });

  it('reads the V2 page', () => {
    const page = readFixture(fetchUserSmsLogs, 'v2', 'FetchUserSMSLogs.success', {});
    expect(page).toMatchObject({ total: 1520, limit: 100, hasMore: true, nextOffset: 100 });
    expect(page.items).toHaveLength(1);
  });
});

describe('account call log', () => {
  it('reads the V1 page with call_type, recordings and counts', () => {
    const page = readFixture(fetchUserCallLog, 'v1', 'FetchUserCallLog.success', {});
    expect(page).toMatchObject({
      total: 30481,
      limit: 100,
      offset: 0,
      hasMore: true,
      nextOffset: 100,
      inboundCount: 5491,
      outboundCount: 24990,
    });
    expect(page.items).toEqual([
      {
        id: 'call:900001',
        leadId: '10000001',
        kind: 'call',
        direction: 'inbound',
        at: '2026-04-16T01:34:00.000Z',
        durationSec: 84,
        status: 'completed',
        from: '+10000000001',
        to: '+10000000002',
        text: null,
        recordingUrl: null,
      },
      {
        id: 'call:900002',
        leadId: '10000002',
        kind: 'call',
        direction: 'outbound',
        at: '2026-04-15T22:36:00.000Z',
        durationSec: 23,
        status: 'completed',
        from: '+10000000003',
        to: '+10000000004',
        text: null,
        recordingUrl: null,
      },
    ]);
  });

  it('reads the V2 page', () => {
    const page = readFixture(fetchUserCallLog, 'v2', 'FetchUserCallLog.success', {});
    expect(page.items[0]).toMatchObject({
      id: 'call:900001',
      at: '2026-06-24T01:34:00.000Z',
      durationSec: 84,
      direction: 'inbound',
    });
    expect(page.inboundCount).toBe(5491);
  });

  it('treats an answer without paging fields as one complete page', () => {
    const body = { response: 'true', Results: [] };
    expect(interpretAnswer(fetchUserCallLog, body, {}, contextFor('FetchUserCallLog'))).toEqual({
      items: [],
      total: 0,
      limit: null,
      offset: null,
      hasMore: false,
      nextOffset: null,
      inboundCount: null,
      outboundCount: null,
    });
  });
});
