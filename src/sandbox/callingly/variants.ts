/**
 * The Callingly doc's untidy spellings, as variant sites for the shared VariantPicker
 * (../variants.ts). Each site lists the doc's own example first (`first` mode answers exactly
 * like the doc). Envelope and boolean sites are picked once per answer; the others once per row,
 * so one page mixes them. Opt-in variants never rotate in: only `pin` selects them.
 *
 * | site                    | variants                   | where                                         |
 * |-------------------------|----------------------------|-----------------------------------------------|
 * | envelope:<path>         | doc envelope, other        | every list: bare array, {data}, {agents}      |
 * | booleans                | doc, bool, int             | 0/1 fields as true/false, true/false as 0/1   |
 * | calls.relations         | empty, objects             | calls list rows: member/lead/profile `[]`     |
 * | lead.tags               | strings, objects           | tags as "Hot" or {id, name}                   |
 * | lead.calls.status       | null, value                | lead.calls[].status null as in the doc        |
 * | lead.owner              | null, empty                | a lead with no owner: lead_owner null or `[]` |
 * | calls.encoding (opt-in) | json; js-literal           | unquoted keys, trailing commas (the doc)      |
 */

export const VARIANT_SITES = {
  'envelope:/teams': ['bare', 'data'],
  'envelope:/agents': ['bare', 'data'],
  'envelope:/leads': ['bare', 'data'],
  'envelope:/clients': ['bare', 'data'],
  'envelope:/calls': ['data', 'bare'],
  'envelope:/teams/{id}/agents': ['agents', 'data'],
  booleans: ['doc', 'bool', 'int'],
  'calls.relations': ['empty', 'objects'],
  'lead.tags': ['strings', 'objects'],
  'lead.calls.status': ['null', 'value'],
  'lead.owner': ['null', 'empty'],
  'calls.encoding': ['json'],
} as const satisfies Record<string, readonly string[]>;

export const OPT_IN_VARIANTS: Partial<Record<VariantSite, readonly string[]>> = {
  'calls.encoding': ['js-literal'],
};

export type VariantSite = keyof typeof VARIANT_SITES;
