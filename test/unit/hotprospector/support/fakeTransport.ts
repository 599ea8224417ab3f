import type { HpCallOptions, HpTransport } from '../../../../src/core/providers/hotprospector/transport/types';

export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  write: boolean;
}

/**
 * An HpTransport that records what the client asked for and answers with prepared bodies
 * (the docs' fixtures). The real HTTP transports are tested against the sandbox elsewhere.
 */
export class FakeTransport implements HpTransport {
  readonly calls: RecordedCall[] = [];
  readonly options: HpCallOptions[] = [];
  signedOut = false;
  private readonly answers: unknown[] = [];

  constructor(readonly api: 'v1' | 'v2' = 'v1') {}

  answerWith(...bodies: unknown[]): this {
    this.answers.push(...bodies);
    return this;
  }

  call(method: string, params: Record<string, unknown>, options: HpCallOptions): Promise<unknown> {
    this.calls.push({ method, params: structuredClone(params), write: options.write });
    this.options.push(options);
    if (this.answers.length === 0) return Promise.reject(new Error(`no prepared answer for ${method}`));
    return Promise.resolve(this.answers.shift());
  }

  signOut(): Promise<void> {
    this.signedOut = true;
    return Promise.resolve();
  }
}
