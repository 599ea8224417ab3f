import type { PullContext } from '../../../sync/pull/context';
import type { HotProspectorClient } from '../client';

/** What Hot Prospector's streams get: the engine's pull context plus this account's client. */
export interface HpPullContext extends PullContext {
  client: HotProspectorClient;
}
