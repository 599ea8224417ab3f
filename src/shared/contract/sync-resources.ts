/**
 * A progress row that is not a resource being read but a pause: the provider answered 429 and
 * asked Callside to wait. Its total is the seconds asked for, its `done` the seconds waited.
 */
export const RATE_LIMIT_WAIT = 'rateLimitWait';
