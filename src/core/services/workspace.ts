import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AccountSummary, DemoProvider } from '../../shared/domain';
import { CallsideError } from '../../shared/errors';
import { openCache, type Cache } from '../cache';
import type { ProviderSession } from '../providers/port';
import type { AccountService } from './account-service';
import type { DemoWorkspace } from './demo-workspace';

export type WorkspaceKind = 'account' | 'demo';

export interface ActiveWorkspace {
  kind: WorkspaceKind;
  account: AccountSummary;
  /** The account's session on the provider port; building it does not touch the network. */
  session(): Promise<ProviderSession>;
  cache: Cache;
}

/** Run before a workspace's cache closes: whatever works on it stops first (the outbox sender). */
export type RetireHook = (workspace: ActiveWorkspace) => Promise<void>;

interface OpenWorkspace {
  key: string;
  opening: Promise<ActiveWorkspace>;
}

/**
 * Which data the agent is looking at: the configured account, else the Demo workspace (when
 * the host allows it). Each has its own cache file, so demo data never mixes with an
 * account's, and switching accounts never shows one account's leads under another.
 *
 * One open cache per workspace whatever the timing: bridge calls arrive together at start, so
 * the choice of workspace and its opening promise are settled synchronously, and a switch
 * first retires the old workspace (its sender stopped, then its cache closed) before the new
 * one opens.
 */
export class Workspaces {
  private current: OpenWorkspace | null = null;
  /** Retirements run one after another, and an opening waits for those before it. */
  private retiring: Promise<void> = Promise.resolve();
  private readonly retired = new WeakSet<OpenWorkspace>();
  private readonly retireHooks = new Set<RetireHook>();

  constructor(
    private readonly dataDir: string,
    private readonly accounts: AccountService,
    private readonly demo: DemoWorkspace | null,
    /** The agent's pick of the demo's provider (the settings' demoProvider); null: the host's default. */
    private readonly pickedDemoProvider: () => DemoProvider | null = () => null,
  ) {}

  /** Whose simulator the Demo workspace runs on now; null when the host has no Demo workspace. */
  demoProvider(): DemoProvider | null {
    if (!this.demo) return null;
    const picked = this.pickedDemoProvider();
    // A host that offers one simulator only keeps it whatever was picked elsewhere.
    return (this.demo.forProvider ? picked : null) ?? this.demo.provider ?? 'hotprospector';
  }

  /** The cache and client for whatever is active now; opened once and kept. */
  active(): Promise<ActiveWorkspace> {
    const account = this.accounts.summary();
    const demoProvider = account ? null : this.demoProvider();
    const key = workspaceKey(account, demoProvider);
    if (this.current?.key === key) return this.current.opening;
    const previous = this.current;
    const entry: OpenWorkspace = {
      key,
      opening: this.retire(previous).then(() =>
        account ? this.openAccount(account, key) : this.openDemo(demoProvider),
      ),
    };
    this.current = entry;
    entry.opening.catch(() => {
      // A failed open must not be cached: the next call tries again.
      if (this.current === entry) this.current = null;
    });
    return entry.opening;
  }

  /** Registers work to stop before a workspace's cache closes; returns the way to unregister. */
  onRetire(hook: RetireHook): () => void {
    this.retireHooks.add(hook);
    return () => this.retireHooks.delete(hook);
  }

  async close(): Promise<void> {
    const open = this.current;
    this.current = null;
    await this.retire(open);
  }

  private retire(open: OpenWorkspace | null): Promise<void> {
    const step = this.retiring.then(async () => {
      if (!open || this.retired.has(open)) return;
      this.retired.add(open);
      const workspace = await open.opening.catch(() => null);
      if (!workspace) return;
      for (const hook of this.retireHooks) await hook(workspace).catch(() => undefined);
      await workspace.cache.close();
    });
    this.retiring = step.catch(() => undefined);
    return step;
  }

  private async openAccount(account: AccountSummary, key: string): Promise<ActiveWorkspace> {
    // Hot Prospector accounts keep the name they always had; an agency client's account is its own file.
    const agencyClient = account.accountId ? `#${account.accountId}` : '';
    const cache = await openCache(
      this.cachePath(`account-${digest(`${account.uid}@${account.baseUrl}${agencyClient}`)}`),
    );
    const session = async () => {
      // An op goes only to the account whose cache holds it: once the account changed, this
      // workspace's sender gets no session (it pauses) until it is retired.
      if (workspaceKey(this.accounts.summary(), null) !== key) {
        throw new CallsideError('not_configured', 'The account changed; this workspace is closing.');
      }
      return this.accounts.openSession();
    };
    return { kind: 'account', account, cache, session };
  }

  private async openDemo(provider: DemoProvider | null): Promise<ActiveWorkspace> {
    const host = this.demo;
    if (!host || !provider) {
      throw new CallsideError(
        'not_configured',
        'No account is set up. Add one in Settings or with "callside account add".',
      );
    }
    const demo = host.forProvider ? host.forProvider(provider) : host;
    // Each provider's demo has its own cache file, so two simulators' data never mix; the Hot
    // Prospector demo keeps the name it always had.
    const account = await demo.account();
    const cache = await openCache(this.cachePath(demoCacheName(account)));
    return { kind: 'demo', account, cache, session: () => demo.session() };
  }

  private cachePath(name: string): string {
    const dir = join(this.dataDir, 'cache');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return join(dir, `${name}.sqlite`);
  }
}

/** The Demo workspace's cache file: `demo` for Hot Prospector (existing users keep theirs), else per provider. */
export function demoCacheName(account: AccountSummary): string {
  return account.provider === 'hotprospector' || account.provider === 'demo' ? 'demo' : `demo-${account.provider}`;
}

function workspaceKey(account: AccountSummary | null, demoProvider: DemoProvider | null): string {
  if (!account) return `demo:${demoProvider ?? 'none'}`;
  return `account:${account.provider}:${account.api}:${account.uid}@${account.baseUrl}#${account.accountId ?? ''}`;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
