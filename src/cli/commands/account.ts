import { parseArgs } from 'node:util';
import type { AccountSummary } from '../../shared/domain';
import { CallsideError } from '../../shared/errors';
import type { CommandContext } from '../context';
import { UsageError } from '../output';
import { readApiKey } from '../secret-input';
import { providerModule } from '../../core/providers/registry';

/** `account add|show|remove`: the only commands that handle credentials. */
export async function accountCommand(ctx: CommandContext): Promise<number> {
  const [action, ...rest] = ctx.args;
  switch (action) {
    case 'add':
      return addAccount(ctx, rest);
    case 'show':
      return showAccount(ctx);
    case 'remove':
      return removeAccount(ctx);
    default:
      throw new UsageError('account needs one of: add, show, remove.');
  }
}

async function addAccount(ctx: CommandContext, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      provider: { type: 'string', default: 'hotprospector' },
      api: { type: 'string' },
      uid: { type: 'string' },
      'base-url': { type: 'string' },
      timezone: { type: 'string' },
      'account-id': { type: 'string' },
      json: { type: 'boolean' },
    },
    strict: true,
  });
  const provider = values.provider;
  if (provider !== 'hotprospector' && provider !== 'callingly') {
    throw new UsageError('--provider must be hotprospector or callingly.');
  }
  if (provider === 'hotprospector') {
    if (values.api !== 'v1' && values.api !== 'v2') throw new UsageError('--api must be v1 or v2.');
    if (!values.uid) throw new UsageError('--uid is required (your api_uId).');
    if (values['account-id']) throw new UsageError('--account-id is for Callingly agencies only.');
  } else if (values.api || values.uid) {
    throw new UsageError('--api and --uid are for Hot Prospector only.');
  }
  const apiKey = await readApiKey();
  const core = ctx.openCore({ hostKind: 'cli', demo: false });
  const account = await core.accounts.add(
    {
      provider,
      api: values.api === 'v1' || values.api === 'v2' ? values.api : undefined,
      uid: values.uid,
      baseUrl: values['base-url'],
      timezone: values.timezone,
      accountId: values['account-id'],
    },
    apiKey,
  );
  ctx.output.result(account, () => `Signed in: ${describe(account)}`);
  return 0;
}

function showAccount(ctx: CommandContext): number {
  const account = ctx.openCore({ hostKind: 'cli', demo: false }).accounts.summary();
  if (!account) throw new CallsideError('not_configured', 'No account is set up. Run "callside account add" first.');
  const provider = providerModule(account.provider);
  const capabilities = [...provider.capabilities];
  ctx.output.result({ ...account, capabilities }, () =>
    [describe(account), `${provider.name} can: ${capabilities.join(', ')}`].join('\n'),
  );
  return 0;
}

async function removeAccount(ctx: CommandContext): Promise<number> {
  const core = ctx.openCore({ hostKind: 'cli', demo: false });
  const had = core.accounts.summary();
  await core.accounts.remove();
  ctx.output.result({ removed: had !== null }, () =>
    had ? 'Signed out; stored secrets wiped.' : 'No account was set up.',
  );
  return 0;
}

function describe(account: AccountSummary): string {
  const who =
    account.provider === 'hotprospector'
      ? `${account.api} uid ${account.uid}`
      : account.accountId
        ? `client account ${account.accountId}`
        : 'own account';
  return `${account.provider} ${who} at ${account.baseUrl} (${account.timezone})`;
}
