import type { Cache } from '../core/cache';
import type { Core } from '../core/core';
import { LeadActions } from '../core/services/lead-actions';
import { SyncService } from '../core/services/sync-service';
import type { CommandContext } from './context';

export interface WorkspaceSession {
  core: Core;
  cache: Cache;
  sync: SyncService;
  actions: LeadActions;
}

/**
 * The configured account's cache and sync services for one command, closed afterwards. The
 * CLI never opens the Demo workspace: without an account these commands say so.
 */
export async function withWorkspace<T>(ctx: CommandContext, work: (session: WorkspaceSession) => Promise<T>) {
  const core = ctx.openCore({ hostKind: 'cli', demo: false });
  const sync = new SyncService({ workspaces: core.workspaces, events: core.events, label: 'the callside command' });
  try {
    const { cache } = await sync.workspace();
    return await work({ core, cache, sync, actions: new LeadActions(sync) });
  } finally {
    await sync.dispose();
    sync.detach();
    await core.dispose();
  }
}
