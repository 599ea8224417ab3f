import type { Lead } from '../../../shared/domain';
import type { Queryable } from '../driver';
import { isE164 } from '../phone-digits';
import { LEAD_COLUMNS, toLead, type LeadRow } from './lead-rows';

export interface PhoneLookup {
  /**
   * Screen pop: the lead whose phone or mobile is this E.164 number; when several share it, the
   * one touched most recently. Turning "+1 (555) 123-4567" into E.164 is the caller's job; any
   * other spelling finds nothing.
   */
  findLead(e164: string): Promise<Lead | null>;
  /** Every lead with this number, most recently touched first. */
  findLeads(e164: string, limit?: number): Promise<Lead[]>;
}

/** Both conditions of each branch name a partial index (leads_by_phone, leads_by_mobile). */
const BY_PHONE = `
SELECT ${LEAD_COLUMNS}
FROM leads l
WHERE (l.phone = ?1 AND l.phone <> '') OR (l.mobile = ?1 AND l.mobile <> '')
ORDER BY l.last_touch_ms DESC NULLS LAST, l.phone = ?1 DESC, l.id
LIMIT ?2`;

export function createPhoneLookup(db: Queryable): PhoneLookup {
  const findLeads = async (e164: string, limit = 20) => {
    if (!isE164(e164)) return [];
    const rows = await db.all<LeadRow>(BY_PHONE, [e164, limit]);
    return rows.map(toLead);
  };
  return {
    findLeads,
    async findLead(e164) {
      return (await findLeads(e164, 1))[0] ?? null;
    },
  };
}
