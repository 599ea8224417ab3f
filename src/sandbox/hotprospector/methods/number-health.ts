import { startOfLocalDay, formatSqlTime } from '../time';
import type { SbNumberHealth } from '../types';
import { MISSING_PARAMETER, fail, ok, type MethodSpec } from './method';

/**
 * Spam-check results for the account's caller-id numbers, paged with page/per_page (not
 * limit/offset like the logs). V1 wraps the answer in a one-item array and adds screenshot
 * links; V2 is a bare object with all four carriers and the full business profile.
 */

const MAX_PER_PAGE = 500;

const BUSINESS_PROFILE = {
  connected_profile: 'BU39810c949c409a84a6548f506cc6d1b0',
  brand_status: 'APPROVED',
  legal_business_name: 'Callside Demo Realty LLC',
  business_type: 'Private',
  business_industry: 'REAL_ESTATE',
  ein: '12-3456789',
  website_url: 'https://callside-demo.example',
};

const BUSINESS_CONTACT = {
  street_address: '123 Main St',
  city: 'Los Angeles',
  state: 'CA',
  postal_code: '90001',
  contact_first_name: 'Support',
  contact_last_name: 'Team',
  contact_email: 'support.team@callside-demo.example',
  contact_phone: '+14085552300',
  contact_title: 'CEO',
  notification_email: 'notify@callside-demo.example',
};

function isSpam(n: SbNumberHealth): boolean {
  return Object.values(n.spamChecks).some((v) => v > 0);
}

function row(n: SbNumberHealth, variant: string, zone: string): Record<string, unknown> {
  const v1 = variant !== 'v2';
  const carriers = Object.fromEntries(
    n.carriers.map((c) => {
      const entry: Record<string, unknown> = { title: c.title, android_status: c.android, iphone_status: c.iphone };
      if (v1) {
        entry.android_screenshot = c.android
          ? `https://screenshots.example.com/${n.phoneId}/${c.key}-android.png`
          : null;
        entry.iphone_screenshot = c.iphone ? `https://screenshots.example.com/${n.phoneId}/${c.key}-iphone.png` : null;
      }
      return [c.key, entry];
    }),
  );
  return {
    phoneId: n.phoneId,
    phone_number: n.number,
    is_spam_detected: isSpam(n),
    overall_device_spam: n.carriers.some((c) => c.android === 'Scam Likely' || c.iphone === 'Scam Likely'),
    spam_checks: { ...n.spamChecks },
    carriers,
    last_checked_at: formatSqlTime(n.lastCheckedAt, zone),
    next_billing_at: formatSqlTime(n.nextBillingAt, zone),
    business_profile: v1 ? BUSINESS_PROFILE : { ...BUSINESS_PROFILE, ...BUSINESS_CONTACT },
  };
}

const GetNumberHealthList: MethodSpec = {
  name: 'GetNumberHealthList',
  write: false,
  authFailure: 'api',
  variants: ['v1', 'v2'],
  handle: ({ params, state, variant, zone }) => {
    const filter = params.str('filter') || 'all';
    if (filter !== 'all' && filter !== 'spam_only') return fail(MISSING_PARAMETER);
    const sinceText = params.str('checked_since');
    const since = sinceText === '' ? -Infinity : startOfLocalDay(sinceText, zone);
    if (since === null) return fail(MISSING_PARAMETER);
    const page = Math.max(1, params.int('page', 1));
    const perPage = Math.min(MAX_PER_PAGE, Math.max(1, params.int('per_page', 100)));
    const matched = state.data.numbers.filter((n) => n.lastCheckedAt >= since && (filter === 'all' || isSpam(n)));
    const data = matched.slice((page - 1) * perPage, page * perPage);
    if (data.length === 0) return fail('No numbers found');
    const body = {
      response: 'true',
      message: 'Success',
      pagination: { page, per_page: perPage, total: matched.length, total_pages: Math.ceil(matched.length / perPage) },
      data: data.map((n) => row(n, variant, zone)),
    };
    return ok(variant === 'v2' ? body : [body]);
  },
};

export const NUMBER_HEALTH_METHODS = [GetNumberHealthList];
