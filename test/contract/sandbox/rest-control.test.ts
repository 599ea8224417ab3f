import { describe, expect, it } from 'vitest';
import { startCallhubSandbox, startCallinglySandbox } from '../../../src/sandbox';

/**
 * The REST simulators' shared control surface over HTTP: faults and variants are read and
 * replaced through it, a bad body is refused with 400 and changes nothing, and each simulator
 * validates against its own fault kinds.
 */
describe.each([
  ['Callingly', () => startCallinglySandbox({ leads: 5 }), 'http5xx'],
  ['CallHub', () => startCallhubSandbox({ contacts: 12 }), 'http5xx'],
] as const)('%s simulator control surface', (_name, start, kind) => {
  it('replaces faults and variants, refuses a bad body, and answers 404 for an unknown route', async () => {
    const sandbox = await start();
    try {
      const post = (path: string, body: unknown) =>
        fetch(`${sandbox.controlUrl}${path}`, { method: 'POST', body: JSON.stringify(body) });
      const set = await post('/faults', { next: [kind] });
      expect(set.status).toBe(200);
      expect(await set.json()).toMatchObject({ next: [kind] });

      const bad = await post('/faults', { next: ['no-such-fault'] });
      expect(bad.status).toBe(400);
      expect(await (await fetch(`${sandbox.controlUrl}/faults`)).json()).toMatchObject({ next: [kind] });

      const variants = await post('/variants', { mode: 'first' });
      expect(await variants.json()).toMatchObject({ mode: 'first', sites: expect.anything() });
      expect((await post('/variants', { mode: 'sideways' })).status).toBe(400);

      expect((await fetch(`${sandbox.controlUrl}/nothing`)).status).toBe(404);
      await post('/counters/reset', {});
      expect(await (await fetch(`${sandbox.controlUrl}/counters`)).json()).toBeTypeOf('object');
    } finally {
      await sandbox.close();
    }
  });
});
