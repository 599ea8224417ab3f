import { MISSING_PARAMETER, applied, byDoc, fail, ok, type MethodSpec } from './method';

/** Tags and groups: the account's two ways of sorting leads. */

/** TeamId/Added_by in V1 tag and group rows: the docs' example team. */
const TEAM_ID = '15';

const FetchAllTags: MethodSpec = {
  name: 'FetchAllTags',
  write: false,
  authFailure: 'login',
  // v1: the endpoint section; quickstart: the Quickstart's one-item array with `tags`; v2: the V2 doc.
  variants: ['v1', 'quickstart', 'v2'],
  handle: ({ state, variant }) => {
    const tags = state.data.tags;
    if (tags.length === 0) return fail('No tag found');
    if (variant === 'quickstart') {
      return ok([
        {
          response: 'true',
          message: 'All Tags fetched successfully',
          tags: tags.map((t) => ({ TagId: String(t.id), TagTitle: t.title, TagStatus: t.status })),
        },
      ]);
    }
    const rows =
      variant === 'v2'
        ? tags.map((t) => ({ TagId: String(t.id), TagTitle: t.title }))
        : tags.map((t) => ({ TagId: String(t.id), TeamId: TEAM_ID, Added_by: TEAM_ID, TagTitle: t.title }));
    return ok({ response: 'true', tag: rows, message: `There are ${rows.length} tags` });
  },
};

const AddTag: MethodSpec = {
  name: 'AddTag',
  write: true,
  authFailure: 'login',
  variants: ['v1'],
  handle: ({ params, state }) => {
    const title = params.str('TagTitle');
    if (!title) return fail(MISSING_PARAMETER);
    const tag = state.addTag(title);
    return applied({
      response: 'true',
      'Added TagId': tag.id,
      message: `Tag(${title}) has been successfully added`,
    });
  },
};

const UpdateTag: MethodSpec = {
  name: 'UpdateTag',
  write: true,
  authFailure: 'login',
  variants: ['v1', 'v2'],
  handle: ({ params, state, variant }) => {
    const rawId = params.str('TagId');
    const title = params.str('UpdateTagTitle');
    const id = params.id('TagId');
    const tag = id === null ? undefined : state.tag(id);
    if (!tag) return fail(byDoc(variant, `Invalid provided TagId: ${rawId}`, 'Invalid provided TagId'));
    if (!title) return fail(MISSING_PARAMETER);
    tag.title = title;
    return applied({
      response: 'true',
      TagId: rawId,
      UpdateTagTitle: title,
      message: 'Tag has been successfully updated',
    });
  },
};

const FetchAllGroups: MethodSpec = {
  name: 'FetchAllGroups',
  write: false,
  authFailure: 'login',
  variants: ['v1', 'v2'],
  handle: ({ state, variant }) => {
    const groups = state.data.groups;
    if (groups.length === 0) return fail('No group found');
    const rows =
      variant === 'v2'
        ? groups.map((g) => ({ GroupId: String(g.id), GroupTitle: g.title }))
        : groups.map((g) => ({ GroupId: String(g.id), TeamId: TEAM_ID, Added_by: TEAM_ID, GroupTitle: g.title }));
    return ok({ response: 'true', group: rows, message: `There are ${rows.length} groups` });
  },
};

const AddGroup: MethodSpec = {
  name: 'AddGroup',
  write: true,
  authFailure: 'login',
  variants: ['v1'],
  handle: ({ params, state }) => {
    const title = params.str('GroupTitle');
    if (!title) return fail(MISSING_PARAMETER);
    const group = state.addGroup(title);
    return applied({
      response: 'true',
      'Added GroupId': group.id,
      message: `Group(${title}) has been successfully added`,
    });
  },
};

const UpdateGroup: MethodSpec = {
  name: 'UpdateGroup',
  write: true,
  authFailure: 'login',
  variants: ['v1', 'v2'],
  handle: ({ params, state, variant }) => {
    const rawId = params.str('GroupId');
    const title = params.str('UpdateGroupTitle');
    const id = params.id('GroupId');
    const group = id === null ? undefined : state.group(id);
    if (!group) return fail(byDoc(variant, `Invalid provided GroupId: ${rawId}`, 'Invalid provided GroupId'));
    if (!title) return fail(MISSING_PARAMETER);
    group.title = title;
    return applied({
      response: 'true',
      GroupId: rawId,
      UpdateGroupTitle: title,
      message: 'Group has been successfully updated',
    });
  },
};

const DeleteGroup: MethodSpec = {
  name: 'DeleteGroup',
  write: true,
  authFailure: 'login',
  variants: ['v1'],
  handle: ({ params, state }) => {
    const id = params.id('GroupId');
    if (id === null || !state.deleteGroup(id)) return fail('Invalid Provided GroupId');
    return applied({
      response: 'true',
      GroupId: params.str('GroupId'),
      message: 'Group has been successfully deleted',
    });
  },
};

export const TAG_GROUP_METHODS = [FetchAllTags, AddTag, UpdateTag, FetchAllGroups, AddGroup, UpdateGroup, DeleteGroup];
