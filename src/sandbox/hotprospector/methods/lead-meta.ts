import { DEFAULT_LEAD_FIELDS } from '../state';
import { formatSqlTime } from '../time';
import { applied, fail, ok, type MethodContext, type MethodResult, type MethodSpec } from './method';

/** Per-lead metadata: the field catalogue, notes, and tag assignment. */

/** The V2 doc lists a shorter default set, in a different order. */
const V2_DEFAULT_FIELDS = [
  'first_name',
  'last_name',
  'email',
  'phone',
  'mobile',
  'country_code',
  'website',
  'company',
  'zip',
  'address',
];

const FetchLeadFieldsName: MethodSpec = {
  name: 'FetchLeadFieldsName',
  write: false,
  authFailure: 'login',
  // v1: FieldsName is JSON inside a string, custom fields by key; v2: an object, by display name.
  variants: ['v1', 'v2'],
  handle: ({ state, variant }) => {
    if (variant === 'v2') {
      const names = { Default: V2_DEFAULT_FIELDS, Custom: state.data.customFields.map((f) => f.label) };
      return ok({ response: 'true', FieldsName: names });
    }
    const names = {
      Default: DEFAULT_LEAD_FIELDS.map(([name]) => name),
      Custom: state.data.customFields.map((f) => f.key),
    };
    return ok({ response: 'true', FieldsName: JSON.stringify(names), message: 'Default and Custom Fields provided!' });
  },
};

const FetchLeadNotes: MethodSpec = {
  name: 'FetchLeadNotes',
  write: false,
  authFailure: 'login',
  // v1: `noteId` and "3 notes found"; v2: `notesId` and "2 note(s) found".
  variants: ['v1', 'v2'],
  handle: ({ params, state, variant, zone }) => {
    const id = params.id('leadId');
    const notes = id === null ? [] : state.activityOf(id).notes;
    if (notes.length === 0) return fail('No notes found');
    const idKey = variant === 'v2' ? 'notesId' : 'noteId';
    return ok({
      response: 'true',
      message: variant === 'v2' ? `${notes.length} note(s) found` : `${notes.length} notes found`,
      notes: notes.map((n) => ({
        [idKey]: n.id,
        note: n.text,
        type: n.type,
        added_by: n.addedBy,
        dated: formatSqlTime(n.at, zone),
      })),
    });
  },
};

/** Shared by add/remove: every tag id must exist, or nothing is applied. */
function tagWrite(ctx: MethodContext, remove: boolean): MethodResult {
  const { params, state } = ctx;
  const id = params.id('leadId');
  const lead = id === null ? undefined : state.lead(id);
  const tagIds = params.list('tagId').map(Number);
  if (!lead || tagIds.length === 0 || tagIds.some((t) => !Number.isInteger(t) || !state.tag(t))) {
    return fail('Invalid leadId or tagId');
  }
  if (remove) state.removeLeadTags(lead, tagIds);
  else state.addLeadTags(lead, tagIds);
  return applied({
    response: 'true',
    message: remove ? 'Tags removed successfully' : 'Tags assigned successfully',
    leadId: lead.id,
    [remove ? 'tags_removed' : 'tags_assigned']: tagIds,
  });
}

const AddLeadTags: MethodSpec = {
  name: 'AddLeadTags',
  write: true,
  authFailure: 'login',
  variants: ['v1'],
  handle: (ctx) => tagWrite(ctx, false),
};

const RemoveLeadTags: MethodSpec = {
  name: 'RemoveLeadTags',
  write: true,
  authFailure: 'login',
  variants: ['v1'],
  handle: (ctx) => tagWrite(ctx, true),
};

export const LEAD_META_METHODS = [FetchLeadFieldsName, FetchLeadNotes, AddLeadTags, RemoveLeadTags];
