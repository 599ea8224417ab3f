import type { AccountSummary } from '../../shared/domain';
import type { HotProspectorClient } from '../providers/hotprospector/client';

/**
 * What core needs of the Demo workspace: its account, a client for it, and a way to stop it.
 * Core never builds one: the hosts start the simulator (src/hosts/demo-workspace.ts) and hand
 * it to createCore, so core does not depend on the sandbox.
 */
export interface DemoWorkspace {
  account(): Promise<AccountSummary>;
  client(): Promise<HotProspectorClient>;
  stop(): Promise<void>;
}
