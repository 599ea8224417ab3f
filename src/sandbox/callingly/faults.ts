import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { commonFaultFields, FaultInjector } from '../faults';
import { htmlReply, jsonReply, nginxErrorPage, send, sendDropped, sendTruncated, type HttpReply } from '../http';

/**
 * Misbehaviour on demand for the Callingly simulator, on the shared fault model (../faults.ts):
 *
 * | kind      | what the client sees                                          | write applied? |
 * |-----------|---------------------------------------------------------------|----------------|
 * | http5xx   | `status5xx` (default 503) with nginx's HTML error page         | no             |
 * | html      | HTTP 200 with the web app's login page instead of JSON         | no             |
 * | reset     | the connection closed before any response                      | no             |
 * | drop      | headers and half the body, then the socket is destroyed        | yes            |
 * | truncated | HTTP 200 with the JSON cut in half                             | yes            |
 * | http429   | 429 `{"message":"Too Many Attempts."}`, `Retry-After` seconds  | no             |
 *
 * `retryAfterSec` (default 2) is what 429 answers put in Retry-After. `only` matches a request by
 * its route ("PUT /agents/{id}"), its path pattern ("/agents/{id}") or its path ("/agents/5101").
 */

export const CALLINGLY_FAULT_KINDS = ['http5xx', 'html', 'reset', 'drop', 'truncated', 'http429'] as const;
export type CallinglyFaultKind = (typeof CALLINGLY_FAULT_KINDS)[number];

export const callinglyFaultSettingsSchema = z
  .object({
    ...commonFaultFields(CALLINGLY_FAULT_KINDS),
    retryAfterSec: z.number().int().min(0).max(3600).optional(),
  })
  .strict();

export type CallinglyFaultSettings = z.infer<typeof callinglyFaultSettingsSchema>;

export class CallinglyFaultInjector extends FaultInjector<CallinglyFaultKind, CallinglyFaultSettings> {
  constructor(seed: number, settings: CallinglyFaultSettings = {}) {
    super(seed, CALLINGLY_FAULT_KINDS, (input) => callinglyFaultSettingsSchema.parse(input), settings);
  }

  retryAfterSec(): number {
    return this.settings.retryAfterSec ?? 2;
  }
}

export const BEFORE_HANDLING: ReadonlySet<CallinglyFaultKind> = new Set(['http5xx', 'html', 'reset', 'http429']);

/** What Laravel's web guard sends a request it does not recognise as an API call. */
export const LOGIN_PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Login | Callingly</title>
</head>
<body>
<div id="app"><form method="POST" action="/login"><input type="email" name="email"><input type="password" name="password"><button>Log In</button></form></div>
</body>
</html>
`;

export function failBeforeHandling(
  kind: CallinglyFaultKind,
  faults: CallinglyFaultInjector,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  if (kind === 'reset') return void req.socket.destroy();
  if (kind === 'http5xx') return send(res, htmlReply(nginxErrorPage(faults.status5xx()), faults.status5xx()));
  if (kind === 'http429') {
    const reply = jsonReply({ message: 'Too Many Attempts.' }, 429);
    reply.headers['retry-after'] = String(faults.retryAfterSec());
    reply.headers['x-ratelimit-limit'] = '60';
    reply.headers['x-ratelimit-remaining'] = '0';
    return send(res, reply);
  }
  send(res, htmlReply(LOGIN_PAGE));
}

export function sendCorrupted(kind: CallinglyFaultKind, reply: HttpReply, res: ServerResponse): void {
  if (kind === 'drop') sendDropped(res, reply);
  else if (kind === 'truncated') sendTruncated(res, reply);
  else send(res, reply);
}
