import type { Queryable } from '../driver';

/** One numbered schema step. `up` runs inside the migration transaction; never edit a shipped one. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Queryable): Promise<void>;
}
