import type { Group } from '../../../../shared/domain';
import { normalizePhone } from '../../../normalize/phones';
import type { CallinglyAgent } from '../types';
import type { WireRow } from './row';

/** A user of `GET /agents` [CL:76]: `donotdisturb` 0/1, `is_available` true/false (either spelling either way). */
export function readAgent(row: WireRow, zone: string): CallinglyAgent {
  const name = `${row.text('fname')} ${row.text('lname')}`.trim() || row.text('name');
  return {
    id: row.id('id'),
    name,
    phone: normalizePhone(row.text('phone_number')),
    timezone: row.optionalText('timezone'),
    doNotDisturb: row.flag('donotdisturb') ?? false,
    doNotDisturbUntil: row.time('donotdisturb_until', zone),
    available: row.flag('is_available'),
  };
}

/** A team [CL:39]: teams are Callside's groups. */
export function readTeam(row: WireRow): Group {
  return { id: row.id('id'), title: row.text('name') };
}
