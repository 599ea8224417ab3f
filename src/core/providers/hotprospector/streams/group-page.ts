import type { CacheRepositories, LeadInput } from '../../../cache';
import type { Lead, TagRef } from '../../../../shared/domain';
import { isLocalLeadId } from '../../../sync/local-ids';

/** The cache hands out at most this many leads per list call. */
const LIST_PAGE = 10_000;

/**
 * Writes one group's leads as Hot Prospector listed them. A group-filtered search names only
 * that group on each lead, so a lead's other memberships are kept from the cache; leads the
 * cache had in this group and the provider no longer lists there lose this membership. Tag
 * titles missing from the lead rows come from the tag catalog. Run inside a transaction.
 */
export async function writeGroupPage(
  tx: CacheRepositories,
  groupId: string,
  pulled: readonly Lead[],
  tagTitles: ReadonlyMap<string, string>,
): Promise<void> {
  const pulledIds = new Set(pulled.map((lead) => lead.id));
  const cached = new Map((await tx.leads.getMany([...pulledIds])).map((lead) => [lead.id, lead]));

  const page: LeadInput[] = pulled.map((lead) => ({
    ...lead,
    groupIds: withGroup(cached.get(lead.id)?.groupIds ?? [], groupId),
    tags: titled(lead.tags, tagTitles),
  }));
  for (const former of await formerMembers(tx, groupId, pulledIds)) {
    page.push({ ...former, groupIds: former.groupIds.filter((id) => id !== groupId) });
  }
  await tx.leads.upsertPage(page);
}

function withGroup(groupIds: readonly string[], groupId: string): string[] {
  return groupIds.includes(groupId) ? [...groupIds] : [...groupIds, groupId];
}

/** Tag ids with their catalog titles; a tag known only by title gets its id from the catalog. */
function titled(tags: readonly TagRef[], titles: ReadonlyMap<string, string>): TagRef[] {
  const idsByTitle = new Map([...titles].map(([id, title]) => [title, id]));
  const result: TagRef[] = [];
  for (const tag of tags) {
    const id = tag.id || idsByTitle.get(tag.title);
    // A title the catalog does not know has no id to store it under; the next tag sync brings it.
    if (!id) continue;
    result.push({ id, title: titles.get(id) ?? tag.title });
  }
  return result;
}

async function formerMembers(tx: CacheRepositories, groupId: string, stillThere: ReadonlySet<string>) {
  const former: Lead[] = [];
  for (let offset = 0; ; offset += LIST_PAGE) {
    const members = await tx.leads.list({ groupId, limit: LIST_PAGE, offset, order: 'name' });
    // A lead added in Callside and not yet confirmed is not listed anywhere yet: not a departure.
    former.push(...members.filter((lead) => !stillThere.has(lead.id) && !isLocalLeadId(lead.id)));
    if (members.length < LIST_PAGE) return former;
  }
}
