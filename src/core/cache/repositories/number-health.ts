import type { NumberHealth } from '../../../shared/domain';
import type { Queryable } from '../driver';
import { parseJsonColumn } from './json-column';
import { writePage } from './json-page';

/** Spam-flag checks of the account's own caller-id numbers. */
export interface NumberHealthRepository {
  upsertMany(numbers: readonly NumberHealth[]): Promise<number>;
  list(): Promise<NumberHealth[]>;
}

const UPSERT = `
INSERT INTO number_health (phone_id, phone_number, spam_detected, carriers, last_checked_at)
SELECT value ->> 'phoneId', value ->> 'phoneNumber', value ->> 'spamDetected', value ->> 'carriers',
       value ->> 'lastCheckedAt'
FROM json_each(?1) WHERE true
ON CONFLICT (phone_id) DO UPDATE SET
  phone_number = excluded.phone_number, spam_detected = excluded.spam_detected,
  carriers = excluded.carriers, last_checked_at = excluded.last_checked_at`;

interface NumberHealthRow {
  phone_id: string;
  phone_number: string;
  spam_detected: number;
  carriers: string;
  last_checked_at: string | null;
}

export function createNumberHealthRepository(db: Queryable): NumberHealthRepository {
  return {
    upsertMany: (numbers) =>
      writePage(
        db,
        UPSERT,
        numbers.map((n) => ({ ...n, spamDetected: n.spamDetected ? 1 : 0, carriers: JSON.stringify(n.carriers) })),
      ),
    async list() {
      const rows = await db.all<NumberHealthRow>(
        'SELECT phone_id, phone_number, spam_detected, carriers, last_checked_at FROM number_health ORDER BY phone_number',
      );
      return rows.map((row) => ({
        phoneId: row.phone_id,
        phoneNumber: row.phone_number,
        spamDetected: row.spam_detected === 1,
        carriers: parseJsonColumn<NumberHealth['carriers']>(row.carriers, 'number health carriers'),
        lastCheckedAt: row.last_checked_at,
      }));
    },
  };
}
