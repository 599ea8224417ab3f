import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { commonFaultFields, FaultInjector } from '../faults';
import { htmlReply, jsonReply, nginxErrorPage, send, sendDropped, sendTruncated, type HttpReply } from '../http';

/**
 * Misbehaviour on demand for the CallHub simulator, on the shared fault model (../faults.ts):
 *
 * | kind      | what the client sees                                               | write applied? |
 * |-----------|--------------------------------------------------------------------|----------------|
 * | http5xx   | `status5xx` (default 502) with nginx's HTML error page              | no             |
 * | html      | HTTP 200 with CallHub's sign-in page instead of JSON                | no             |
 * | reset     | the connection closed before any response                           | no             |
 * | drop      | headers and half the body, then the socket is destroyed             | yes            |
 * | truncated | HTTP 200 with the JSON cut in half (broken JSON)                    | yes            |
 * | http429   | DRF's throttle: 429 `{"detail": "Request was throttled…"}` + `Retry-After` | no      |
 *
 * `only` matches a request by its route ("POST /contact-notes/{id}/"), its path, or its path and
 * query ("/contacts/?page=2").
 */
export const CALLHUB_FAULT_KINDS = ['http5xx', 'html', 'reset', 'drop', 'truncated', 'http429'] as const;
export type CallhubFaultKind = (typeof CALLHUB_FAULT_KINDS)[number];

export const callhubFaultSettingsSchema = z
  .object({ ...commonFaultFields(CALLHUB_FAULT_KINDS), retryAfterSec: z.number().int().min(0).max(3600).optional() })
  .strict();
export type CallhubFaultSettings = z.infer<typeof callhubFaultSettingsSchema>;

export class CallhubFaultInjector extends FaultInjector<CallhubFaultKind, CallhubFaultSettings> {
  constructor(seed: number, settings: CallhubFaultSettings = {}) {
    super(seed, CALLHUB_FAULT_KINDS, (input) => callhubFaultSettingsSchema.parse(input), settings);
  }

  retryAfterSec(): number {
    return this.settings.retryAfterSec ?? 1;
  }

  override status5xx(): number {
    return this.settings.status5xx ?? 502;
  }
}

export const BEFORE_HANDLING: ReadonlySet<CallhubFaultKind> = new Set(['http5xx', 'html', 'reset', 'http429']);

const SIGN_IN_PAGE = `<!DOCTYPE html>
<html><head><title>Login | CallHub</title></head>
<body><form method="post" action="/accounts/login/"><input name="username"><input type="password" name="password"></form></body>
</html>
`;

/** DRF's throttled answer, as CallHub's bulk-create limit sends it [providers.md 2.2]. */
export function throttled(seconds: number): HttpReply {
  const reply = jsonReply({ detail: `Request was throttled. Expected available in ${seconds} seconds.` }, 429);
  reply.headers['retry-after'] = String(seconds);
  return reply;
}

export function failBeforeHandling(
  kind: CallhubFaultKind,
  faults: CallhubFaultInjector,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  if (kind === 'reset') return void req.socket.destroy();
  if (kind === 'http5xx') return send(res, htmlReply(nginxErrorPage(faults.status5xx()), faults.status5xx()));
  if (kind === 'http429') return send(res, throttled(faults.retryAfterSec()));
  send(res, htmlReply(SIGN_IN_PAGE));
}

export function sendCorrupted(kind: CallhubFaultKind, reply: HttpReply, res: ServerResponse): void {
  if (kind === 'drop') sendDropped(res, reply);
  else if (kind === 'truncated') sendTruncated(res, reply);
  else send(res, reply);
}
