import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Counters } from './counters';
import { jsonReply, readBody, send } from './http';
import type { VariantPicker } from './variants';

/**
 * /__sandbox/*: a REST simulator's test and demo control surface (Callingly, CallHub), never
 * faulted and needing no key. Each simulator gives its own fault injector and variant sites.
 *
 *   GET  /__sandbox/info             URLs, demo credentials, fixture ids, row counts
 *   GET  /__sandbox/counters         {applied, requests} per route ("PUT /agents/{id}")
 *   POST /__sandbox/counters/reset
 *   GET|POST /__sandbox/faults       read / replace the fault settings ({} clears)
 *   GET|POST /__sandbox/variants     read / replace the variant settings ({mode, pin}), with every site
 */
export interface ControlDeps<S> {
  counters: Counters;
  /** The simulator's fault injector: `set` validates what it is given against its own kinds. */
  faults: { get(): S; set(settings: S): void };
  variants: VariantPicker;
  variantSites: unknown;
  optInVariants: unknown;
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

export async function handleControl<S>(
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
  deps: ControlDeps<S>,
): Promise<void> {
  const route = `${req.method ?? 'GET'} ${path}`;
  const variants = (): unknown => ({ ...deps.variants.get(), sites: deps.variantSites, optIn: deps.optInVariants });
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
        deps.faults.set((await jsonBody(req)) as S);
        return send(res, jsonReply(deps.faults.get()));
      case 'GET /__sandbox/variants':
        return send(res, jsonReply(variants()));
      case 'POST /__sandbox/variants':
        deps.variants.set(variantSettingsSchema.parse(await jsonBody(req)));
        return send(res, jsonReply(variants()));
      default:
        return send(res, jsonReply({ error: `no control endpoint ${route}` }, 404));
    }
  } catch (error) {
    const message =
      error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : String(error);
    return send(res, jsonReply({ error: message }, 400));
  }
}
