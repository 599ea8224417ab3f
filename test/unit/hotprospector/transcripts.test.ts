import { describe, expect, it } from 'vitest';
import { fetchCallTranscripts } from '../../../src/core/providers/hotprospector/methods/transcripts';
import { interpretAnswer } from '../../../src/core/providers/hotprospector/methods';
import { contextFor, readFixture } from './support/fixtures';

describe('call transcripts', () => {
  it('reads V1: `results`, plain-sentence message_data, speakers from message_data_raw JSON text', () => {
    const page = readFixture(fetchCallTranscripts, 'v1', 'FetchCallTranscripts.success', {});
    expect(page).toMatchObject({
      total: 6109,
      limit: 2,
      hasMore: true,
      nextOffset: 2,
      inboundCount: 3050,
      outboundCount: 3059,
    });
    expect(page.items[0]).toEqual({
      id: 'transcript:9001001',
      leadId: '20000001',
      kind: 'transcript',
      direction: 'outbound',
      at: '2026-02-04T22:25:00.000Z',
      durationSec: 52,
      status: 'completed',
      from: '+15550000001',
      to: '+15550000002',
      text: 'Hello, this is John Demo calling regarding your recent inquiry. Please stay on the line. Thank you for your time and have a great day.',
      recordingUrl: null,
      turns: [
        {
          speaker: '1',
          text: 'Hello, this is John Demo calling regarding your recent inquiry. Please stay on the line.',
        },
        { speaker: '1', text: 'Thank you for your time and have a great day.' },
      ],
    });
    expect(page.items[1]).toMatchObject({
      id: 'transcript:9001002',
      direction: 'inbound',
      at: '2026-02-04T21:50:00.000Z',
      durationSec: 45,
    });
  });

  it('reads V2: `Results` with role/content turns', () => {
    const page = readFixture(fetchCallTranscripts, 'v2', 'FetchCallTranscripts.success', {});
    expect(page).toMatchObject({ total: 500, hasMore: true, nextOffset: 100 });
    expect(page.items[0]).toMatchObject({
      id: 'transcript:900001',
      kind: 'transcript',
      at: '2026-06-23T17:30:00.000Z',
      durationSec: 90,
      text: 'agent: Hi, this is...\nlead: Hello...',
      turns: [
        { speaker: 'agent', text: 'Hi, this is...' },
        { speaker: 'lead', text: 'Hello...' },
      ],
    });
  });

  it('falls back to "speaker: text" lines when only the text is sent', () => {
    const body = {
      response: 'true',
      Results: [
        {
          leadId: '1',
          recordingId: '5',
          call_time: '2026-06-23 10:00:00',
          transcript_text: 'agent: Hi\nlead: Hello\nthere',
        },
      ],
    };
    const page = interpretAnswer(fetchCallTranscripts, body, {}, contextFor('FetchCallTranscripts'));
    expect(page.items[0]?.turns).toEqual([
      { speaker: 'agent', text: 'Hi' },
      { speaker: 'lead', text: 'Hello\nthere' },
    ]);
  });
});
