import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES, WRITE_METHOD_NAMES, type HotProspectorSandbox } from '../../../src/sandbox';
import { DOCUMENTED_METHODS } from '../../helpers/hotprospector-methods';
import { startSandbox, v1, v2, v2Token } from './helpers';

describe('Method catalogue', () => {
  let sb: HotProspectorSandbox;
  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(() => sb.close());

  it("serves exactly the 42 documented Methods, in the docs' order", () => {
    expect(DOCUMENTED_METHODS).toHaveLength(42);
    expect(METHOD_NAMES).toEqual(DOCUMENTED_METHODS);
  });

  it('marks the 21 state-changing Methods as writes', () => {
    expect([...WRITE_METHOD_NAMES].sort()).toEqual(
      [
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
      ].sort(),
    );
  });

  it('answers every Method with a JSON "response" envelope on V1 and on V2, even with no parameters', async () => {
    const token = (await v2Token(sb)).access;
    for (const Method of DOCUMENTED_METHODS) {
      const viaV1 = await v1(sb, { Method });
      const envelope1 = (Array.isArray(viaV1) ? viaV1[0] : viaV1) as { response?: string };
      expect(['true', 'True', 'false'], `V1 ${Method}`).toContain(envelope1.response);

      const res = await v2(sb, token, { Method });
      expect(res.status, `V2 ${Method}`).toBe(200);
      const viaV2 = (await res.json()) as unknown;
      const envelope2 = (Array.isArray(viaV2) ? viaV2[0] : viaV2) as { response?: string };
      expect(['true', 'True', 'false'], `V2 ${Method}`).toContain(envelope2.response);
    }
    // Parameterless writes are refused, so nothing but the credit deduction may have applied.
    expect(Object.keys(sb.counters().applied)).toEqual(['creditDeduct']);
  });
});
