import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { z } from 'zod';

/**
 * A small piece of state the app keeps between runs (not a setting: nobody edits it), e.g.
 * which activities were already notified. Read through its schema, so a damaged file starts
 * over from the default instead of failing; written whole to a temporary file and renamed
 * over the old one, so a crash mid-write never leaves half a file.
 */
export interface StateFile<T> {
  read(): T;
  write(value: T): void;
}

export function createJsonStateFile<S extends z.ZodType>(
  path: string,
  schema: S,
  fallback: () => z.output<S>,
): StateFile<z.output<S>> {
  return {
    read() {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        return fallback();
      }
      try {
        const parsed = schema.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data : fallback();
      } catch {
        return fallback();
      }
    },
    write(value) {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, `${JSON.stringify(value)}\n`, { mode: 0o600 });
      renameSync(temporary, path);
    },
  };
}

/** For tests and hosts that keep nothing between runs. */
export function createMemoryStateFile<T>(initial: T): StateFile<T> & { readonly value: T } {
  let value = structuredClone(initial);
  return {
    get value() {
      return value;
    },
    read: () => structuredClone(value),
    write(next) {
      value = structuredClone(next);
    },
  };
}
