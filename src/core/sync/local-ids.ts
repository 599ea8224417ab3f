/**
 * A lead the agent added in Callside carries a local id until Hot Prospector confirms it and
 * hands out its own. Pulls never see such a lead, so they must leave it alone.
 */
export const LOCAL_LEAD_PREFIX = 'local-';

export function isLocalLeadId(id: string): boolean {
  return id.startsWith(LOCAL_LEAD_PREFIX);
}
