import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { generateDataset, JAVASCRIPT_URL, XSS_NAME } from '../../../src/sandbox';
import { NOW } from './helpers';

describe('generateDataset', () => {
  const options = { seed: 99, leads: 2000, activitiesPerLead: 6, now: NOW };

  it('is deterministic for a seed and differs across seeds', () => {
    const a = generateDataset(options);
    const b = generateDataset(options);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const c = generateDataset({ ...options, seed: 100 });
    expect(c.leads.slice(20).map((l) => l.firstName)).not.toEqual(a.leads.slice(20).map((l) => l.firstName));
  });

  it('is sized by the options: leads, exact activity total, notes', () => {
    const d = generateDataset({ seed: 1, leads: 500, activities: 4321, now: NOW });
    expect(d.leads).toHaveLength(500);
    expect(d.calls.length + d.sms.length + d.rvm.length).toBe(4321);
    expect(d.calls.length).toBeGreaterThan(d.sms.length);
    expect(d.notes.length).toBeGreaterThan(100);
    expect(generateDataset({ seed: 1, leads: 3, activities: 0, now: NOW }).leads.map((l) => l.firstName)).toEqual([
      'José',
      'Zoë',
      'Łukasz',
    ]);
  });

  it('keeps every activity within the 60 days before now, sorted by time, with ascending ids', () => {
    const d = generateDataset(options);
    const earliest = NOW.getTime() - 61 * 86_400_000;
    for (const list of [d.calls, d.sms, d.rvm, d.notes]) {
      expect(list.length).toBeGreaterThan(0);
      for (let i = 0; i < list.length; i++) {
        const row = list[i]!;
        expect(row.at).toBeLessThanOrEqual(NOW.getTime());
        expect(row.at).toBeGreaterThan(earliest);
        if (i > 0) {
          expect(row.at).toBeGreaterThanOrEqual(list[i - 1]!.at);
          expect(row.id).toBe(list[i - 1]!.id + 1);
        }
      }
    }
  });

  it('mixes phone spellings; callable numbers are valid and unique, a few are unparseable', () => {
    const d = generateDataset(options);
    const spellings = [
      /^\d{10}$/,
      /^\+1\d{10}$/,
      /^\+1 \(\d{3}\) \d{3}-\d{4}$/,
      /^\d{3}\.\d{3}\.\d{4}$/,
      /^\(\d{3}\) \d{3}-\d{4}$/,
      /^1-\d{3}-\d{3}-\d{4}$/,
    ];
    for (const spelling of spellings)
      expect(
        d.leads.some((l) => spelling.test(l.phone)),
        String(spelling),
      ).toBe(true);
    const dials = d.leads.map((l) => l.dial).filter((x): x is string => x !== null);
    expect(new Set(dials).size).toBe(dials.length);
    expect(dials.length).toBeGreaterThan(0);
    for (const dial of dials.slice(0, 500)) expect(parsePhoneNumberFromString(dial)?.isValid(), dial).toBe(true);
    const unparseable = d.leads.filter((l) => !parsePhoneNumberFromString(l.phone, 'US')?.isPossible());
    expect(unparseable.length).toBeGreaterThan(10);
    expect(unparseable.length).toBeLessThan(200);
  });

  it('has non-ASCII names and hand-made fixtures with script payloads', () => {
    const d = generateDataset(options);
    const names = d.leads.map((l) => `${l.firstName} ${l.lastName}`);
    for (const name of ['José García', 'Zoë Brontë', 'Łukasz Wróbel', '芳 王']) expect(names).toContain(name);
    expect(names.filter((n) => /[^ -~]/.test(n)).length).toBeGreaterThan(300);
    const xss = d.leads.find((l) => l.id === d.fixtures.xssLeadId);
    expect(xss?.firstName).toBe(XSS_NAME);
    expect(d.notes.some((n) => n.leadId === xss?.id && n.text.includes('<svg'))).toBe(true);
    expect(d.sms.some((s) => s.leadId === xss?.id && s.body.includes('onerror'))).toBe(true);
    expect(d.fixtures.unparseablePhoneLeadId).not.toBeNull();
    expect(d.fixtures.xssLeadIds).toHaveLength(2);
    const bobby = d.leads.find((l) => l.id === d.fixtures.xssLeadIds[1]);
    expect(bobby?.firstName).toBe("Robert'); DROP TABLE leads;--");
    expect(bobby?.website).toBe(JAVASCRIPT_URL);
  });

  it('puts every lead in at least one group and references only existing records', () => {
    const d = generateDataset(options);
    const groups = new Set(d.groups.map((g) => g.id));
    const tags = new Set(d.tags.map((t) => t.id));
    const leads = new Set(d.leads.map((l) => l.id));
    const members = new Set(d.members.map((m) => m.id));
    expect(d.leads.length).toBeGreaterThan(0);
    expect(d.leads.some((l) => l.tagIds.length > 0)).toBe(true);
    for (const l of d.leads) {
      expect(l.groupIds.length).toBeGreaterThan(0);
      for (const g of l.groupIds) expect(groups.has(g)).toBe(true);
      for (const t of l.tagIds) expect(tags.has(t)).toBe(true);
    }
    for (const c of d.calls) {
      expect(leads.has(c.leadId)).toBe(true);
      expect(members.has(c.memberId)).toBe(true);
    }
    expect(d.calls.some((c) => c.hasTranscript)).toBe(true);
  });
});
