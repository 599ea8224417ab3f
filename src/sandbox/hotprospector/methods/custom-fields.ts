import type { SbFieldType } from '../types';
import {
  MISSING_PARAMETER,
  applied,
  byDoc,
  fail,
  ok,
  type MethodContext,
  type MethodResult,
  type MethodSpec,
} from './method';

/** Custom lead fields: created by display name, stored and answered under a snake_case key. */

const FIELD_TYPES: readonly SbFieldType[] = ['textbox', 'textarea', 'date', 'radio', 'select'];

/** The one location the demo account has (the id in the docs' SearchByUserInput example). */
export const DEMO_LOCATION_ID = 'loc_1234567890xyz';

function locationFailure(ctx: MethodContext): MethodResult | null {
  const location = ctx.params.str('locationId');
  if (location === '' || location === DEMO_LOCATION_ID) return null;
  return fail(byDoc(ctx.variant, 'Requested location setting not found', 'Location setting not found'));
}

function fieldType(text: string): SbFieldType | null {
  return (FIELD_TYPES as readonly string[]).includes(text) ? (text as SbFieldType) : null;
}

/** Options are required for radio/select and ignored otherwise. */
function fieldOptions(ctx: MethodContext, type: SbFieldType): string[] | null {
  const options = ctx.params.list('FieldOptions');
  if (type === 'radio' || type === 'select') return options.length > 0 ? options : null;
  return [];
}

const AddcustomField: MethodSpec = {
  name: 'AddcustomField',
  write: true,
  authFailure: 'login',
  variants: ['v1', 'v2'],
  handle: (ctx) => {
    const { params, state, variant } = ctx;
    const location = locationFailure(ctx);
    if (location) return location;
    const name = params.str('FieldName');
    const type = fieldType(params.str('FieldType'));
    if (!name || !type) return fail(MISSING_PARAMETER);
    const options = fieldOptions(ctx, type);
    if (!options) return fail(MISSING_PARAMETER);
    if (state.field(name)) return fail('Custom Field already exists');
    const field = state.addField(name, type, options);
    const body: Record<string, unknown> = { response: 'true', FieldName: field.key };
    if (variant === 'v1') Object.assign(body, { locationId: params.str('locationId'), custom_field_id: '' });
    body.message = 'Custom Field has been successfully added';
    return applied(body);
  },
};

const UpdateCustomField: MethodSpec = {
  name: 'UpdateCustomField',
  write: true,
  authFailure: 'login',
  variants: ['v1', 'v2'],
  handle: (ctx) => {
    const { params, state, variant } = ctx;
    const location = locationFailure(ctx);
    if (location) return location;
    const field = state.field(params.str('PreviousFieldName'));
    if (!field) return fail('Invalid field name');
    const name = params.str('newFieldName');
    const typeText = params.str('newFieldType');
    const type = typeText ? fieldType(typeText) : field.type;
    if (!name || !type) return fail(MISSING_PARAMETER);
    const options = params.has('FieldOptions') ? fieldOptions(ctx, type) : field.options;
    if (!options) return fail(MISSING_PARAMETER);
    state.updateField(field, name, type, options);
    const body: Record<string, unknown> = { response: 'true', FieldName: field.key };
    if (variant === 'v1') Object.assign(body, { locationId: params.str('locationId'), custom_field_id: '' });
    body.message = 'Custom Field has been successfully updated';
    return applied(body);
  },
};

const CheckCustomField: MethodSpec = {
  name: 'CheckCustomField',
  write: false,
  authFailure: 'login',
  variants: ['v1'],
  handle: ({ params, state }) => {
    const name = params.str('FieldName');
    if (!name || !state.field(name)) return fail('Field not found');
    // Capital "True": both docs show this Method answering so.
    return ok({ response: 'True', FieldName: name, message: 'Provided Custom Field Exist' });
  },
};

const DeleteCustomField: MethodSpec = {
  name: 'DeleteCustomField',
  write: true,
  authFailure: 'login',
  variants: ['v1'],
  handle: ({ params, state }) => {
    const field = state.field(params.str('FieldName'));
    if (!field) return fail('Invalid FieldName');
    state.deleteField(field);
    return applied({
      response: 'true',
      FieldName: field.key,
      message: 'Provided Custom Field has been successfully Deleted',
    });
  },
};

export const CUSTOM_FIELD_METHODS = [AddcustomField, UpdateCustomField, CheckCustomField, DeleteCustomField];
