import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_LOG_RANGE_MESSAGE, type HotProspectorSandbox } from '../../../src/sandbox';
import { envelope, rows, startSandbox, v1 } from './helpers';

describe('pagination and date windows', () => {
  let sb: HotProspectorSandbox;
  beforeAll(async () => {
    sb = await startSandbox({ leads: 200, activitiesPerLead: 15, variants: { mode: 'by-api' } });
  });
  afterAll(() => sb.close());

  /** Follows next_offset until has_more is false; returns the ids seen and the pages' totals. */
  async function walk(
    body: Record<string, unknown>,
    listKey: string,
    idKey: string,
  ): Promise<{ ids: string[]; totals: Set<unknown> }> {
    const ids: string[] = [];
    const totals = new Set<unknown>();
    let offset: unknown = 0;
    for (let guard = 0; guard < 500; guard++) {
      const page = envelope(await v1(sb, { ...body, offset }));
      const list = rows(page, listKey);
      expect(page.returned_records).toBe(list.length);
      ids.push(...list.map((r) => String(r[idKey])));
      totals.add(page.total_records);
      if (page.has_more !== true) {
        expect(page.next_offset).toBeNull();
        return { ids, totals };
      }
      expect(page.next_offset).toBe(Number(offset) + Number(page.limit));
      offset = page.next_offset;
    }
    throw new Error('pagination did not end');
  }

  it('FetchUserSMSLogs pages through every SMS exactly once', async () => {
    const { ids, totals } = await walk({ Method: 'FetchUserSMSLogs', limit: 37 }, 'Results', 'messageId');
    expect(totals.size).toBe(1);
    expect(ids.length).toBe(sb.state.data.sms.length);
    expect(new Set(ids).size).toBe(ids.length);
    const first = envelope(await v1(sb, { Method: 'FetchUserSMSLogs', limit: 37 }));
    expect(first.message).toBe(`There are ${sb.state.data.sms.length} SMS`);
  });

  it('FetchUserSMSLogs filters by direction and lead', async () => {
    const inbound = rows(await v1(sb, { Method: 'FetchUserSMSLogs', direction: 'inbound', limit: 1000 }), 'Results');
    expect(inbound.length).toBeGreaterThan(0);
    expect(inbound.every((r) => r.status === 'Received' && r.direction === 'inbound')).toBe(true);
    const leadId = String(sb.fixtures.xssLeadId);
    const forLead = rows(await v1(sb, { Method: 'FetchUserSMSLogs', leadId, limit: 1000 }), 'Results');
    expect(forLead.length).toBeGreaterThanOrEqual(2);
    expect(forLead.every((r) => r.leadId === leadId)).toBe(true);
  });

  it('FetchUserCallLog pages a 30-day window, newest first by default', async () => {
    const body = { Method: 'FetchUserCallLog', from_date: '2026-05-24', to_date: '2026-06-23', limit: 50 };
    const { ids, totals } = await walk(body, 'Results', 'recordingId');
    expect(new Set(ids).size).toBe(ids.length);
    expect(totals).toEqual(new Set([ids.length]));
    const page = rows(await v1(sb, { ...body, offset: 0 }), 'Results');
    const times = page.map((r) => Date.parse(String(r.call_time)));
    expect(times.length).toBeGreaterThan(0);
    expect(times.every(Number.isFinite)).toBe(true);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const asc = rows(await v1(sb, { ...body, sort_by: 'duration', sort_order: 'ASC' }), 'Results').map((r) =>
      Number(r.duration),
    );
    expect([...asc].sort((a, b) => a - b)).toEqual(asc);
  });

  it('FetchUserCallLog refuses windows longer than 30 days', async () => {
    expect(await v1(sb, { Method: 'FetchUserCallLog', from_date: '2026-05-23', to_date: '2026-06-23' })).toEqual({
      response: 'false',
      message: CALL_LOG_RANGE_MESSAGE,
    });
    // Without to_date the window ends today: 2026-05-01 is more than 30 days back.
    expect(await v1(sb, { Method: 'FetchUserCallLog', from_date: '2026-05-01' })).toEqual({
      response: 'false',
      message: CALL_LOG_RANGE_MESSAGE,
    });
    expect(envelope(await v1(sb, { Method: 'FetchUserCallLog', from_date: '2026-05-24' })).response).toBe('true');
  });

  it('FetchUserCallLog filters by type, member and transfer', async () => {
    const member = sb.state.data.members[1];
    const answer = envelope(
      await v1(sb, { Method: 'FetchUserCallLog', type: 'outbound', memberId: String(member?.id), limit: 500 }),
    );
    const list = rows(answer, 'Results');
    expect(list.length).toBeGreaterThan(0);
    expect(
      list.every((r) => r.call_type === 'outbound' && r.caller_name === `${member?.firstName} ${member?.lastName}`),
    ).toBe(true);
    expect(answer.inbound_count).toBe('0');
    expect(answer.outbound_count).toBe(String(list.length));
    const transfers = rows(await v1(sb, { Method: 'FetchUserCallLog', transfer_only: 'Yes', limit: 500 }), 'Results');
    expect(transfers.length).toBeGreaterThan(0);
    expect(transfers.every((r) => r.transfer === 'Yes')).toBe(true);
  });

  it('FetchCallTranscripts pages with limit/offset and accepts cursor as the offset', async () => {
    const { ids } = await walk({ Method: 'FetchCallTranscripts', limit: 25 }, 'results', 'recordingId');
    expect(ids.length).toBe(sb.state.data.calls.filter((c) => c.hasTranscript).length);
    const viaCursor = rows(await v1(sb, { Method: 'FetchCallTranscripts', limit: 5, cursor: 5 }), 'results');
    expect(viaCursor.map((r) => r.recordingId)).toEqual(ids.slice(5, 10));
  });

  it('FetchCallTranscripts honours summary_only and fields', async () => {
    const summary = rows(await v1(sb, { Method: 'FetchCallTranscripts', limit: 1, summary_only: true }), 'results')[0];
    expect(summary).not.toHaveProperty('transcript_text');
    expect(summary).toHaveProperty('analytics_status', 'completed');
    const slim = rows(
      await v1(sb, { Method: 'FetchCallTranscripts', limit: 1, fields: 'recordingId,transcript_text' }),
      'results',
    )[0];
    expect(Object.keys(slim ?? {}).sort()).toEqual(['recordingId', 'transcript_text']);
  });

  it('GetNumberHealthList caps per_page at 500', async () => {
    const answer = envelope(await v1(sb, { Method: 'GetNumberHealthList', per_page: 5000 }));
    expect((answer.pagination as { per_page: number }).per_page).toBe(500);
  });
});
