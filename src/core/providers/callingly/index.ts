/**
 * The Callingly client: transport, wire normalizers and typed calls returning domain rows. The
 * provider port wraps it (streams, operations, capabilities).
 */
export type {
  CallinglyAccount,
  CallinglyPolicy,
  CallOptions,
  CallinglyAgent,
  CallinglyCall,
  LeadPage,
  CallinglyClient,
} from './types';
export { connectCallingly, DEFAULT_CALLINGLY_BASE_URL } from './client';
export { deriveDayMetrics, CALLINGLY_UNDERIVED_METRICS } from './metrics';
