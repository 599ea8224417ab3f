import { ingestSuite } from './ingest';
import { openLeadSuite } from './open-lead';
import { queueRenderSuite } from './queue-render';
import { screenPopSuite } from './screen-pop';
import { screenPopLatencySuite } from './screen-pop-latency';
import { searchSuite } from './search';
import type { BenchSuite } from './types';

/**
 * Every suite, in run order. `ingest` comes first: it fills the cache the read suites use (when
 * it is left out with --only, the cache is filled untimed). A new suite (the Chromium lead
 * queue, say) is one more file exporting a BenchSuite and one more entry here.
 */
export const SUITES: readonly BenchSuite[] = [
  ingestSuite,
  screenPopSuite,
  searchSuite,
  openLeadSuite,
  screenPopLatencySuite,
  queueRenderSuite,
];
