import type { SyncStream } from '../../port';
import type { HotProspectorClient } from '../client';
import { pullAccountLogs } from './account-logs';
import { pullCatalogs } from './catalogs';
import type { HpPullContext } from './context';
import { pullLeads } from './leads';
import { pullMetrics } from './metrics';
import { pullNotes } from './notes';

/**
 * Hot Prospector's streams, in order: catalogs before leads (tag titles, the group list),
 * leads group by group (it lists leads only per group) before the account logs (which move the
 * leads' last-touch times), logs before notes and lead histories (the logs name the recently
 * active leads), then the dashboard per day.
 */
export function hotProspectorStreams(client: HotProspectorClient): SyncStream[] {
  const stream = (name: string, pull: (ctx: HpPullContext) => ReturnType<SyncStream['pull']>): SyncStream => ({
    name,
    pull: (ctx) => pull({ ...ctx, client }),
  });
  return [
    stream('catalogs', pullCatalogs),
    stream('leads', pullLeads),
    stream('account-logs', pullAccountLogs),
    stream('notes', pullNotes),
    stream('metrics', pullMetrics),
  ];
}
