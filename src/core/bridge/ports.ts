import type { z } from 'zod';
import type {
  leadChangeResultSchema,
  outboxListSchema,
  syncStatusSchema,
} from '../../shared/contract/workspace-schemas';
import type { Note } from '../../shared/domain';

export type SyncStatus = z.infer<typeof syncStatusSchema>;
export type OutboxList = z.infer<typeof outboxListSchema>;
export type LeadChangeResult = z.infer<typeof leadChangeResultSchema>;

/**
 * What the bridge needs from the sync engine and the agent-action services, stated from the
 * bridge's side. The services themselves live in core/sync and core/services.
 */
export interface WorkspacePorts {
  sync: {
    status(): Promise<SyncStatus>;
    run(options: { full: boolean }): Promise<SyncStatus>;
    refreshLead(leadId: string): Promise<{ notes: number; activities: number }>;
    /** Cancels running work and lets go of the current workspace (before it is closed). */
    release(): Promise<void>;
  };
  outbox: {
    list(): Promise<OutboxList>;
    retry(id: string): Promise<void>;
    discard(id: string): Promise<void>;
  };
  actions: {
    changeTags(leadId: string, action: 'add' | 'remove', tags: string[]): Promise<LeadChangeResult>;
    addNote(leadId: string, text: string): Promise<{ note: Note; opId: string }>;
    moveToGroup(leadId: string, groupId: string, mode: 'move' | 'copy'): Promise<LeadChangeResult>;
    unsubscribe(leadId: string): Promise<LeadChangeResult>;
  };
}
