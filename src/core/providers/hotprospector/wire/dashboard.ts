import type { ReadContext } from './context';
import { todayIn } from './dates';
import { malformedAnswer } from './errors';
import { isPlainObject, openJsonText } from './jsonText';
import { listUnder, type WireRecord } from './record';
import type { HpAgentMetrics, HpDashboard } from '../types';

type Disposition = HpAgentMetrics['dispositions'][number];

/**
 * The disposition breakdown comes as a map ({"Hot Lead": "3"}) in V2 and as a list
 * ([{DispoTitle, DispoCount}]) in V1.
 */
function readDispositions(row: WireRecord): Disposition[] {
  const value = openJsonText(row.raw(['dispositionStatus', 'dispositions']));
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) {
    return row.records(['dispositionStatus', 'dispositions']).map((item) => ({
      title: item.text(['DispoTitle', 'title', 'Title']),
      count: item.count(['DispoCount', 'count', 'Count']),
    }));
  }
  if (!isPlainObject(value)) throw malformedAnswer(row.method, `${row.path}.dispositionStatus is not a map or a list`);
  const map = row.child(['dispositionStatus', 'dispositions']);
  return (map?.entries() ?? []).map(([title]) => ({ title, count: map?.count(title) ?? 0 }));
}

function readAgent(row: WireRecord, date: string, ctx: ReadContext): HpAgentMetrics {
  return {
    agentId: row.id(['agentId', 'memberId']),
    agentName: row.text('agentName'),
    agentEmail: row.text('agentEmail'),
    outboundCalls: row.count('outboundCall'),
    inboundCalls: row.count('inboundCall'),
    answeredCalls: row.count('answered_calls'),
    hangups: row.count('hangups'),
    answerRate: row.rate('answer_rate') ?? 0,
    conversations: row.count('convos'),
    conversionRate: row.rate('cr') ?? 0,
    talkMinutes: row.minutes('talkMin') ?? 0,
    loggedInSec: row.durationSec('hours') ?? 0,
    prospects: row.count('Prospects'),
    appointments: row.count('Appts'),
    sms: row.count('SMS'),
    dispositions: readDispositions(row),
    firstCall: row.timeOnDate('firstCall', date, ctx.timezone),
    lastCall: row.timeOnDate('lastCall', date, ctx.timezone),
    details: {
      gapTimeSec: row.durationSec('gapTime'),
      averageCallGapSec: row.durationSec('acg'),
      averageOutboundSec: row.durationSec('AOD'),
      averageInboundSec: row.durationSec('AID'),
      averageMinutes: row.minutes('avgMin'),
      answersPerHour: row.number('ansPerHour'),
      prospectsWeekly: row.number('ProspectsWeekly'),
      appointmentsWeekly: row.number('ApptsWeekly'),
      abr: row.number('ABR'),
    },
  };
}

/**
 * getMemberDashboardData / getDashboardMemberDatabyCampaign. The report's day is the answer's
 * `date`, else the one requested, else today in the account's zone (what the server defaults to).
 */
export function readDashboard(answer: WireRecord, requestedDate: string | undefined, ctx: ReadContext): HpDashboard {
  const date = answer.optionalText('date') ?? requestedDate ?? todayIn(ctx.timezone);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw malformedAnswer(answer.method, 'date is not a YYYY-MM-DD day');
  return {
    date,
    lastUpdated: answer.dateTime('last_updated', ctx.timezone),
    agents: listUnder(answer, ['results', 'Results', 'result', 'data']).map((row) => readAgent(row, date, ctx)),
  };
}
