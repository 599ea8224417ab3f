/**
 * The seam between the Hot Prospector method catalog (what to ask, how to read the answer)
 * and the wire (how to reach the server, authenticate, retry). V1 and V2 differ only here.
 */
export interface HpCallOptions {
  /** Writes are never retried blindly: a write that may have landed is the caller's to verify. */
  write: boolean;
  signal?: AbortSignal;
  /** Overrides the transport's default deadline for this call, in milliseconds. */
  timeoutMs?: number;
}

export interface HpTransport {
  readonly api: 'v1' | 'v2';
  /**
   * Sends one router call (`Method` + params) and resolves with the decoded JSON body, as sent
   * (envelope not unwrapped). Throws CallsideError for network, timeout, HTTP failures, auth
   * failures the transport could not recover from, and bodies that are not JSON (HTML, PHP
   * print_r output, empty or truncated text).
   */
  call(method: string, params: Record<string, unknown>, options: HpCallOptions): Promise<unknown>;
  /** Ends the session: V2 revokes its tokens; V1 has nothing to do. */
  signOut(): Promise<void>;
  /**
   * Replaces this transport's secrets (API key, tokens) in a text. The client applies it to
   * errors it builds from answer bodies after the transport returned them (a refusal that echoes
   * a request value). Optional so that test doubles need not implement it.
   */
  redact?(text: string): string;
}
