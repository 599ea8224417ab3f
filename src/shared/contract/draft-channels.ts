import { z } from 'zod';

/**
 * Note drafts: what the agent has typed for a lead and not yet saved or thrown away. Kept by
 * main per workspace, because the renderer's own storage does not outlive a run of the
 * browser host (its origin changes with the port). Spread into `channels` like the tray's.
 */

const leadId = z.string().min(1).max(128);

/** As long as a note may be (noteInputSchema), so a draft always fits the note it becomes. */
export const MAX_DRAFT_LENGTH = 10_000;

export const draftSchema = z.object({
  leadId,
  text: z.string().max(MAX_DRAFT_LENGTH),
  /** ISO time of the write that won. */
  savedAt: z.string(),
});
export type Draft = z.infer<typeof draftSchema>;

export const draftChannels = {
  /** The lead's draft, or null when it has none. */
  'draft.get': { input: z.object({ leadId }).strict(), output: draftSchema.nullable() },
  /**
   * Replaces the lead's draft (the last write wins; other leads' drafts are untouched). Text that
   * is only blanks removes the draft, as clearing the field by hand is discarding it.
   */
  'draft.save': {
    input: z.object({ leadId, text: z.string().max(MAX_DRAFT_LENGTH) }).strict(),
    output: draftSchema.nullable(),
  },
  /** Throws the lead's draft away (after its note was saved, or on "Discard draft"). */
  'draft.discard': { input: z.object({ leadId }).strict(), output: z.object({ discarded: z.boolean() }) },
} as const;
