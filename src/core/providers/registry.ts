import type { ProviderId } from '../../shared/domain';
import { CallsideError } from '../../shared/errors';
import { callhub } from './callhub/provider';
import { callingly } from './callingly/provider';
import { hipcall } from './hipcall/provider';
import { hotProspector } from './hotprospector/provider';
import type { ProviderModule } from './port';

/** Every provider that plugs into the engine. Adding one is adding its folder and a line here. */
export const PROVIDERS: ReadonlyMap<ProviderId, ProviderModule> = new Map<ProviderId, ProviderModule>([
  ['hotprospector', hotProspector],
  ['callingly', callingly],
  ['hipcall', hipcall],
  ['callhub', callhub],
]);

export function providerModule(id: ProviderId): ProviderModule {
  const provider = PROVIDERS.get(id === 'demo' ? 'hotprospector' : id);
  if (!provider) throw new CallsideError('unsupported', `Callside does not speak to ${id} yet.`);
  return provider;
}
