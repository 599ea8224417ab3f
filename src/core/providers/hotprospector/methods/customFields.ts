import { defineMethod } from './spec';
import { compact, invalidParams, requireText } from './wireBody';
import type { WireRecord } from '../wire/record';
import type { HpCustomFieldChange, HpCustomFieldCheck } from '../types';

export type CustomFieldType = 'textbox' | 'textarea' | 'date' | 'radio' | 'select';

/** radio and select fields are useless without options; the server says so only vaguely. */
function optionsFor(
  method: string,
  type: CustomFieldType | undefined,
  options: string[] | undefined,
): string[] | undefined {
  if ((type === 'radio' || type === 'select') && (options === undefined || options.length === 0)) {
    throw invalidParams(method, `FieldOptions for a ${type} field`);
  }
  return options;
}

/** The server answers with its own (lower-cased) key for the field, e.g. "Age" → "age". */
function readChange(answer: WireRecord, requestedName: string): HpCustomFieldChange {
  return {
    fieldName: answer.optionalText('FieldName') ?? requestedName,
    customFieldId: answer.optionalId('custom_field_id'),
    locationId: answer.optionalText('locationId'),
  };
}

export interface AddCustomFieldParams {
  name: string;
  type: CustomFieldType;
  options?: string[];
  locationId?: string;
}

export const addCustomField = defineMethod<AddCustomFieldParams, HpCustomFieldChange>({
  method: 'AddcustomField',
  write: true,
  toWire: (p) =>
    compact({
      FieldName: requireText('AddcustomField', 'name', p.name),
      FieldType: p.type,
      FieldOptions: optionsFor('AddcustomField', p.type, p.options),
      locationId: p.locationId,
    }),
  read: (answer, p) => readChange(answer, p.name),
});

export interface UpdateCustomFieldParams {
  previousName: string;
  newName: string;
  newType?: CustomFieldType;
  options?: string[];
  locationId?: string;
}

export const updateCustomField = defineMethod<UpdateCustomFieldParams, HpCustomFieldChange>({
  method: 'UpdateCustomField',
  write: true,
  toWire: (p) =>
    compact({
      PreviousFieldName: requireText('UpdateCustomField', 'previousName', p.previousName),
      newFieldName: requireText('UpdateCustomField', 'newName', p.newName),
      newFieldType: p.newType,
      FieldOptions: optionsFor('UpdateCustomField', p.newType, p.options),
      locationId: p.locationId,
    }),
  read: (answer, p) => readChange(answer, p.newName),
});

export interface CustomFieldNameParams {
  name: string;
}

export const checkCustomField = defineMethod<CustomFieldNameParams, HpCustomFieldCheck>({
  method: 'CheckCustomField',
  write: false,
  toWire: (p) => ({ FieldName: requireText('CheckCustomField', 'name', p.name) }),
  read: (answer, p) => ({ exists: true, fieldName: answer.optionalText('FieldName') ?? p.name }),
  // The question is "does it exist?": "Field not found" is the answer no, not a failure.
  whenRejected: (error, p) => (error.code === 'not_found' ? { exists: false, fieldName: p.name } : undefined),
});

export const deleteCustomField = defineMethod<CustomFieldNameParams, HpCustomFieldChange>({
  method: 'DeleteCustomField',
  write: true,
  toWire: (p) => ({ FieldName: requireText('DeleteCustomField', 'name', p.name) }),
  // Deleting is not treated as done on "not found": the outbox verifies with a read instead.
  read: (answer, p) => readChange(answer, p.name),
});
