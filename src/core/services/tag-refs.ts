import type { TagRef } from '../../shared/domain';
import { CallsideError } from '../../shared/errors';
import type { Cache } from '../cache';

/**
 * Turns what the agent typed (a tag id or an exact title) into tags from the synced catalog.
 * An id wins over a title; a title two tags share is refused rather than guessed.
 */
export async function resolveTags(cache: Cache, wanted: readonly string[]): Promise<TagRef[]> {
  const catalog = await cache.tags.list();
  const resolved = new Map<string, TagRef>();
  for (const text of wanted) {
    const token = text.trim();
    const byId = catalog.find((tag) => tag.id === token);
    const byTitle = catalog.filter((tag) => tag.title === token);
    const tag = byId ?? byTitle[0];
    if (!tag) {
      throw new CallsideError(
        'invalid_request',
        `No tag has the id or title "${token}". Run a sync to fetch new tags.`,
      );
    }
    if (!byId && byTitle.length > 1) {
      throw new CallsideError(
        'invalid_request',
        `${byTitle.length} tags are titled "${token}"; name the one you mean by its id (${byTitle.map((t) => t.id).join(', ')}).`,
      );
    }
    resolved.set(tag.id, { id: tag.id, title: tag.title });
  }
  return [...resolved.values()];
}
