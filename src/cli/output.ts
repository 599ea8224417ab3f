import { toCallsideError, type ErrorCode } from '../shared/errors';

/** Exit codes: 1 for a failed operation, 2 for a command line we could not understand. */
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {}

export interface Output {
  readonly json: boolean;
  /** Data for `--json`, or the human form otherwise. */
  result(data: unknown, human: () => string): void;
  /** Progress and notices: stderr, so stdout stays one JSON document. */
  notice(line: string): void;
}

export function createOutput(json: boolean): Output {
  return {
    json,
    result(data, human) {
      process.stdout.write(json ? `${JSON.stringify(data)}\n` : `${human()}\n`);
    },
    notice(line) {
      process.stderr.write(`${line}\n`);
    },
  };
}

/** One clear line on stderr (`--json`: `{"error":{"code","message"}}`), never a stack trace. */
export function reportError(error: unknown, json: boolean): number {
  const isUsage = error instanceof UsageError;
  const code: ErrorCode | 'usage' = isUsage ? 'usage' : toCallsideError(error).code;
  const message = isUsage ? error.message : toCallsideError(error).message;
  process.stderr.write(json ? `${JSON.stringify({ error: { code, message } })}\n` : `callside: ${message}\n`);
  return isUsage ? EXIT_USAGE : EXIT_FAILURE;
}
