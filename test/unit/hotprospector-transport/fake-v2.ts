import type { Answer, Handler, Recorded } from './fake-server';

export const UID = 'uid-4711';
export const KEY = 'k3y-SECRET-abcdef0123456789';

export type RejectionStyle = '401' | '200-message' | '200-array';

/**
 * A scriptable model of the V2 session rules: tokens it issued are valid until `expireAccess`
 * (or revoke) drops them; refresh tokens are single-use.
 */
export class FakeV2 {
  readonly access = new Set<string>();
  readonly refresh = new Set<string>();
  credentialsValid = true;
  refreshWorks = true;
  rejections = 0;
  /** Set by a test to run code when the n-th /request (0-based) arrives. */
  onRequest: ((index: number) => void) | undefined;
  private issued = 0;
  private requestsSeen = 0;

  constructor(
    private readonly style: RejectionStyle = '401',
    private readonly delayMs = 0,
    private readonly expiresIn = 21600,
  ) {}

  expireAccess(): void {
    this.access.clear();
  }

  private issue(message: string): Answer {
    this.issued += 1;
    const access = `access-${this.issued}-${'a'.repeat(24)}`;
    const refresh = `refresh-${this.issued}-${'r'.repeat(24)}`;
    this.access.add(access);
    this.refresh.add(refresh);
    return {
      json: {
        success: true,
        message,
        data: { access_token: access, refresh_token: refresh, expires_in: this.expiresIn, token_type: 'Bearer' },
      },
    };
  }

  private reject(): Answer {
    this.rejections += 1;
    switch (this.style) {
      case '401':
        return { status: 401, json: { success: false, message: 'Invalid or expired token' } };
      case '200-message':
        return { json: { response: 'false', message: 'Invalid or expired token' } };
      case '200-array':
        return { contentType: 'text/html', json: [{ response: 'false', message: 'Invalid token' }] };
    }
  }

  static bearer(request: Recorded): string {
    return (request.headers['authorization'] ?? '').replace(/^Bearer /, '');
  }

  readonly handler: Handler = (request) => {
    switch (request.path) {
      case '/glu/api/v2/auth/token':
        if (this.credentialsValid && request.json['api_uId'] === UID && request.json['api_key'] === KEY) {
          return this.issue('Token generated successfully.');
        }
        return { json: { success: false, message: 'Invalid api_uId or api_key.' } };
      case '/glu/api/v2/auth/refresh': {
        const token = String(request.json['refresh_token']);
        if (!this.refreshWorks || !this.refresh.delete(token)) {
          return {
            status: 401,
            json: { success: false, message: 'Refresh token is invalid, expired, or already revoked.' },
          };
        }
        return this.issue('Token refreshed successfully.');
      }
      case '/glu/api/v2/auth/revoke':
        if (!this.access.has(FakeV2.bearer(request))) {
          return { status: 401, json: { success: false, message: 'A valid Bearer token is required to revoke.' } };
        }
        this.access.clear();
        this.refresh.clear();
        return { json: { success: true, message: 'All tokens for this account have been revoked.' } };
      case '/glu/api/v2/request': {
        this.onRequest?.(this.requestsSeen);
        this.requestsSeen += 1;
        if (!this.access.has(FakeV2.bearer(request))) return { ...this.reject(), delayMs: this.delayMs };
        return { json: { response: 'true', method: request.json['Method'] }, delayMs: this.delayMs };
      }
      default:
        return { status: 404, body: 'not found', contentType: 'text/plain' };
    }
  };
}
