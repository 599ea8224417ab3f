import type { IncomingMessage, ServerResponse } from 'node:http';
import { htmlReply, send, sendDropped, sendTruncated, type HttpReply } from '../http';
import type { FaultKind } from './faults';
import { HTML_ERROR_PAGE, nginxErrorPage, phpWarning } from './php';

/**
 * Carries out a fault decided by FaultInjector. Faults that hit before the handler mean the
 * request never reached the application; the rest corrupt the answer of a request that ran.
 */

export const FAULTS_BEFORE_HANDLING: ReadonlySet<FaultKind> = new Set(['http5xx', 'html', 'reset']);

export function failBeforeHandling(
  kind: FaultKind,
  status5xx: number,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  if (kind === 'reset') {
    req.socket.destroy();
  } else if (kind === 'http5xx') {
    send(res, htmlReply(nginxErrorPage(status5xx), status5xx));
  } else {
    send(res, htmlReply(HTML_ERROR_PAGE));
  }
}

export function sendCorrupted(kind: FaultKind, reply: HttpReply, res: ServerResponse): void {
  if (kind === 'drop') {
    sendDropped(res, reply);
  } else if (kind === 'truncated') {
    sendTruncated(res, reply);
  } else if (kind === 'php') {
    // Output before header() means PHP already sent its default text/html.
    send(res, htmlReply(phpWarning(412) + reply.body, reply.status));
  } else {
    send(res, reply);
  }
}
