import type { z } from 'zod';
import type { ChannelOutput, EventPayload } from '../../../shared/contract/channels';
import type { leadOrderSchema } from '../../../shared/contract/workspace-schemas';

/** Names for the contract's shapes as the renderer uses them; all derived, none retyped. */
export type LeadOrder = z.infer<typeof leadOrderSchema>;
export type LeadView = NonNullable<ChannelOutput<'lead.open'>>;
export type WorkspaceOverview = ChannelOutput<'workspace.overview'>;
export type SyncStatus = ChannelOutput<'sync.status'>;
export type SyncProgress = EventPayload<'sync.progress'>;
export type OutboxList = ChannelOutput<'outbox.list'>;
export type UiSettings = ChannelOutput<'settings.get'>;
export type DialScheme = UiSettings['dialScheme'];
export type ConnectionTest = ChannelOutput<'account.test'>;
