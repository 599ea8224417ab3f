/**
 * What a normalizer needs besides the answer: which Method it reads (for error messages), the
 * account's time zone (for zone-less times) and which provider id to stamp on leads.
 */
export interface ReadContext {
  readonly method: string;
  readonly timezone: string;
  readonly provider: 'hotprospector' | 'demo';
}
