import { z } from 'zod';
import { malformedAnswer, rejectionError } from './errors';
import { isPlainObject, openJsonText } from './jsonText';
import { readPrintRMessage } from './printR';
import type { CallsideError } from '../../../../shared/errors';

/**
 * Every Method answers with the same envelope: `response` ("true", "True", true, "false", ...),
 * usually `message`, and the payload beside them. The docs show it as an object or as a
 * one-item array around the object; both are accepted.
 */
export type Envelope =
  { ok: true; fields: Record<string, unknown>; message: string } | { ok: false; error: CallsideError; message: string };

const responseFlag = z.union([
  z.boolean(),
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['true', 'false']))
    .transform((text) => text === 'true'),
]);

const envelopeShape = z.looseObject({
  response: responseFlag,
  message: z.union([z.string(), z.number()]).optional(),
});

function unwrapBody(method: string, body: unknown): Record<string, unknown> {
  let value = body;
  if (typeof value === 'string') {
    const routerMessage = readPrintRMessage(value);
    if (routerMessage !== null) {
      const said = routerMessage === '' ? '' : ` ("${routerMessage}")`;
      throw malformedAnswer(method, `a PHP router error page instead of JSON${said}`);
    }
    value = openJsonText(value);
    if (typeof value === 'string') throw malformedAnswer(method, 'text that is not JSON');
  }
  if (Array.isArray(value)) {
    if (value.length !== 1) throw malformedAnswer(method, `a list of ${value.length} answers where one was expected`);
    value = value[0];
  }
  if (!isPlainObject(value)) throw malformedAnswer(method, 'something other than a JSON object');
  return value;
}

export function readEnvelope(method: string, body: unknown): Envelope {
  const fields = unwrapBody(method, body);
  const parsed = envelopeShape.safeParse(fields);
  if (!parsed.success) {
    const problem = 'response' in fields ? 'a "response" flag that is neither true nor false' : 'no "response" flag';
    throw malformedAnswer(method, problem);
  }
  const message = parsed.data.message === undefined ? '' : String(parsed.data.message);
  if (!parsed.data.response) return { ok: false, error: rejectionError(method, message), message };
  return { ok: true, fields, message };
}
