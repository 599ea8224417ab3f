import type { Counters } from './counters';
import type { MethodResult, MethodSpec } from './methods/method';
import { Params, type Fields } from './request-fields';
import type { HotProspectorState } from './state';
import type { VariantPicker } from './variants';

/** What a router needs to run a Method: the state, the variant choice and the write counters. */
export interface MethodRuntime {
  state: HotProspectorState;
  variants: VariantPicker;
  counters: Counters;
  /** The data clock: fixed when the sandbox was started with `now`, else the real time. */
  now: () => number;
  zone: string;
  seed: number;
}

/** Runs one Method and counts it when it changed state. */
export function invokeMethod(
  spec: MethodSpec,
  variant: string,
  fields: Fields,
  api: 'v1' | 'v2',
  rt: MethodRuntime,
): MethodResult {
  const result = spec.handle({
    params: new Params(fields),
    state: rt.state,
    variant,
    api,
    now: rt.now(),
    zone: rt.zone,
    seed: rt.seed,
  });
  if (result.applied) rt.counters.applied(spec.name);
  return result;
}
