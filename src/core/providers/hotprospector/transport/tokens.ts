import { z } from 'zod';
import { unwrapSingle } from './refusals';

/**
 * A V2 session as the host persists it (encrypted) and hands back on the next start.
 * Times are epoch milliseconds.
 */
export const hpV2TokensSchema = z.object({
  accessToken: z.string().min(1),
  /** Null when the server issued none; renewal then goes straight to a fresh exchange. */
  refreshToken: z.string().min(1).nullable(),
  expiresAt: z.number().finite(),
  /** When the token was issued, so the refresh margin can scale with its lifetime. */
  obtainedAt: z.number().finite(),
});
export type HpV2Tokens = z.infer<typeof hpV2TokensSchema>;

/** The docs say 6 hours; used when an answer omits expires_in. */
export const DEFAULT_TOKEN_LIFETIME_S = 6 * 60 * 60;

const wireTokensSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional().nullable(),
  expires_in: z.coerce.number().positive().optional().nullable(),
});

/**
 * Reads `/auth/token` and `/auth/refresh` answers: `{ success, data: { access_token, … } }`,
 * tolerating a one-item array and the fields at the top level. Null when no token is there.
 */
export function tokensFromWire(body: unknown, now: number, previousRefreshToken: string | null): HpV2Tokens | null {
  const envelope = unwrapSingle(body);
  const data =
    typeof envelope === 'object' && envelope !== null && 'data' in envelope
      ? unwrapSingle((envelope as { data: unknown }).data)
      : envelope;
  const parsed = wireTokensSchema.safeParse(data);
  if (!parsed.success) return null;
  const lifetimeS = parsed.data.expires_in ?? DEFAULT_TOKEN_LIFETIME_S;
  return {
    accessToken: parsed.data.access_token,
    refreshToken: parsed.data.refresh_token ?? previousRefreshToken,
    expiresAt: now + lifetimeS * 1000,
    obtainedAt: now,
  };
}

/**
 * Refresh shortly before expiry: 5 minutes for the documented 6-hour tokens, but never more
 * than a tenth of the lifetime, so short-lived tokens (a sandbox) are not refreshed on every call.
 */
export function refreshDueAt(tokens: HpV2Tokens, marginMs: number): number {
  const lifetime = Math.max(0, tokens.expiresAt - tokens.obtainedAt);
  return tokens.expiresAt - Math.min(marginMs, lifetime / 10);
}
