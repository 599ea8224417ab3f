import { describe, expect, it } from 'vitest';
import { describeError, messageOf, nameProviderForErrors } from '../../../src/renderer/src/lib/errors';
import { CallsideError } from '../../../src/shared/errors';

describe('errors in words an agent understands', () => {
  it('turns a wire failure into what it means for the work, keeping the technical text as detail', () => {
    nameProviderForErrors(() => 'Hot Prospector');
    const wire = new CallsideError(
      'malformed',
      'Hot Prospector answered POST /hotprospector/api with an HTML page instead of data (HTTP 200).',
    );
    expect(describeError(wire)).toEqual({
      message:
        'Hot Prospector sent something Callside could not read. Try again; if it keeps happening, check the API address in Settings.',
      detail: 'Hot Prospector answered POST /hotprospector/api with an HTML page instead of data (HTTP 200).',
    });
    expect(
      describeError(new CallsideError('network', 'Could not connect to Hot Prospector (connection refused).')),
    ).toMatchObject({ message: expect.stringContaining('What you change is kept'), detail: expect.any(String) });
    expect(messageOf(new CallsideError('remote', 'failed on its side (HTTP 502)'))).toBe(
      'Hot Prospector had a problem on its side. Try again in a moment.',
    );
  });

  it('shows what core already words for people as it is, with no detail', () => {
    const refused = new CallsideError('auth', 'Hot Prospector refused the API key (HTTP 401). Check it in Settings.');
    expect(describeError(refused)).toEqual({ message: refused.message, detail: null });
    expect(describeError(new CallsideError('unsupported', 'Hipcall cannot change tags.'))).toEqual({
      message: 'Hipcall cannot change tags.',
      detail: null,
    });
    expect(describeError(new Error('TypeError: x is undefined\n at stack'))).toEqual({
      message: 'Callside could not do that. Try again in a moment.',
      detail: null,
    });
  });
});
