import type { HotProspectorClient } from '../core/providers/hotprospector/client';
import { connectHotProspector } from '../core/providers/hotprospector/connect';
import type { DemoWorkspace } from '../core/services/demo-workspace';
import { createMemorySecretStore } from '../core/settings/memory-secret-store';
import { startHotProspectorSandbox, type HotProspectorSandbox } from '../sandbox';
import { DEFAULT_TIMEZONE, type AccountSummary } from '../shared/domain';

export interface DemoOptions {
  seed?: number;
  leads?: number;
  /** A fixed port lets a person (or a test) reach the simulator's control endpoints. */
  port?: number;
}

export const DEMO_DEFAULTS = { seed: 7, leads: 2_000 } as const;

/**
 * The Demo workspace as the hosts build it: the Hot Prospector simulator started in-process on
 * a loopback port, reached through the same V2 client a real account uses. Started on first
 * use, so hosts that never show demo data never pay for generating it. Core knows only the
 * DemoWorkspace interface; this is the one place outside the CLI and tests that starts the
 * sandbox, so core stays free of it (the layering rule in eslint.config.js).
 */
export class SandboxDemoWorkspace implements DemoWorkspace {
  private started: Promise<{ sandbox: HotProspectorSandbox; client: HotProspectorClient }> | null = null;

  constructor(private readonly options: DemoOptions = {}) {}

  async client(): Promise<HotProspectorClient> {
    return (await this.start()).client;
  }

  /** The running simulator, for its fault and counter controls (tests, `--demo-port`). */
  async sandbox(): Promise<HotProspectorSandbox> {
    return (await this.start()).sandbox;
  }

  async account(): Promise<AccountSummary> {
    const { sandbox } = await this.start();
    return demoAccount(sandbox);
  }

  async stop(): Promise<void> {
    const running = this.started;
    this.started = null;
    if (running) await (await running).sandbox.close();
  }

  private start() {
    this.started ??= (async () => {
      const sandbox = await startHotProspectorSandbox({
        seed: this.options.seed ?? DEMO_DEFAULTS.seed,
        leads: this.options.leads ?? DEMO_DEFAULTS.leads,
        port: this.options.port ?? 0,
      });
      const client = connectHotProspector({
        account: demoAccount(sandbox),
        apiKey: sandbox.credentials.apiKey,
        // Demo tokens are worthless outside this process; they are never written to disk.
        secrets: createMemorySecretStore(),
        provider: 'demo',
      });
      return { sandbox, client };
    })();
    return this.started;
  }
}

function demoAccount(sandbox: HotProspectorSandbox): AccountSummary {
  return {
    provider: 'hotprospector',
    api: 'v2',
    uid: sandbox.credentials.uid,
    baseUrl: sandbox.v2BaseUrl,
    timezone: DEFAULT_TIMEZONE,
  };
}
