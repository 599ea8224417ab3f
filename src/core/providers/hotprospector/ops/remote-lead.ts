import type { Lead } from '../../../../shared/domain';
import type { HotProspectorClient } from '../client';

/**
 * Verify reads. Hot Prospector finds a lead by id only within a group (SearchByUserInput needs
 * a GroupId), so the lead is looked for group by group, likeliest first. The row found names
 * only the group searched; its tags and fields are the lead's own.
 */
export async function findRemoteLead(
  client: HotProspectorClient,
  leadId: string,
  groupIds: readonly string[],
  options: { signal?: AbortSignal },
): Promise<Lead | null> {
  for (const groupId of new Set(groupIds)) {
    const found = await findInGroup(client, leadId, groupId, options);
    if (found) return found;
  }
  return null;
}

export async function findInGroup(
  client: HotProspectorClient,
  leadId: string,
  groupId: string,
  options: { signal?: AbortSignal },
): Promise<Lead | null> {
  const rows = await client.searchLeads({ groupId, searchField: 'leadId', searchText: leadId }, options);
  return rows.find((lead) => lead.id === leadId) ?? null;
}
