import { z } from 'zod';
import { errorPayloadSchema, type ErrorPayload } from '../errors';

/**
 * What every bridge call resolves with, on every transport. Errors travel as data because
 * Electron's IPC keeps only the message of a thrown Error, and the renderer needs the code.
 */
export const bridgeResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: errorPayloadSchema }),
]);
export type BridgeResult = { ok: true; value: unknown } | { ok: false; error: ErrorPayload };

/** The prefix that keeps our IPC channel names apart from anything Electron or a library uses. */
export const IPC_PREFIX = 'callside:';
export const ipcChannel = (name: string): string => `${IPC_PREFIX}${name}`;
export const IPC_EVENT = `${IPC_PREFIX}event`;

/** Browser host wire messages over the `/bridge` WebSocket. */
export const wsRequestSchema = z.object({
  id: z.number().int().nonnegative(),
  channel: z.string(),
  input: z.unknown(),
});
export type WsRequest = z.infer<typeof wsRequestSchema>;
export type WsMessage =
  { type: 'result'; id: number; result: BridgeResult } | { type: 'event'; event: string; payload: unknown };
