import { CallsideError } from '../../../../shared/errors';
import type { WireParams } from './spec';

/**
 * Helpers for building request bodies. Optional parameters the caller did not give are left out
 * entirely, so the server applies its own defaults.
 */
export function compact(body: Record<string, unknown>): WireParams {
  const result: WireParams = {};
  for (const [key, value] of Object.entries(body)) {
    if (value !== undefined) result[key] = value;
  }
  return result;
}

/** Ids the docs type as integers (leadId of FetchLeadNotes, campaign_id) go as numbers when they are digits. */
export function integerId(id: string): number | string {
  const value = Number(id);
  return /^\d+$/.test(id) && Number.isSafeInteger(value) ? value : id;
}

export function invalidParams(method: string, problem: string): CallsideError {
  return new CallsideError('invalid_request', `${method} needs ${problem}.`);
}

export function requireText(method: string, name: string, value: string | undefined): string {
  if (value === undefined || value.trim() === '') throw invalidParams(method, `a non-empty ${name}`);
  return value;
}

/** For Methods that find a lead by any of several keys (email / phone / mobile). */
export function requireOneOf(method: string, values: Record<string, string | undefined>): void {
  const given = Object.values(values).some((value) => value !== undefined && value.trim() !== '');
  if (!given) throw invalidParams(method, `at least one of ${Object.keys(values).join(', ')}`);
}
