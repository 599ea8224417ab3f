import type { Activity } from '../../../../shared/domain';

export type TimelineEntry =
  { type: 'single'; key: string; activity: Activity } | { type: 'sms'; key: string; messages: Activity[] };

/**
 * The timeline is newest first. Text messages next to each other become one conversation,
 * placed where its newest message is and read top to bottom like a chat (oldest first).
 */
export function toEntries(timeline: readonly Activity[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  let run: Activity[] = [];
  const flush = () => {
    if (run.length > 0) entries.push({ type: 'sms', key: `sms-${run[0]!.id}`, messages: [...run].reverse() });
    run = [];
  };
  for (const activity of timeline) {
    if (activity.kind === 'sms') {
      run.push(activity);
      continue;
    }
    flush();
    entries.push({ type: 'single', key: `${activity.kind}-${activity.id}`, activity });
  }
  flush();
  return entries;
}

export function directionLabel(direction: Activity['direction']): string {
  return direction === 'inbound' ? 'Inbound' : direction === 'outbound' ? 'Outbound' : '';
}
