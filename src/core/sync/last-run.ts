import { z } from 'zod';

/** When the last complete pull finished: the status bar's "data as of …". */
export const lastRunSchema = z.object({ completedAt: z.string(), full: z.boolean() });
