import { randomBytes } from 'node:crypto';

/**
 * V2's bearer tokens. Access tokens live `accessTtlSec` (6 h by default); refresh tokens are
 * long-lived and rotate: each refresh returns a new pair and retires the refresh token used.
 * Revoke retires every token of the account. Expiry follows the real clock even when the data
 * clock is pinned, so a test can wait out a short lifetime.
 */

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

interface TokenRecord {
  kind: 'access' | 'refresh';
  account: string;
  expiresAt: number;
}

export class TokenStore {
  private readonly tokens = new Map<string, TokenRecord>();

  constructor(private readonly clock: () => number = Date.now) {}

  issue(account: string, accessTtlSec: number, refreshTtlSec: number): TokenPair {
    const now = this.clock();
    const accessToken = randomBytes(24).toString('hex');
    const refreshToken = randomBytes(24).toString('hex');
    this.tokens.set(accessToken, { kind: 'access', account, expiresAt: now + accessTtlSec * 1000 });
    this.tokens.set(refreshToken, { kind: 'refresh', account, expiresAt: now + refreshTtlSec * 1000 });
    return { accessToken, refreshToken, expiresIn: accessTtlSec };
  }

  /** The account an unexpired access token belongs to, else null. */
  accountOfAccess(token: string): string | null {
    return this.live(token, 'access')?.account ?? null;
  }

  /** The account of any live token (revoke accepts either kind), else null. */
  accountOfAny(token: string): string | null {
    return this.live(token, 'access')?.account ?? this.live(token, 'refresh')?.account ?? null;
  }

  rotate(refreshToken: string, accessTtlSec: number, refreshTtlSec: number): TokenPair | null {
    const record = this.live(refreshToken, 'refresh');
    if (!record) return null;
    this.tokens.delete(refreshToken);
    return this.issue(record.account, accessTtlSec, refreshTtlSec);
  }

  revokeAll(account: string): void {
    for (const [token, record] of this.tokens) if (record.account === account) this.tokens.delete(token);
  }

  /** Test hook: every access token issued so far is expired from now on. */
  expireAccessTokens(): void {
    const now = this.clock();
    for (const record of this.tokens.values()) if (record.kind === 'access') record.expiresAt = now - 1;
  }

  private live(token: string, kind: TokenRecord['kind']): TokenRecord | null {
    const record = this.tokens.get(token);
    if (!record || record.kind !== kind) return null;
    if (record.expiresAt <= this.clock()) return null;
    return record;
  }
}
