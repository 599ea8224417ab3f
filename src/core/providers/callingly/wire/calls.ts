import type { Activity } from '../../../../shared/domain';
import { normalizePhone } from '../../../normalize/phones';
import type { CallinglyCall } from '../types';
import { transcriptTurns } from './transcript';
import type { WireRow } from './row';

/** What the surrounding answer knows about a call that its row may not say (a lead's `calls[]`). */
export interface CallContext {
  zone: string;
  leadId?: string;
  leadPhone?: string;
}

function direction(row: WireRow): 'inbound' | 'outbound' | null {
  const text = row.text('direction').toLowerCase();
  return text === 'inbound' || text === 'outbound' ? text : null;
}

/** Only web links become a recording URL: anything else (javascript:, data:) is dropped. */
function webUrl(text: string | null): string | null {
  return text !== null && /^https?:\/\//i.test(text) ? text : null;
}

/**
 * A call from any of its three shapes [CL:105 detail, CL:110 list row, CL:121 a lead's calls[]]
 * as domain rows (providers.md 3.7). The agent is `user` (detail) or `member` (list, often `[]`),
 * the team `profile`, the lead `lead`. The lead's number goes on the lead's side of the call, the
 * agent's (the phone Callingly rang) on the other; list rows carry no numbers.
 */
export function readCall(row: WireRow, ctx: CallContext): CallinglyCall {
  const id = row.id('id');
  const lead = row.child('lead');
  const agent = row.child('user') ?? row.child('member');
  const team = row.child('profile');

  const leadId = lead?.optionalId('id') ?? ctx.leadId ?? '';
  const leadPhone = normalizePhone(lead?.text('phone_number') ?? '') || (ctx.leadPhone ?? '');
  const agentPhone = normalizePhone(agent?.text('phone_number') ?? '');
  const dir = direction(row);
  const at = row.time('started_at', ctx.zone) ?? row.time('time_formatted', ctx.zone);
  if (at === null) row.fail('started_at', 'present (a call needs its time)');
  const voicemail = row.flag('is_voicemail') ?? false;

  const activity: Activity = {
    id,
    leadId,
    kind: 'call',
    direction: dir,
    at,
    durationSec: row.durationSec('seconds', 'duration'),
    status: voicemail ? 'voicemail' : (row.optionalText('status') ?? 'unknown'),
    from: dir === 'inbound' ? leadPhone : agentPhone,
    to: dir === 'inbound' ? agentPhone : leadPhone,
    text: null,
    recordingUrl: webUrl(row.optionalText('recording_url')),
  };

  const spoken = row.optionalText('transcript');
  const transcript: Activity | null =
    spoken === null
      ? null
      : { ...activity, id: `${id}:transcript`, kind: 'transcript', text: spoken, turns: transcriptTurns(spoken) };

  const agentName =
    agent === null
      ? null
      : (agent.optionalText('name') ?? (`${agent.text('fname')} ${agent.text('lname')}`.trim() || null));

  return {
    activity,
    transcript,
    agentId: agent?.optionalId('id') ?? null,
    agentName,
    agentEmail: agent?.optionalText('email') ?? null,
    teamId: team?.optionalId('id') ?? row.optionalId('team_id'),
    disposition: row.optionalText('lead_status_formatted') ?? row.optionalText('lead_status'),
    voicemail,
  };
}
