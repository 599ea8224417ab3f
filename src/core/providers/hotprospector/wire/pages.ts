import type { WireRecord } from './record';
import type { HpCallLogPage, HpPage } from '../types';

/**
 * Paging fields of the account-wide logs (limit/offset with has_more/next_offset). Older
 * answers leave them out; then the page is complete: hasMore false, total = what came back.
 */
export function readPage<T>(answer: WireRecord, items: T[]): HpPage<T> {
  const hasMoreFlag = answer.flag('has_more');
  const nextOffset = answer.number('next_offset');
  return {
    items,
    total: answer.number('total_records') ?? (answer.has('has_more') ? null : items.length),
    limit: answer.number('limit'),
    offset: answer.number('offset'),
    hasMore: hasMoreFlag ?? false,
    nextOffset: hasMoreFlag === false ? null : nextOffset,
  };
}

export function readCallLogPage<T>(answer: WireRecord, items: T[]): HpCallLogPage<T> {
  return {
    ...readPage(answer, items),
    inboundCount: answer.number('inbound_count'),
    outboundCount: answer.number('outbound_count'),
  };
}

export function emptyPage<T>(): HpCallLogPage<T> {
  return {
    items: [],
    total: 0,
    limit: null,
    offset: null,
    hasMore: false,
    nextOffset: null,
    inboundCount: 0,
    outboundCount: 0,
  };
}
