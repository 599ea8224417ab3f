import { readNumberHealthPage } from '../wire/numberHealth';
import { defineMethod, emptyWhenNotFound } from './spec';
import { compact } from './wireBody';
import type { HpNumberHealthPage } from '../types';

export interface NumberHealthParams {
  filter?: 'all' | 'spam_only';
  /** Y-m-d */
  checkedSince?: string;
  page?: number;
  /** At most 500. */
  perPage?: number;
}

export const getNumberHealthList = defineMethod<NumberHealthParams, HpNumberHealthPage>({
  method: 'GetNumberHealthList',
  write: false,
  toWire: (p) => compact({ filter: p.filter, checked_since: p.checkedSince, page: p.page, per_page: p.perPage }),
  read: (answer, p, ctx) => readNumberHealthPage(answer, p.page, ctx),
  whenRejected: (error, p) =>
    emptyWhenNotFound((): HpNumberHealthPage => ({
      items: [],
      page: p.page ?? 1,
      perPage: null,
      total: 0,
      totalPages: 0,
    }))(error),
});
