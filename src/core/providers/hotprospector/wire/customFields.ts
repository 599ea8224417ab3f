import type { CustomField } from '../../../../shared/domain';
import { malformedAnswer } from './errors';
import type { WireRecord } from './record';

function fieldNames(method: string, list: unknown, key: string): string[] {
  if (list === undefined || list === null || list === '') return [];
  if (!Array.isArray(list) || !list.every((name) => typeof name === 'string')) {
    throw malformedAnswer(method, `FieldsName.${key} is not a list of field names`);
  }
  return list.map((name) => name.trim()).filter((name) => name !== '');
}

/**
 * FetchLeadFieldsName: `FieldsName` is an object in V2 and JSON text in V1; both hold a
 * `Default` and a `Custom` list. The answer carries no field types, so `type` is null.
 */
export function readLeadFieldNames(answer: WireRecord): CustomField[] {
  const names = answer.child('FieldsName');
  if (names === null) return [];
  const builtIn = fieldNames(answer.method, names.raw('Default'), 'Default');
  const custom = fieldNames(answer.method, names.raw('Custom'), 'Custom');
  return [
    ...builtIn.map((name) => ({ name, type: null, builtIn: true })),
    ...custom.map((name) => ({ name, type: null, builtIn: false })),
  ];
}
