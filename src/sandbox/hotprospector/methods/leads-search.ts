import type { SbLead } from '../types';
import { digitsOf, phoneKey } from '../text';
import { leadRow, type CustomFieldsStyle } from '../wire';
import { DEMO_LOCATION_ID } from './custom-fields';
import { MISSING_PARAMETER, byDoc, fail, ok, type MethodContext, type MethodResult, type MethodSpec } from './method';

/**
 * The two lead searches. They are also the only way to list leads (a GroupId without
 * searchText returns the whole group), so a sync pulls leads group by group through here.
 */

type Matcher = (lead: SbLead) => boolean;

const VARIANTS = ['v1', 'v2', 'json-text'] as const;

function contains(haystack: string, needle: string): boolean {
  return haystack.toLowerCase().includes(needle.toLowerCase());
}

function phoneMatcher(text: string, pick: (l: SbLead) => string): Matcher {
  const wanted = phoneKey(text) || digitsOf(text);
  return (lead) => wanted !== '' && digitsOf(pick(lead)).includes(wanted);
}

function userInputMatcher(field: string, text: string): Matcher | null {
  switch (field) {
    case 'leadId':
      return (lead) => String(lead.id) === text;
    case 'first_name':
      return (lead) => contains(lead.firstName, text);
    case 'last_name':
      return (lead) => contains(lead.lastName, text);
    case 'email':
      return (lead) => contains(lead.email, text);
    case 'phone':
      return phoneMatcher(text, (l) => l.phone);
    case 'mobile':
      return phoneMatcher(text, (l) => l.mobile);
    default:
      return null;
  }
}

function search(ctx: MethodContext, matcher: Matcher | null, withLocation: boolean): MethodResult {
  const { params, state, variant } = ctx;
  const notFound = fail(byDoc(variant, 'No results found against your provided search/filter.', 'No results found'));
  const groupText = params.str('GroupId');
  const groupId = params.id('GroupId');
  if (groupText !== '' && (groupId === null || !state.group(groupId))) return notFound;
  const location = params.str('locationId');
  if (withLocation && location !== '' && location !== DEMO_LOCATION_ID) return notFound;

  const leads = state.data.leads.filter(
    (lead) => (groupId === null || lead.groupIds.includes(groupId)) && (matcher === null || matcher(lead)),
  );
  if (leads.length === 0) return notFound;
  if (params.str('sortBy').toUpperCase() === 'DESC') leads.sort((a, b) => b.id - a.id);
  else leads.sort((a, b) => a.id - b.id);

  const customStyle: CustomFieldsStyle =
    variant === 'json-text' ? 'json-text' : variant === 'v2' ? 'object' : 'empty-string';
  const rows = leads.map((lead) =>
    leadRow(lead, {
      // Filtered by group: that group, as the docs show. Otherwise every group the lead is in,
      // comma-separated like `Tags`, so a lead in two groups loses neither.
      groupId: groupId === null ? lead.groupIds.join(',') : String(groupId),
      customStyle,
      ...(withLocation && location !== '' ? { locationId: location } : {}),
    }),
  );
  return ok(
    variant === 'v2'
      ? { response: 'true', Results: rows }
      : { response: 'true', Results: rows, message: 'Lead Records' },
  );
}

const SearchByUserInput: MethodSpec = {
  name: 'SearchByUserInput',
  write: false,
  authFailure: 'login',
  variants: VARIANTS,
  handle: (ctx) => {
    const text = ctx.params.str('searchText');
    if (text === '') return ctx.params.has('GroupId') ? search(ctx, null, true) : fail(MISSING_PARAMETER);
    const matcher = userInputMatcher(ctx.params.str('searchField'), text);
    return matcher ? search(ctx, matcher, true) : fail(MISSING_PARAMETER);
  },
};

const SearchByCustomField: MethodSpec = {
  name: 'SearchByCustomField',
  write: false,
  authFailure: 'login',
  variants: VARIANTS,
  handle: (ctx) => {
    const text = ctx.params.str('searchText');
    if (text === '') return ctx.params.has('GroupId') ? search(ctx, null, false) : fail(MISSING_PARAMETER);
    const field = ctx.state.field(ctx.params.str('searchField'));
    if (!field)
      return fail(byDoc(ctx.variant, 'No results found against your provided search/filter.', 'No results found'));
    return search(ctx, (lead) => contains(lead.custom[field.key] ?? '', text), false);
  },
};

export const LEAD_SEARCH_METHODS = [SearchByUserInput, SearchByCustomField];
