import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { commonFaultFields, FaultInjector } from '../faults';
import { htmlReply, jsonReply, nginxErrorPage, send, sendDropped, sendTruncated, type HttpReply } from '../http';

/**
 * Misbehaviour on demand for the Hipcall simulator (shared fault model, ../faults.ts):
 *
 * | kind       | what the client sees                                            | write applied? |
 * |------------|-----------------------------------------------------------------|----------------|
 * | http5xx    | `status5xx` (default 503) with nginx's HTML error page           | no             |
 * | html       | HTTP 200 with the dashboard's login page instead of JSON         | no             |
 * | http401    | 401 `{"message":"Unauthenticated."}` (a revoked token)           | no             |
 * | http429    | 429 `{"message":"Too Many Attempts."}` with `Retry-After`         | no             |
 * | brokenJson | HTTP 200 with the JSON cut in half                               | yes            |
 * | drop       | headers and half the body, then the connection is destroyed      | yes            |
 *
 * `only` matches a request by its route ("GET /cdrs", "POST /comments").
 */
export const HIPCALL_FAULT_KINDS = ['http5xx', 'html', 'http401', 'http429', 'brokenJson', 'drop'] as const;
export type HipcallFaultKind = (typeof HIPCALL_FAULT_KINDS)[number];

export const hipcallFaultSettingsSchema = z
  .object({
    ...commonFaultFields(HIPCALL_FAULT_KINDS),
    retryAfterSec: z.number().int().min(0).max(3600).optional(),
  })
  .strict();
export type HipcallFaultSettings = z.infer<typeof hipcallFaultSettingsSchema>;

export class HipcallFaultInjector extends FaultInjector<HipcallFaultKind, HipcallFaultSettings> {
  constructor(seed: number, settings: HipcallFaultSettings = {}) {
    super(seed, HIPCALL_FAULT_KINDS, (input) => hipcallFaultSettingsSchema.parse(input), settings);
  }

  retryAfterSec(): number {
    return this.settings.retryAfterSec ?? 2;
  }
}

export const BEFORE_HANDLING: ReadonlySet<HipcallFaultKind> = new Set(['http5xx', 'html', 'http401', 'http429']);

const LOGIN_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Hipcall | Login</title></head>
<body><form method="POST" action="/login"><input name="email"><input type="password" name="password"><button>Sign in</button></form></body>
</html>
`;

export function tooManyAttempts(retryAfterSec: number, limit: number): HttpReply {
  const reply = jsonReply({ message: 'Too Many Attempts.' }, 429);
  reply.headers['retry-after'] = String(retryAfterSec);
  reply.headers['x-ratelimit-limit'] = String(limit);
  reply.headers['x-ratelimit-remaining'] = '0';
  return reply;
}

export function failBeforeHandling(kind: HipcallFaultKind, faults: HipcallFaultInjector, res: ServerResponse): void {
  if (kind === 'http5xx') return send(res, htmlReply(nginxErrorPage(faults.status5xx()), faults.status5xx()));
  if (kind === 'http401') return send(res, jsonReply({ message: 'Unauthenticated.' }, 401));
  if (kind === 'http429') return send(res, tooManyAttempts(faults.retryAfterSec(), 30));
  send(res, htmlReply(LOGIN_PAGE));
}

export function sendCorrupted(
  kind: HipcallFaultKind,
  reply: HttpReply,
  res: ServerResponse,
  _req?: IncomingMessage,
): void {
  if (kind === 'drop') sendDropped(res, reply);
  else if (kind === 'brokenJson') sendTruncated(res, reply);
  else send(res, reply);
}
