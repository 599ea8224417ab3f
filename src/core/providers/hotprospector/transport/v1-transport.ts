import { interpretAnswer } from './answer';
import { runCall } from './call-runner';
import { createChannel } from './channel';
import { type HpNetworkPolicyOptions, resolvePolicy } from './policy';
import { createRedactor } from '../../http/redact';
import type { HpTransport } from './types';
import { checkBaseUrl, DEFAULT_V1_URL } from './url';

export interface HpV1TransportOptions extends HpNetworkPolicyOptions {
  /** The full router URL (V1 has one endpoint). Default https://app.hotprospector.com/glu/custom_api. */
  baseUrl?: string;
  uid: string;
  apiKey: string;
}

/** V1: every call is one POST to the router with the credentials in the JSON body. */
export function createV1Transport(options: HpV1TransportOptions): HpTransport {
  const policy = resolvePolicy(options);
  const url = checkBaseUrl(options.baseUrl ?? DEFAULT_V1_URL, policy.allowInsecureHttp).href;
  const channel = createChannel(policy);
  const redact = createRedactor(() => [options.apiKey]);
  const { uid, apiKey } = options;

  return {
    api: 'v1',
    redact,
    call(method, params, callOptions) {
      // Params first, so a stray `Method` or `api_key` among them cannot override ours.
      const body = { ...params, api_uId: uid, api_key: apiKey, Method: method };
      return runCall(
        async () => {
          const answer = await channel.send(url, body, {
            ...(callOptions.signal ? { signal: callOptions.signal } : {}),
            ...(callOptions.timeoutMs !== undefined ? { timeoutMs: callOptions.timeoutMs } : {}),
          });
          return interpretAnswer(answer, redact);
        },
        callOptions,
        policy,
        redact,
      );
    },
    async signOut() {
      // V1 has no session: the key itself is the credential, and forgetting it is the host's job.
    },
  };
}
