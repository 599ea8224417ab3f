/** The shared request/applied counters (see ../counters); Methods and V2 endpoints are the names. */
export { Counters, type CounterSnapshot } from '../counters';
