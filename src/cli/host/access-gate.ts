import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A fresh secret per run: whoever holds the printed URL may use the bridge, nobody else. */
export function createAccessToken(): string {
  return randomBytes(24).toString('base64url');
}

export type GateVerdict = { allowed: true } | { allowed: false; status: 401 | 403; reason: string };

export interface AccessGate {
  /** Origins a browser page of this host sends, e.g. `http://127.0.0.1:5173`. */
  readonly ownOrigins: readonly string[];
  checkPage(request: IncomingMessage): GateVerdict;
  checkBridge(request: IncomingMessage, url: URL): GateVerdict;
}

export function createAccessGate(token: string, port: number): AccessGate {
  const ownHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const ownOrigins = ownHosts.map((host) => `http://${host}`);
  const expected = Buffer.from(token);

  // A Host header naming another site means DNS rebinding: a foreign page reaching us by name.
  const checkHost = (request: IncomingMessage): GateVerdict =>
    ownHosts.includes(request.headers.host ?? '')
      ? { allowed: true }
      : { allowed: false, status: 403, reason: 'Unknown Host.' };

  const presentedToken = (request: IncomingMessage, url: URL): string | null => {
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
    return url.searchParams.get('token');
  };

  return {
    ownOrigins,
    checkPage: checkHost,
    checkBridge(request, url) {
      const host = checkHost(request);
      if (!host.allowed) return host;
      // Checked before the token so that a foreign page holding a leaked token still fails.
      const origin = request.headers.origin;
      if (origin !== undefined && !ownOrigins.includes(origin)) {
        return { allowed: false, status: 403, reason: 'Foreign Origin.' };
      }
      const presented = presentedToken(request, url);
      if (presented === null) return { allowed: false, status: 401, reason: 'Missing token.' };
      const candidate = Buffer.from(presented);
      const matches = candidate.length === expected.length && timingSafeEqual(candidate, expected);
      return matches ? { allowed: true } : { allowed: false, status: 401, reason: 'Wrong token.' };
    },
  };
}
