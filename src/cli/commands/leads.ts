import { parseArgs } from 'node:util';
import type { Lead } from '../../shared/domain';
import { CallsideError } from '../../shared/errors';
import { withPlayableRecordings } from '../../core/services/lead-view';
import { popLead } from '../../core/services/screen-pop';
import type { CommandContext } from '../context';
import { UsageError } from '../output';
import { withWorkspace } from '../workspace-session';

/** The read commands: `leads`, `lead`, `pop`. They read only the cache, so they work offline. */

export async function leadsCommand(ctx: CommandContext): Promise<number> {
  const { values } = parseArgs({
    args: ctx.args,
    options: {
      group: { type: 'string' },
      tag: { type: 'string' },
      search: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean' },
    },
    strict: true,
  });
  const limit = values.limit === undefined ? undefined : parseLimit(values.limit);
  return withWorkspace(ctx, async ({ cache }) => {
    const leads = await cache.leads.list({
      ...(values.group !== undefined ? { groupId: values.group } : {}),
      ...(values.tag !== undefined ? { tag: values.tag } : {}),
      ...(values.search !== undefined ? { search: values.search } : {}),
      ...(limit !== undefined ? { limit } : {}),
    });
    ctx.output.result({ leads }, () => (leads.length === 0 ? 'No leads match.' : leads.map(leadLine).join('\n')));
    return 0;
  });
}

export async function leadCommand(ctx: CommandContext): Promise<number> {
  const { positionals } = parseArgs({ args: ctx.args, options: { json: { type: 'boolean' } }, allowPositionals: true });
  const [leadId, ...extra] = positionals;
  if (!leadId || extra.length > 0) throw new UsageError('usage: callside lead LEAD_ID [--json]');
  return withWorkspace(ctx, async ({ cache, sync }) => {
    const cached = await cache.openLead(leadId);
    if (!cached) throw new CallsideError('not_found', `Lead ${leadId} is not in the cache. Run "callside sync" first.`);
    // A recording link handed out must play now: expired ones are refreshed (null when that fails).
    const workspace = await sync.workspace();
    const timeline = await withPlayableRecordings({ cache, session: () => workspace.session() }, cached.timeline);
    const view = { ...cached, timeline };
    ctx.output.result(view, () =>
      [
        leadLine(view.lead),
        ...view.notes.map((note) => `  note  ${note.at}  ${note.text}${note.origin === 'local' ? '  (local)' : ''}`),
        ...view.timeline.map((a) => `  ${a.kind.padEnd(10)} ${a.at}  ${a.direction ?? ''} ${a.status}`),
      ].join('\n'),
    );
    return 0;
  });
}

export async function popCommand(ctx: CommandContext): Promise<number> {
  const { positionals } = parseArgs({ args: ctx.args, options: { json: { type: 'boolean' } }, allowPositionals: true });
  // A phone typed with spaces may arrive as several arguments: "+1 (555) 123-4567".
  const phone = positionals.join(' ').trim();
  if (phone === '') throw new UsageError('usage: callside pop PHONE [--json]');
  return withWorkspace(ctx, async ({ core, cache, sync }) => {
    const session = await (await sync.workspace()).session().catch(() => null);
    const region = core.accounts.summary()?.region ?? null;
    const lead = await popLead(cache, session, phone, { region });
    ctx.output.result({ lead }, () => (lead ? leadLine(lead) : `No lead has the number ${phone}.`));
    return 0;
  });
}

function parseLimit(text: string): number {
  const limit = Number(text);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) {
    throw new UsageError(`--limit must be a whole number from 1 to 10000, not "${text}".`);
  }
  return limit;
}

export function leadLine(lead: Lead): string {
  const name = `${lead.firstName} ${lead.lastName}`.trim() || '(no name)';
  const tags = lead.tags.map((tag) => tag.title || tag.id).join(', ');
  return `${lead.id.padEnd(10)} ${name.padEnd(28)} ${(lead.phone || lead.mobile).padEnd(14)} ${tags}`;
}
