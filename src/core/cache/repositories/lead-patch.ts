import { LEAD_TEXT_FIELDS, type Lead } from '../../../shared/domain';
import type { LeadInput } from './lead-writer';

/**
 * A local change to a lead. Custom fields merge key by key (null removes one); everything else
 * replaces the whole field (tags and groupIds are sets: the new full list).
 */
export type LeadPatch = Partial<Omit<Lead, 'id' | 'provider' | 'customFields'>> & {
  customFields?: Record<string, string | null>;
};

/**
 * Field names as the outbox records them: a Lead key ("email", "tags", "groupIds"), or
 * "customFields.<name>" for one custom field, or "customFields" for all of them.
 */
export const CUSTOM_FIELD_PREFIX = 'customFields.';

const PROTECTABLE_KEYS = [
  ...LEAD_TEXT_FIELDS,
  'countryCode',
  'groupIds',
  'tags',
  'unsubscribed',
] as const satisfies ReadonlyArray<keyof Lead>;
type ProtectableKey = (typeof PROTECTABLE_KEYS)[number];

export function applyLeadPatch(lead: Lead, patch: LeadPatch): Lead {
  const { customFields: customPatch, ...fields } = patch;
  const next: Lead = { ...lead, ...definedOnly(fields) };
  if (customPatch) {
    const customFields = { ...lead.customFields };
    for (const [name, value] of Object.entries(customPatch)) {
      if (value === null) delete customFields[name];
      else customFields[name] = value;
    }
    next.customFields = customFields;
  }
  return next;
}

/** The outbox field names a patch changes: what a pull must not overwrite until it is delivered. */
export function fieldsTouchedBy(patch: LeadPatch): string[] {
  const fields: string[] = [];
  for (const key of PROTECTABLE_KEYS) if (patch[key] !== undefined) fields.push(key);
  for (const name of Object.keys(patch.customFields ?? {})) fields.push(`${CUSTOM_FIELD_PREFIX}${name}`);
  return fields;
}

/**
 * The pulled lead with every field that has a queued local change taken from the local copy:
 * the agent's optimistic value stays on screen until the provider confirms (or rejects) it.
 */
export function keepPendingFields(pulled: LeadInput, local: Lead, pending: ReadonlySet<string>): LeadInput {
  const merged: LeadInput = { ...pulled };
  const assign = <K extends ProtectableKey>(key: K) => {
    merged[key] = local[key];
  };
  for (const key of PROTECTABLE_KEYS) if (pending.has(key)) assign(key);
  if (pending.has('customFields')) {
    merged.customFields = { ...local.customFields };
    return merged;
  }
  const customFields = { ...pulled.customFields };
  let touched = false;
  for (const field of pending) {
    if (!field.startsWith(CUSTOM_FIELD_PREFIX)) continue;
    const name = field.slice(CUSTOM_FIELD_PREFIX.length);
    const localValue = local.customFields[name];
    if (localValue === undefined) delete customFields[name];
    else customFields[name] = localValue;
    touched = true;
  }
  if (touched) merged.customFields = customFields;
  return merged;
}

function definedOnly<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
