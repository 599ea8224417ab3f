import { connectCallingly, type CallinglyAccount } from '../core/providers/callingly';
import { callinglySession } from '../core/providers/callingly/provider';
import type { HotProspectorClient } from '../core/providers/hotprospector/client';
import { connectHotProspector } from '../core/providers/hotprospector/connect';
import { hotProspectorSession } from '../core/providers/hotprospector/provider';
import type { ProviderSession } from '../core/providers/port';
import type { DemoWorkspace } from '../core/services/demo-workspace';
import { createMemorySecretStore } from '../core/settings/memory-secret-store';
import {
  startCallinglySandbox,
  startHotProspectorSandbox,
  type CallinglySandbox,
  type HotProspectorSandbox,
} from '../sandbox';
import { DEFAULT_TIMEZONE, demoProviderSchema, type AccountSummary, type DemoProvider } from '../shared/domain';

/** The providers whose simulator the Demo workspace can run on. */
export const DEMO_PROVIDERS = demoProviderSchema.options;
export type { DemoProvider };

export function isDemoProvider(value: string): value is DemoProvider {
  return (DEMO_PROVIDERS as readonly string[]).includes(value);
}

export interface DemoOptions {
  /** Whose simulator the demo runs on; Hot Prospector unless told. */
  provider?: DemoProvider;
  seed?: number;
  leads?: number;
  /** A fixed port lets a person (or a test) reach the simulator's control endpoints. */
  port?: number;
}

export const DEMO_DEFAULTS = { seed: 7, leads: 2_000 } as const;

type Running =
  | {
      provider: 'hotprospector';
      sandbox: HotProspectorSandbox;
      account: AccountSummary;
      client: HotProspectorClient;
      session: ProviderSession;
    }
  | { provider: 'callingly'; sandbox: CallinglySandbox; account: AccountSummary; session: ProviderSession };

/**
 * The Demo workspace as the hosts build it: a provider's simulator started in-process on a
 * loopback port, reached through the same client a real account of that provider uses (only
 * the base URL differs). Started on first use, so hosts that never show demo data never pay
 * for generating it. Core knows only the DemoWorkspace interface; this is the one place
 * outside the CLI and tests that starts the sandbox, so core stays free of it (the layering
 * rule in eslint.config.js).
 */
export class SandboxDemoWorkspace implements DemoWorkspace {
  readonly provider: DemoProvider;
  private started: Promise<Running> | null = null;
  /** The demos on the other providers' simulators, each started on first use. */
  private readonly others = new Map<DemoProvider, SandboxDemoWorkspace>();
  /** Present only on a Hot Prospector demo: core checks for it before Hot Prospector-only features. */
  readonly client?: () => Promise<HotProspectorClient>;

  constructor(private readonly options: DemoOptions = {}) {
    this.provider = options.provider ?? 'hotprospector';
    if (this.provider === 'hotprospector') {
      this.client = async () => {
        const running = await this.start();
        if (running.provider !== 'hotprospector') throw new Error('unreachable');
        return running.client;
      };
    }
  }

  async session(): Promise<ProviderSession> {
    return (await this.start()).session;
  }

  /** The running Hot Prospector simulator, for its fault and counter controls (tests, `--demo-port`). */
  async sandbox(): Promise<HotProspectorSandbox> {
    const running = await this.start();
    if (running.provider !== 'hotprospector') throw new Error('This demo runs on the Callingly simulator.');
    return running.sandbox;
  }

  /** The running Callingly simulator, for its fault and counter controls. */
  async callinglySandbox(): Promise<CallinglySandbox> {
    const running = await this.start();
    if (running.provider !== 'callingly') throw new Error('This demo runs on the Hot Prospector simulator.');
    return running.sandbox;
  }

  async account(): Promise<AccountSummary> {
    return (await this.start()).account;
  }

  forProvider(provider: DemoProvider): SandboxDemoWorkspace {
    if (provider === this.provider) return this;
    let other = this.others.get(provider);
    if (!other) {
      // A pinned port belongs to the host's own demo; another provider's simulator takes any free one.
      other = new SandboxDemoWorkspace({ ...this.options, provider, port: 0 });
      this.others.set(provider, other);
    }
    return other;
  }

  async stop(): Promise<void> {
    const running = this.started;
    this.started = null;
    const others = [...this.others.values()];
    this.others.clear();
    await Promise.all([...others.map((other) => other.stop()), running?.then((r) => r.sandbox.close())]);
  }

  private start(): Promise<Running> {
    this.started ??= this.provider === 'callingly' ? this.startCallingly() : this.startHotProspector();
    return this.started;
  }

  private async startHotProspector(): Promise<Running> {
    const sandbox = await startHotProspectorSandbox({
      seed: this.options.seed ?? DEMO_DEFAULTS.seed,
      leads: this.options.leads ?? DEMO_DEFAULTS.leads,
      port: this.options.port ?? 0,
    });
    const account: AccountSummary = {
      provider: 'hotprospector',
      api: 'v2',
      uid: sandbox.credentials.uid,
      baseUrl: sandbox.v2BaseUrl,
      timezone: DEFAULT_TIMEZONE,
    };
    const client = connectHotProspector({
      account,
      apiKey: sandbox.credentials.apiKey,
      // Demo tokens are worthless outside this process; they are never written to disk.
      secrets: createMemorySecretStore(),
      provider: 'demo',
    });
    return { provider: 'hotprospector', sandbox, account, client, session: hotProspectorSession(client) };
  }

  private async startCallingly(): Promise<Running> {
    const sandbox = await startCallinglySandbox({
      // The simulator's own defaults make a believable team's day; a seed or size is passed only when asked for.
      ...(this.options.seed === undefined ? {} : { seed: this.options.seed }),
      ...(this.options.leads === undefined ? {} : { leads: this.options.leads }),
      port: this.options.port ?? 0,
    });
    // The account's zone is the simulator's: Callingly's zone-less times are its wall clock.
    const settings: CallinglyAccount = {
      baseUrl: sandbox.baseUrl,
      timezone: sandbox.timezone,
      accountId: sandbox.credentials.accountId,
    };
    const account: AccountSummary = {
      provider: 'callingly',
      api: null,
      uid: '',
      baseUrl: settings.baseUrl,
      timezone: settings.timezone,
      accountId: settings.accountId,
    };
    const client = connectCallingly({ account: settings, apiKey: sandbox.credentials.apiKey });
    return { provider: 'callingly', sandbox, account, session: callinglySession(client, settings) };
  }
}
