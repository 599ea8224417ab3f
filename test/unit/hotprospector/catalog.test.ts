import { describe, expect, it } from 'vitest';
import { HP_METHODS, interpretAnswer, type MethodSpec } from '../../../src/core/providers/hotprospector/methods';
import { contextFor, fixture, fixtureNames, type Api } from './support/fixtures';
import { SAMPLE_PARAMS } from './support/sampleParams';
import { DOCUMENTED_METHODS } from '../../helpers/hotprospector-methods';

const WRITES = [
  'AddTag',
  'UpdateTag',
  'AddGroup',
  'UpdateGroup',
  'DeleteGroup',
  'AddcustomField',
  'UpdateCustomField',
  'DeleteCustomField',
  'Un_SubscribeLead',
  'UpdateExistingLead',
  'MoveLead',
  'CopyLead',
  'AddSingleLead',
  'RemoveSingleLead',
  'AddMultipleLeads',
  'AddLeadTags',
  'RemoveLeadTags',
  'addMemberUser',
  'editMemberUser',
  'deleteMemberUser',
  'creditDeduct',
];

function specFor(method: string): MethodSpec<unknown, unknown> {
  const spec = HP_METHODS.find((entry) => entry.method === method);
  if (!spec) throw new Error(`no catalog entry for ${method}`);
  return spec as unknown as MethodSpec<unknown, unknown>;
}

describe('the Method catalog', () => {
  it('has exactly the 42 documented Method values, once each, in the docs order', () => {
    expect(HP_METHODS.map((spec) => spec.method)).toEqual(DOCUMENTED_METHODS);
    expect(new Set(DOCUMENTED_METHODS).size).toBe(42);
  });

  it('marks exactly the changing Methods as writes', () => {
    const writes = HP_METHODS.filter((spec) => spec.write).map((spec) => spec.method);
    expect(writes.sort()).toEqual([...WRITES].sort());
  });

  it('has a success and an error example from both docs for every Method', () => {
    for (const api of ['v1', 'v2'] as const) {
      const names = fixtureNames(api);
      for (const method of DOCUMENTED_METHODS) {
        expect(
          names.some((name) => name.startsWith(`${method}.success`)),
          `${api} ${method} success`,
        ).toBe(true);
        expect(
          names.some((name) => name.startsWith(`${method}.error`)),
          `${api} ${method} error`,
        ).toBe(true);
      }
    }
  });

  // Every JSON success example of both docs reads without error. The one exception is the V1
  // FetchLeadCallLogs example, whose date is a template placeholder (see logs.test.ts).
  const successFixtures = (['v1', 'v2'] as const).flatMap((api: Api) =>
    fixtureNames(api)
      .filter((name) => name.includes('.success') && name.endsWith('.json'))
      .filter((name) => name !== 'FetchLeadCallLogs.success.repaired.json' && !name.startsWith('auth-'))
      .map((name) => [api, name] as const),
  );

  it('covers 86 success examples (44 from V1, 42 from V2)', () => {
    expect(successFixtures).toHaveLength(86);
  });

  it.each(successFixtures)('%s %s reads without error', (api, name) => {
    const method = name.split('.')[0] ?? '';
    const body = fixture(api, name.replace(/\.json$/, ''));
    expect(() => interpretAnswer(specFor(method), body, SAMPLE_PARAMS[method], contextFor(method))).not.toThrow();
  });
});
