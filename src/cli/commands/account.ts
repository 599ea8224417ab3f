import { parseArgs } from 'node:util';
import type { AccountSummary, ProviderId } from '../../shared/domain';
import { CallsideError } from '../../shared/errors';
import type { CommandContext } from '../context';
import { UsageError } from '../output';
import { readApiKey } from '../secret-input';
import type { AccountField, AccountInput } from '../../core/providers/port';
import { PROVIDERS, providerModule } from '../../core/providers/registry';

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

/** Flags that fill a provider's own account fields (the key never comes by flag). */
const FIELD_FLAGS = { api: 'api', uid: 'uid', 'account-id': 'accountId', region: 'region' } as const;

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
      region: { type: 'string' },
      json: { type: 'boolean' },
    },
    strict: true,
  });
  const provider = PROVIDERS.get(values.provider as ProviderId);
  if (!provider || values.provider === 'demo') {
    throw new UsageError(`--provider must be one of ${[...PROVIDERS.keys()].join(', ')}.`);
  }
  const fields = new Map(provider.account.fields.map((field) => [field.name, field]));
  const input: AccountInput = {
    provider: provider.id as AccountInput['provider'],
    baseUrl: values['base-url'],
    timezone: values.timezone,
  };
  for (const [flag, name] of Object.entries(FIELD_FLAGS) as Array<[keyof typeof FIELD_FLAGS, AccountField['name']]>) {
    const value = values[flag];
    const field = fields.get(name);
    if (value !== undefined && !field) throw new UsageError(`--${flag} is not a ${provider.name} account setting.`);
    if (!field) continue;
    if (value === undefined && field.required) throw new UsageError(`--${flag} is required (${field.label}).`);
    if (value !== undefined && field.options && !field.options.some((option) => option.value === value)) {
      throw new UsageError(`--${flag} must be ${field.options.map((option) => option.value).join(' or ')}.`);
    }
    if (value !== undefined) Object.assign(input, { [name]: value });
  }
  const apiKey = await readApiKey();
  const core = ctx.openCore({ hostKind: 'cli', demo: false });
  const account = await core.accounts.add(input, apiKey);
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
  const provider = providerModule(account.provider);
  const version = account.api ? ` ${account.api}` : '';
  return `${provider.name}${version}${provider.account.describe(account)} at ${account.baseUrl} (${account.timezone})`;
}
