import type { ProviderSession } from '../core/providers/port';
import { providerModule } from '../core/providers/registry';
import type { DemoWorkspace } from '../core/services/demo-workspace';
import { createMemorySecretStore } from '../core/settings/memory-secret-store';
import { DEMO_SIMULATORS, type DemoSimulator } from '../sandbox/demo';
import type { CallinglySandbox, HotProspectorSandbox } from '../sandbox';
import { demoProviderSchema, type AccountSummary, type DemoProvider } from '../shared/domain';

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

interface Running {
  simulator: DemoSimulator;
  session: ProviderSession;
}

/**
 * The Demo workspace as the hosts build it: a provider's simulator started in-process on a
 * loopback port, reached through the same session a real account of that provider uses (only
 * the base URL differs). Started on first use, so hosts that never show demo data never pay
 * for generating it. Core knows only the DemoWorkspace interface; this is the one place
 * outside the CLI and tests that starts the sandbox, so core stays free of it (the layering
 * rule in eslint.config.js). No provider is named here: the sandbox's table of simulators and
 * the provider registry say what each one is.
 */
export class SandboxDemoWorkspace implements DemoWorkspace {
  readonly provider: DemoProvider;
  private started: Promise<Running> | null = null;
  /** The demos on the other providers' simulators, each started on first use. */
  private readonly others = new Map<DemoProvider, SandboxDemoWorkspace>();

  constructor(private readonly options: DemoOptions = {}) {
    this.provider = options.provider ?? 'hotprospector';
  }

  async session(): Promise<ProviderSession> {
    return (await this.start()).session;
  }

  async account(): Promise<AccountSummary> {
    return (await this.start()).simulator.account;
  }

  /** The running simulator, for its fault and counter controls (tests, `--demo-port`). */
  async simulator(): Promise<DemoSimulator> {
    return (await this.start()).simulator;
  }

  /** The running Hot Prospector simulator; throws on another provider's demo. */
  async sandbox(): Promise<HotProspectorSandbox> {
    return this.sandboxOf('hotprospector') as Promise<HotProspectorSandbox>;
  }

  /** The running Callingly simulator; throws on another provider's demo. */
  async callinglySandbox(): Promise<CallinglySandbox> {
    return this.sandboxOf('callingly') as Promise<CallinglySandbox>;
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
    await Promise.all([...others.map((other) => other.stop()), running?.then((r) => r.simulator.close())]);
  }

  private async sandboxOf(provider: DemoProvider): Promise<unknown> {
    if (this.provider !== provider) {
      throw new Error(`This demo runs on the ${providerModule(this.provider).name} simulator.`);
    }
    return (await this.start()).simulator.sandbox;
  }

  private start(): Promise<Running> {
    this.started ??= (async () => {
      const { seed, leads, port } = this.options;
      const simulator = await DEMO_SIMULATORS[this.provider]({
        ...(seed === undefined ? {} : { seed }),
        ...(leads === undefined ? {} : { leads }),
        port: port ?? 0,
      });
      const session = providerModule(simulator.account.provider).connect({
        account: simulator.account,
        apiKey: simulator.apiKey,
        // Demo tokens are worthless outside this process; they are never written to disk.
        secrets: createMemorySecretStore(),
      });
      return { simulator, session };
    })();
    return this.started;
  }
}
