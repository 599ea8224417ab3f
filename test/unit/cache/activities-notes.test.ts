import { describe, expect, it } from 'vitest';
import { activitySchema, noteSchema } from '../../../src/shared/domain';
import { makeActivity, makeLead, makeNote, openTestCache } from './fixtures';

describe('activities repository', () => {
  it('round-trips every kind, transcripts with their speaker turns', async () => {
    const cache = await openTestCache();
    const activities = [
      makeActivity('1', 'L', '2024-05-01T10:00:00Z', { recordingUrl: 'https://rec.example/1.mp3' }),
      makeActivity('1', 'L', '2024-05-01T10:05:00.000Z', {
        kind: 'transcript',
        direction: null,
        durationSec: null,
        text: 'Agent: Hi. Lead: Hello.',
        turns: [
          { speaker: 'agent', text: 'Hi.' },
          { speaker: 'lead', text: 'Hello.' },
        ],
      }),
      makeActivity('2', 'L', '2024-05-02T09:00:00Z', {
        kind: 'sms',
        direction: 'inbound',
        durationSec: null,
        text: '¿Sí?',
      }),
      makeActivity('3', 'L', '2024-05-03T09:00:00Z', { kind: 'rvm', durationSec: 31.5, status: 'delivered' }),
      makeActivity('4', 'L', '2024-05-04T09:00:00Z', { kind: 'note', direction: null, text: 'left a note' }),
    ];
    expect(await cache.activities.upsertPage(activities)).toBe(5);
    const timeline = await cache.activities.timeline('L');
    for (const activity of timeline) expect(activitySchema.parse(activity)).toEqual(activity);
    expect(timeline).toEqual([...activities].reverse());
  });

  it('returns a timeline newest first, limited, and pages with `before`', async () => {
    const cache = await openTestCache();
    // Mixed ISO spellings on purpose: ordering is by instant, not by text (c is 11:00Z, before d).
    await cache.activities.upsertPage([
      makeActivity('a', 'L', '2024-05-01T10:00:00.500Z'),
      makeActivity('b', 'L', '2024-05-01T10:00:00Z'),
      makeActivity('c', 'L', '2024-05-02T13:00:00+02:00'),
      makeActivity('d', 'L', '2024-05-02T12:00:00Z'),
      makeActivity('x', 'other', '2024-06-01T00:00:00Z'),
    ]);
    const ids = async (options?: Parameters<typeof cache.activities.timeline>[1]) =>
      (await cache.activities.timeline('L', options)).map((activity) => activity.id);
    expect(await ids()).toEqual(['d', 'c', 'a', 'b']);
    expect(await ids({ limit: 2 })).toEqual(['d', 'c']);
    expect(await ids({ before: '2024-05-02T00:00:00Z' })).toEqual(['a', 'b']);
  });

  it('updates an activity pulled again instead of duplicating it', async () => {
    const cache = await openTestCache();
    await cache.activities.upsertPage([makeActivity('1', 'L', '2024-05-01T10:00:00Z', { status: 'ringing' })]);
    await cache.activities.upsertPage([makeActivity('1', 'L', '2024-05-01T10:00:00Z', { status: 'answered' })]);
    expect(await cache.activities.count()).toBe(1);
    expect((await cache.activities.timeline('L'))[0]?.status).toBe('answered');
  });

  it('refuses an activity whose time cannot be read, writing nothing of the page', async () => {
    const cache = await openTestCache();
    await expect(
      cache.activities.upsertPage([
        makeActivity('1', 'L', '2024-05-01T10:00:00Z'),
        makeActivity('2', 'L', 'yesterday-ish'),
      ]),
    ).rejects.toMatchObject({ code: 'storage', failure: 'misuse' });
    expect(await cache.activities.count()).toBe(0);
  });
});

describe('notes repository', () => {
  it('round-trips remote notes and lists a lead’s notes newest first', async () => {
    const cache = await openTestCache();
    const notes = [makeNote('n1', 'L', '2024-01-01T00:00:00Z'), makeNote('n2', 'L', '2024-02-01T00:00:00Z')];
    await cache.notes.upsertRemotePage(notes);
    const listed = await cache.notes.listForLead('L');
    for (const note of listed) expect(noteSchema.parse(note)).toEqual(note);
    expect(listed).toEqual([notes[1], notes[0]]);
  });

  it('keeps local notes pending until confirmed, then swaps in the provider’s note', async () => {
    const cache = await openTestCache();
    const local = await cache.notes.addLocal({ leadId: 'L', text: 'Call back Tuesday', at: '2024-03-01T00:00:00Z' });
    expect(local).toMatchObject({ origin: 'local', syncState: 'pending', kind: 'note' });
    expect(noteSchema.parse(local)).toEqual(local);

    // A pull of the lead's notes leaves the local one alone.
    await cache.notes.upsertRemotePage([makeNote('r1', 'L', '2024-01-01T00:00:00Z')]);
    expect((await cache.notes.listForLead('L')).map((note) => note.id)).toEqual([local.id, 'r1']);
    expect(await cache.notes.listUnconfirmedLocal()).toEqual([local]);

    await cache.notes.confirmLocal(local.id, makeNote('r2', 'L', local.at, { text: local.text }));
    const after = await cache.notes.listForLead('L');
    expect(after.map((note) => [note.id, note.origin, note.syncState])).toEqual([
      ['r2', 'remote', 'synced'],
      ['r1', 'remote', 'synced'],
    ]);
    expect(await cache.notes.listUnconfirmedLocal()).toEqual([]);
  });

  it('marks a local note failed, and a pulled note never overwrites a local one', async () => {
    const cache = await openTestCache();
    const local = await cache.notes.addLocal({ leadId: 'L', text: 'mine' });
    expect(await cache.notes.setSyncState(local.id, 'failed')).toBe(true);
    await cache.notes.upsertRemotePage([makeNote(local.id, 'L', local.at, { text: 'theirs' })]);
    expect(await cache.notes.listForLead('L')).toEqual([{ ...local, syncState: 'failed' }]);
  });

  it('opens a lead: profile, notes and timeline in one call', async () => {
    const cache = await openTestCache();
    await cache.leads.upsertPage([makeLead('L', { tags: [{ id: 't', title: 'Hot' }] })]);
    await cache.notes.upsertRemotePage([makeNote('n1', 'L', '2024-01-01T00:00:00Z')]);
    await cache.activities.upsertPage([makeActivity('1', 'L', '2024-01-02T00:00:00Z')]);
    const view = await cache.openLead('L');
    expect(view).toEqual({
      lead: makeLead('L', { tags: [{ id: 't', title: 'Hot' }] }),
      notes: [makeNote('n1', 'L', '2024-01-01T00:00:00Z')],
      timeline: [makeActivity('1', 'L', '2024-01-02T00:00:00Z')],
    });
    expect(await cache.openLead('nobody')).toBeNull();
  });
});
