import type { AccountSummary, DemoProvider } from '../../shared/domain';
import type { ProviderSession } from '../providers/port';

/**
 * What core needs of the Demo workspace: its account (whose `provider` names the simulator it
 * runs on), its session on the provider port, and a way to stop it. Core never builds one: the
 * hosts start the simulator (src/hosts/demo-workspace.ts) and hand it to createCore, so core
 * does not depend on the sandbox.
 */
export interface DemoWorkspace {
  account(): Promise<AccountSummary>;
  session(): Promise<ProviderSession>;
  /** Whose simulator this demo runs on: the host's default until the agent picks another. */
  readonly provider?: DemoProvider;
  /**
   * The same demo on another provider's simulator (started on first use, kept until stop);
   * absent when the host offers only one.
   */
  forProvider?(provider: DemoProvider): DemoWorkspace;
  /** Stops every simulator this demo started. */
  stop(): Promise<void>;
}
