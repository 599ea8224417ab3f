import type { AgentMetrics, Dashboard } from '../../../shared/domain';
import type { Queryable } from '../driver';
import { parseJsonColumn } from './json-column';

/** The daily dashboard (getMemberDashboardData): one snapshot per date, replaced whole on refresh. */
export interface MetricsRepository {
  saveDashboard(dashboard: Dashboard): Promise<void>;
  getDashboard(date: string): Promise<Dashboard | null>;
  /** The provider's own "last updated" for that date, and when we fetched it. */
  lastUpdated(date: string): Promise<{ lastUpdated: string | null; fetchedAt: string } | null>;
  /** Dates with a snapshot, newest first. */
  dates(): Promise<string[]>;
}

export function createMetricsRepository(db: Queryable): MetricsRepository {
  const lastUpdated = async (date: string) => {
    const row = await db.get<{ last_updated: string | null; fetched_at: string }>(
      'SELECT last_updated, fetched_at FROM metric_days WHERE date = ?',
      [date],
    );
    return row ? { lastUpdated: row.last_updated, fetchedAt: row.fetched_at } : null;
  };

  return {
    saveDashboard: (dashboard) =>
      db.transaction(async (tx) => {
        await tx.run('DELETE FROM metric_days WHERE date = ?', [dashboard.date]);
        await tx.run('INSERT INTO metric_days (date, last_updated, fetched_at) VALUES (?, ?, ?)', [
          dashboard.date,
          dashboard.lastUpdated,
          new Date().toISOString(),
        ]);
        const rows = dashboard.agents.map((agent, position) => ({
          agentId: agent.agentId,
          position,
          metrics: JSON.stringify(agent),
        }));
        if (rows.length > 0) {
          await tx.run(
            `INSERT INTO agent_metrics (date, agent_id, position, metrics)
             SELECT ?1, value ->> 'agentId', value ->> 'position', value ->> 'metrics' FROM json_each(?2) WHERE true
             ON CONFLICT DO NOTHING`,
            [dashboard.date, JSON.stringify(rows)],
          );
        }
      }),
    async getDashboard(date) {
      const day = await lastUpdated(date);
      if (!day) return null;
      const rows = await db.all<{ metrics: string }>(
        'SELECT metrics FROM agent_metrics WHERE date = ? ORDER BY position',
        [date],
      );
      return {
        date,
        lastUpdated: day.lastUpdated,
        agents: rows.map((row) => parseJsonColumn<AgentMetrics>(row.metrics, 'agent metrics')),
      };
    },
    lastUpdated,
    async dates() {
      const rows = await db.all<{ date: string }>('SELECT date FROM metric_days ORDER BY date DESC');
      return rows.map((row) => row.date);
    },
  };
}
