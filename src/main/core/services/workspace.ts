import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AccountSummary } from '../../../shared/domain';
import { CallsideError } from '../../../shared/errors';
import { openCache, type Cache } from '../cache';
import type { HotProspectorClient } from '../providers/hotprospector/client';
import type { AccountService } from './account-service';
import type { DemoWorkspace } from './demo-workspace';

export type WorkspaceKind = 'account' | 'demo';

export interface ActiveWorkspace {
  kind: WorkspaceKind;
  account: AccountSummary;
  /** The provider client; building it does not touch the network. */
  client(): Promise<HotProspectorClient>;
  cache: Cache;
}

/**
 * Which data the agent is looking at: the configured account, else the Demo workspace (when
 * the host allows it). Each has its own cache file, so demo data never mixes with an
 * account's, and switching accounts never shows one account's leads under another.
 */
export class Workspaces {
  private current: Promise<ActiveWorkspace> | null = null;
  private currentKey: string | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly accounts: AccountService,
    private readonly demo: DemoWorkspace | null,
  ) {}

  /** The cache and client for whatever is active now; opened once and kept. */
  async active(): Promise<ActiveWorkspace> {
    const account = this.accounts.summary();
    const key = account ? `account:${account.uid}@${account.baseUrl}` : 'demo';
    if (this.current && this.currentKey === key) return this.current;
    await this.close();
    this.currentKey = key;
    this.current = account ? this.openAccount(account) : this.openDemo();
    this.current.catch(() => {
      // A failed open must not be cached: the next call tries again.
      this.current = null;
      this.currentKey = null;
    });
    return this.current;
  }

  async close(): Promise<void> {
    const open = this.current;
    this.current = null;
    this.currentKey = null;
    if (open) await (await open.catch(() => null))?.cache.close();
  }

  private async openAccount(account: AccountSummary): Promise<ActiveWorkspace> {
    const cache = await openCache(this.cachePath(`account-${digest(`${account.uid}@${account.baseUrl}`)}`));
    return { kind: 'account', account, cache, client: async () => this.accounts.openClient() };
  }

  private async openDemo(): Promise<ActiveWorkspace> {
    const demo = this.demo;
    if (!demo) {
      throw new CallsideError(
        'not_configured',
        'No account is set up. Add one in Settings or with "callside account add".',
      );
    }
    const [cache, account] = await Promise.all([openCache(this.cachePath('demo')), demo.account()]);
    return { kind: 'demo', account, cache, client: () => demo.client() };
  }

  private cachePath(name: string): string {
    const dir = join(this.dataDir, 'cache');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return join(dir, `${name}.sqlite`);
  }
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
