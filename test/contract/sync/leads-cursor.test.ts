import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/core/cache/driver';
import type { HotProspectorSandbox } from '../../../src/sandbox';
import { clientFor, openTestCache, requests, startSandbox, workspaceFor } from '../../helpers/sync';

/**
 * Issue 9, "the leads cursor committed before its page": the pull's own code must write a
 * group's leads and the cursor that moves past that group in one transaction. Here the WRITE
 * of one group's page fails (not its fetch): if the cursor had been committed on its own, the
 * next run would resume after that group and its leads would never arrive.
 */
describe('the leads cursor and its page', () => {
  let sb: HotProspectorSandbox;
  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(() => sb.close());

  it("a group whose page write fails is pulled again by the next run, all of that group's leads", async () => {
    const cache = await openTestCache();
    const workspace = workspaceFor(cache, () => clientFor(sb));
    // A lead in exactly one group, not the first group: its insert happens only in that page.
    const groups = sb.state.data.groups.map((g) => g.id);
    const victim = sb.state.data.leads.find((l) => l.groupIds.length === 1 && l.groupIds[0] !== groups[0]);
    if (!victim) throw new Error('the dataset has no single-group lead');
    const groupK = String(victim.groupIds[0]);
    const leadsOfK = sb.state.data.leads
      .filter((l) => l.groupIds.map(String).includes(groupK))
      .map((l) => String(l.id));
    expect(leadsOfK.length).toBeGreaterThan(1);

    // Disk trouble for exactly that row, through a second connection: a persistent trigger is
    // seen by every connection to the file, so the pull's own page transaction fails.
    const other = await openDatabase(cache.path);
    let k = -1;
    let passLength = 0;
    try {
      await other.exec(`CREATE TRIGGER disk_trouble BEFORE INSERT ON leads WHEN NEW.id = '${victim.id}'
        BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
      await expect(workspace.pull()).rejects.toMatchObject({ code: 'storage', message: /disk trouble/ });
      // Nothing of the group's page landed: the page is one transaction.
      expect(await cache.leads.get(String(victim.id))).toBeNull();
      const cursor = (await cache.syncCursors.get('leads'))?.value as { pass: { groupIds: string[]; next: number } };
      k = cursor.pass.groupIds.indexOf(groupK);
      passLength = cursor.pass.groupIds.length;
      expect(k).toBeGreaterThan(0);
      // The cursor still points at group k: the run resumes there, not after it.
      expect(cursor.pass.next).toBe(k);
      await other.exec('DROP TRIGGER disk_trouble');
    } finally {
      await other.close();
    }

    const searches = requests(sb, 'SearchByUserInput');
    await workspace.pull();
    // An incremental run: it resumed at group k instead of starting the pass over.
    expect(requests(sb, 'SearchByUserInput') - searches).toBe(passLength - k);

    const cached = await cache.leads.getMany(leadsOfK);
    expect(cached.map((l) => l.id)).toEqual(leadsOfK);
    for (const lead of cached) expect(lead.groupIds).toContain(groupK);
    expect(await cache.leads.count()).toBe(sb.state.data.leads.length);
  });
});
