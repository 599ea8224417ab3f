import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { UsageError } from './output';

/**
 * Secrets never come from argv (it is visible to every user via ps): the API key is read from
 * CALLSIDE_API_KEY, or else one line on stdin. At a terminal the typed key is not echoed.
 */
export async function readApiKey(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const fromEnv = env.CALLSIDE_API_KEY;
  if (fromEnv !== undefined && fromEnv.trim() !== '') return fromEnv.trim();
  const interactive = process.stdin.isTTY === true;
  if (interactive) process.stderr.write('API key: ');
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const reader = createInterface({
    input: process.stdin,
    output: interactive ? silent : undefined,
    terminal: interactive,
  });
  try {
    const line = await new Promise<string | null>((resolve) => {
      reader.once('line', resolve);
      reader.once('close', () => resolve(null));
    });
    if (interactive) process.stderr.write('\n');
    if (line === null || line.trim() === '') {
      throw new UsageError('no API key: set CALLSIDE_API_KEY or pass the key as one line on stdin.');
    }
    return line.trim();
  } finally {
    reader.close();
  }
}
