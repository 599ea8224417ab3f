export type { HpCallOptions, HpTransport } from './types';
export { createV1Transport, type HpV1TransportOptions } from './v1-transport';
export { createV2Transport, DEFAULT_REFRESH_MARGIN_MS, type HpV2TransportOptions } from './v2-transport';
export { hpV2TokensSchema, type HpV2Tokens } from './tokens';
export type { OnTokens } from './token-manager';
export { DEFAULT_POLICY, type HpNetworkPolicyOptions } from './policy';
export type { FetchLike } from './http';
export { DEFAULT_V1_URL, DEFAULT_V2_BASE_URL } from './url';
