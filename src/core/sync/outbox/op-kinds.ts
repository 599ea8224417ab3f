import { z } from 'zod';
import { LEAD_TEXT_FIELDS } from '../../../shared/domain';

/**
 * The operations the agent can queue, with the payload each carries. Kind names and payloads
 * are stored in the outbox table, so they outlive versions of this code: change them only
 * compatibly (new optional fields, new kinds).
 */
export const OP_KIND = {
  tagAdd: 'tag.add',
  tagRemove: 'tag.remove',
  leadUpdate: 'lead.update',
  leadMove: 'lead.move',
  leadCopy: 'lead.copy',
  leadUnsubscribe: 'lead.unsubscribe',
  leadAdd: 'lead.add',
  noteAdd: 'note.add',
} as const;
export type OpKind = (typeof OP_KIND)[keyof typeof OP_KIND];

export const tagOpSchema = z.object({ tagIds: z.array(z.string().min(1)).min(1) });
export type TagOpPayload = z.infer<typeof tagOpSchema>;

/** The lead fields Hot Prospector's UpdateExistingLead can change, by their domain names. */
export const EDITABLE_LEAD_FIELDS = LEAD_TEXT_FIELDS;
export type EditableLeadField = (typeof EDITABLE_LEAD_FIELDS)[number];

export const leadUpdateSchema = z.object({
  changes: z.partialRecord(z.enum(EDITABLE_LEAD_FIELDS), z.string()),
});
export type LeadUpdatePayload = z.infer<typeof leadUpdateSchema>;

/** `fromGroupIds`: where the lead was before a move, so a verify read can tell it has left. */
export const leadMoveSchema = z.object({ groupId: z.string().min(1), fromGroupIds: z.array(z.string()) });
export type LeadMovePayload = z.infer<typeof leadMoveSchema>;

export const leadCopySchema = z.object({ groupId: z.string().min(1) });
export type LeadCopyPayload = z.infer<typeof leadCopySchema>;

export const leadUnsubscribeSchema = z.object({});
export type LeadUnsubscribePayload = z.infer<typeof leadUnsubscribeSchema>;

export const newLeadSchema = z.object({
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  mobile: z.string().optional(),
  company: z.string().optional(),
  website: z.string().optional(),
  city: z.string().optional(),
  state: z.string().optional(),
  zip: z.string().optional(),
  address: z.string().optional(),
  countryCode: z.string().optional(),
  customFields: z.record(z.string(), z.string()).optional(),
});
export type NewLeadInput = z.infer<typeof newLeadSchema>;

export const leadAddSchema = z.object({
  groupId: z.string().min(1),
  lead: newLeadSchema,
  tagIds: z.array(z.string()),
});
export type LeadAddPayload = z.infer<typeof leadAddSchema>;

/** What Cache.addLocalNote puts in the payload. */
export const noteAddSchema = z.object({
  localNoteId: z.string(),
  leadId: z.string(),
  text: z.string(),
  kind: z.string(),
  at: z.string(),
});
export type NoteAddPayload = z.infer<typeof noteAddSchema>;
