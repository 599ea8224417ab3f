import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { interpretAnswer, type MethodSpec } from '../../../../src/core/providers/hotprospector/methods';
import type { ReadContext } from '../../../../src/core/providers/hotprospector/wire/context';

/** The docs' example answers, extracted verbatim into test/fixtures/hotprospector (see INDEX.md there). */
const FIXTURE_DIR = fileURLToPath(new URL('../../../fixtures/hotprospector/', import.meta.url));

export type Api = 'v1' | 'v2';

export function fixtureText(api: Api, name: string): string {
  return readFileSync(`${FIXTURE_DIR}${api}/${name}`, 'utf8');
}

/** A JSON fixture as the transport would hand it over: decoded, envelope untouched. */
export function fixture(api: Api, name: string): unknown {
  return JSON.parse(fixtureText(api, `${name}.json`)) as unknown;
}

export function fixtureNames(api: Api): string[] {
  return readdirSync(`${FIXTURE_DIR}${api}`).sort();
}

export const LA = 'America/Los_Angeles';

export function contextFor(method: string, timezone = LA): ReadContext {
  return { method, timezone, provider: 'hotprospector' };
}

/** Runs one fixture through a catalog entry exactly as the client would after the transport. */
export function readFixture<P, R>(spec: MethodSpec<P, R>, api: Api, name: string, params: P, timezone = LA): R {
  return interpretAnswer(spec, fixture(api, name), params, contextFor(spec.method, timezone));
}

/** Runs a body and returns the CallsideError it throws (fails the test if it does not throw). */
export function errorOf(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof Error && 'code' in error) return { code: String(error.code), message: error.message };
    throw error;
  }
  throw new Error('expected an error, got a result');
}
