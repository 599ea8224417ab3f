import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * HTTP plumbing shared by the simulators: reading a bounded body and writing a prepared reply.
 * A reply is a plain value (status, headers, body text) so that fault injection can cut,
 * corrupt or drop it after the handler has run.
 */

export interface HttpReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export class BodyTooLargeError extends Error {
  constructor() {
    super('request body too large');
    this.name = 'BodyTooLargeError';
  }
}

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > limit) throw new BodyTooLargeError();
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function jsonReply(value: unknown, status = 200, encode: (v: unknown) => string = JSON.stringify): HttpReply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: encode(value),
  };
}

export function htmlReply(body: string, status = 200): HttpReply {
  return { status, headers: { 'content-type': 'text/html; charset=UTF-8' }, body };
}

export function send(res: ServerResponse, reply: HttpReply): void {
  const body = Buffer.from(reply.body, 'utf8');
  res.writeHead(reply.status, { ...reply.headers, 'content-length': String(body.length) });
  res.end(body);
}

/** HTTP 200 with the first half of the body: a proxy or a crashed worker cut the answer short. */
export function sendTruncated(res: ServerResponse, reply: HttpReply): void {
  send(res, { ...reply, body: halfOf(reply.body) });
}

/** Promises the whole body, delivers half, then cuts the connection mid-response. */
export function sendDropped(res: ServerResponse, reply: HttpReply): void {
  const full = Buffer.byteLength(reply.body, 'utf8');
  res.writeHead(reply.status, { ...reply.headers, 'content-length': String(full) });
  res.write(halfOf(reply.body), () => res.destroy());
}

function halfOf(body: string): string {
  return body.slice(0, Math.max(1, Math.floor(body.length / 2)));
}

const REASONS: Record<number, string> = {
  404: 'Not Found',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

/** What an nginx reverse proxy in front of an application answers for an error status. */
export function nginxErrorPage(status: number): string {
  const title = `${status} ${REASONS[status] ?? 'Error'}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}
