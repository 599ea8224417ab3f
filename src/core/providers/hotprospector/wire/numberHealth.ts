import type { ReadContext } from './context';
import { malformedAnswer } from './errors';
import { openJsonText } from './jsonText';
import { listUnder, type WireRecord } from './record';
import type { HpNumberHealth, HpNumberHealthPage } from '../types';

type CarrierResult = HpNumberHealth['carriers'][number];

/** `carriers` is a map keyed by carrier ("verizon": {title, android_status, iphone_status}); a list is accepted too. */
function readCarriers(row: WireRecord): CarrierResult[] {
  const value = openJsonText(row.raw('carriers'));
  if (value === undefined || value === null || value === '') return [];
  const toResult = (key: string, carrier: WireRecord): CarrierResult => ({
    carrier: carrier.optionalText(['title', 'carrier']) ?? key,
    android: carrier.optionalText('android_status'),
    iphone: carrier.optionalText('iphone_status'),
  });
  if (Array.isArray(value)) return row.records('carriers').map((carrier) => toResult('', carrier));
  const map = row.child('carriers');
  if (map === null) return [];
  return map.entries().map(([key]) => {
    const carrier = map.child(key);
    if (carrier === null) throw malformedAnswer(row.method, `${row.path}.carriers.${key} is not an object`);
    return toResult(key, carrier);
  });
}

function readSpamChecks(row: WireRecord): Record<string, number> {
  const checks = row.child('spam_checks');
  const result: Record<string, number> = {};
  for (const [name] of checks?.entries() ?? []) result[name] = checks?.count(name) ?? 0;
  return result;
}

function readNumber(row: WireRecord, ctx: ReadContext): HpNumberHealth {
  return {
    phoneId: row.id(['phoneId', 'phone_id']),
    phoneNumber: row.phone(['phone_number', 'phoneNumber']),
    spamDetected: row.flag('is_spam_detected') ?? false,
    carriers: readCarriers(row),
    lastCheckedAt: row.dateTime('last_checked_at', ctx.timezone),
    deviceSpamDetected: row.flag('overall_device_spam'),
    spamChecks: readSpamChecks(row),
  };
}

/** GetNumberHealthList: rows under `data`, paging under `pagination`. */
export function readNumberHealthPage(
  answer: WireRecord,
  requestedPage: number | undefined,
  ctx: ReadContext,
): HpNumberHealthPage {
  const pagination = answer.child('pagination');
  const items = listUnder(answer, ['data', 'results', 'Results']).map((row) => readNumber(row, ctx));
  return {
    items,
    page: pagination?.number('page') ?? requestedPage ?? 1,
    perPage: pagination?.number('per_page') ?? null,
    total: pagination?.number('total') ?? null,
    totalPages: pagination?.number('total_pages') ?? null,
  };
}
