import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { jsonReply, readBody, send } from '../http';
import type { Counters } from './counters';
import { faultSettingsSchema, type FaultInjector } from './faults';
import type { VariantPicker, VariantSettings } from './variants';
import type { TokenStore } from './tokens';

/**
 * /__sandbox/*: the test and demo control surface, never subject to faults.
 *
 *   GET  /__sandbox/info             URLs, demo credentials, fixture ids, row counts
 *   GET  /__sandbox/counters         {applied, requests} per Method
 *   POST /__sandbox/counters/reset
 *   GET  /__sandbox/faults           current fault settings
 *   POST /__sandbox/faults           replace them (JSON FaultSettings; {} clears)
 *   GET  /__sandbox/variants         current variant settings
 *   POST /__sandbox/variants         replace them ({mode, pin})
 *   POST /__sandbox/tokens/expire    expire every V2 access token issued so far
 */

export interface ControlDeps {
  counters: Counters;
  faults: FaultInjector;
  variants: VariantPicker;
  tokens: TokenStore;
  info: () => unknown;
}

const variantSettingsSchema = z
  .object({
    mode: z.enum(['rotate', 'by-api', 'first']).optional(),
    pin: z.record(z.string(), z.string()).optional(),
  })
  .strict();

async function jsonBody(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req, 1024 * 1024);
  return text.trim() === '' ? {} : JSON.parse(text);
}

export async function handleControl(
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
  deps: ControlDeps,
): Promise<void> {
  const route = `${req.method ?? 'GET'} ${path}`;
  try {
    switch (route) {
      case 'GET /__sandbox/info':
        return send(res, jsonReply(deps.info()));
      case 'GET /__sandbox/counters':
        return send(res, jsonReply(deps.counters.snapshot()));
      case 'POST /__sandbox/counters/reset':
        deps.counters.reset();
        return send(res, jsonReply({ ok: true }));
      case 'GET /__sandbox/faults':
        return send(res, jsonReply(deps.faults.get()));
      case 'POST /__sandbox/faults':
        deps.faults.set(faultSettingsSchema.parse(await jsonBody(req)));
        return send(res, jsonReply(deps.faults.get()));
      case 'GET /__sandbox/variants':
        return send(res, jsonReply(deps.variants.get()));
      case 'POST /__sandbox/variants': {
        const settings: VariantSettings = variantSettingsSchema.parse(await jsonBody(req));
        deps.variants.set(settings);
        return send(res, jsonReply(deps.variants.get()));
      }
      case 'POST /__sandbox/tokens/expire':
        deps.tokens.expireAccessTokens();
        return send(res, jsonReply({ ok: true }));
      default:
        return send(res, jsonReply({ error: `no control endpoint ${route}` }, 404));
    }
  } catch (error) {
    const message =
      error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : String(error);
    return send(res, jsonReply({ error: message }, 400));
  }
}
