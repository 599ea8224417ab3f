import { createHmac } from 'node:crypto';
import type { HcCdr, HcUser } from './seed';

/** How the simulator prints its records: the doc's shapes, both paginator flavours [H:396-408, H:735-766]. */

export const RECORDING_TTL_MS = 60 * 60_000;
const SIGNING_KEY = 'hipcall-sandbox-signing';

export function signature(path: string, expires: number): string {
  return createHmac('sha256', SIGNING_KEY).update(`${path}?${expires}`).digest('hex').slice(0, 32);
}

/** A signed link that stops working 60 minutes after it was handed out [H:73-74]. */
export function signedUrl(origin: string, path: string, nowMs: number): string {
  const expires = Math.floor((nowMs + RECORDING_TTL_MS) / 1000);
  return `${origin}${path}?expires=${expires}&signature=${signature(path, expires)}`;
}

export function cdrJson(cdr: HcCdr, origin: string, nowMs: number): Record<string, unknown> {
  const { recorded, pathDate: _pathDate, ...rest } = cdr;
  return {
    resource_type: 'cdr',
    ...rest,
    channel_type: 1,
    channel_id: 1,
    first_touch_duration: 0,
    record_url: recorded ? signedUrl(origin, `/recordings/${cdr.uuid}.mp3`, nowMs) : null,
    voicemail_url: cdr.voicemail_type !== null ? signedUrl(origin, `/voicemails/${cdr.uuid}.mp3`, nowMs) : null,
  };
}

export function userJson(user: HcUser, created: string): Record<string, unknown> {
  return {
    resource_type: 'user',
    id: user.id,
    email: user.email,
    name: user.name.split(' ')[0],
    full_name: user.name,
    title: '',
    owner: user.id === 2,
    locale: 'en',
    status: 'active',
    default_number_id: null,
    default_extension_id: null,
    '2fa': false,
    last_logged_in: null,
    created_at: created,
    updated_at: created,
  };
}

/** `/cdrs`: the simple paginator, no totals, `last: null`, `per_page` as a string. */
export function simplePage(rows: unknown[], page: number, perPage: number, hasMore: boolean, linkBase: string) {
  const at = (n: number) => `${linkBase}?page=${n}${perPage === 10 ? '' : `&per_page=${perPage}`}`;
  return {
    data: rows,
    links: { first: at(1), last: null, prev: page > 1 ? at(page - 1) : null, next: hasMore ? at(page + 1) : null },
    meta: {
      current_page: page,
      from: rows.length ? (page - 1) * perPage + 1 : null,
      path: linkBase,
      per_page: String(perPage),
      to: rows.length ? (page - 1) * perPage + rows.length : null,
    },
  };
}

/** Every other list: the length-aware paginator, `per_page` as a number. */
export function lengthAwarePage(rows: unknown[], page: number, perPage: number, total: number, linkBase: string) {
  const last = Math.max(1, Math.ceil(total / perPage));
  const at = (n: number) => `${linkBase}?page=${n}`;
  return {
    data: rows,
    links: {
      first: at(1),
      last: at(last),
      prev: page > 1 ? at(page - 1) : null,
      next: page < last ? at(page + 1) : null,
    },
    meta: {
      current_page: page,
      from: rows.length ? (page - 1) * perPage + 1 : null,
      last_page: last,
      links: [
        { url: page > 1 ? at(page - 1) : null, label: '&laquo; Previous', active: false },
        ...Array.from({ length: last }, (_, i) => ({ url: at(i + 1), label: String(i + 1), active: i + 1 === page })),
        { url: page < last ? at(page + 1) : null, label: 'Next &raquo;', active: false },
      ],
      path: linkBase,
      per_page: perPage,
      to: rows.length ? (page - 1) * perPage + rows.length : null,
      total,
    },
  };
}
