/** The CallHub adapter: client, wire readers, streams and the provider module on the port. */
export { connectCallhub, DEFAULT_CALLHUB_BASE_URL } from './client';
export type { CallhubClient, CallhubPolicy, CallOptions, ContactPage } from './client';
export { callhub, callhubSession, CALLHUB_CAPABILITIES, DEFAULT_CALLHUB_REGION } from './provider';
export { idFromUrl } from './wire/ids';
export { callhubPhone } from './wire/phones';
