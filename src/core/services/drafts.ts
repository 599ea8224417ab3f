import { basename, join } from 'node:path';
import { z } from 'zod';
import { MAX_DRAFT_LENGTH, type Draft } from '../../shared/contract/draft-channels';
import { createJsonStateFile, type StateFile } from '../settings/json-state-file';
import type { ActiveWorkspace } from './workspace';

/**
 * The agent's unsaved notes, one per lead and workspace, kept in `drafts.json` in the data
 * folder so they outlive lead switches, reloads and restarts (the browser host's origin
 * changes with its port, so the page's own storage would not).
 *
 * Every call reads the file afresh and writes it back within the same synchronous step, so two
 * windows of one host saving at once cannot interleave: each write changes its own lead only
 * and the later one wins for that lead. Reading afresh also picks up what another process on
 * this data folder wrote in the meantime.
 */

const storedDraftSchema = z.object({
  leadId: z.string().min(1).max(128),
  text: z.string().max(MAX_DRAFT_LENGTH),
  savedAt: z.string(),
});

export const draftStateSchema = z.object({
  version: z.literal(1),
  /** Per workspace (its cache file's name), newest draft last. A list, not a record: a lead id is provider text. */
  workspaces: z.record(z.string(), z.array(storedDraftSchema)),
});
export type DraftState = z.infer<typeof draftStateSchema>;
export const emptyDraftState = (): DraftState => ({ version: 1, workspaces: {} });

/**
 * Drafts kept per workspace. A drafts file is rewritten as the agent types, so it is kept
 * small: past this many, the oldest untouched drafts go first.
 */
export const MAX_DRAFTS_PER_WORKSPACE = 200;

/** Which workspace a draft belongs to: the name of its cache file, stable across runs (the demo's port is not). */
export function draftWorkspaceKey(workspace: Pick<ActiveWorkspace, 'kind' | 'cache'>): string {
  return `${workspace.kind}:${basename(workspace.cache.path).replace(/\.sqlite$/, '')}`;
}

export class DraftStore {
  private readonly file: StateFile<DraftState>;
  private readonly now: () => number;

  constructor(options: { dataDir: string; now?: () => number } | { file: StateFile<DraftState>; now?: () => number }) {
    this.file =
      'file' in options
        ? options.file
        : createJsonStateFile(join(options.dataDir, 'drafts.json'), draftStateSchema, emptyDraftState);
    this.now = options.now ?? Date.now;
  }

  get(workspace: string, leadId: string): Draft | null {
    const found = this.file.read().workspaces[workspace]?.find((draft) => draft.leadId === leadId);
    return found ? { ...found } : null;
  }

  /** Replaces the lead's draft; blank text removes it. Answers the draft as stored (null when removed). */
  save(workspace: string, leadId: string, text: string): Draft | null {
    if (!text.trim()) {
      this.discard(workspace, leadId);
      return null;
    }
    const draft: Draft = { leadId, text, savedAt: new Date(this.now()).toISOString() };
    this.update(workspace, (drafts) => [...drafts.filter((d) => d.leadId !== leadId), draft]);
    return { ...draft };
  }

  discard(workspace: string, leadId: string): boolean {
    let found = false;
    this.update(workspace, (drafts) => {
      const kept = drafts.filter((d) => d.leadId !== leadId);
      found = kept.length !== drafts.length;
      return kept;
    });
    return found;
  }

  /** Read, change, write with no await in between: nothing else in this process runs meanwhile. */
  private update(workspace: string, change: (drafts: Draft[]) => Draft[]): void {
    const state = this.file.read();
    const before = state.workspaces[workspace] ?? [];
    const after = change(before).slice(-MAX_DRAFTS_PER_WORKSPACE);
    if (after.length === 0 && before.length === 0) return;
    const workspaces = { ...state.workspaces };
    if (after.length === 0) delete workspaces[workspace];
    else workspaces[workspace] = after;
    this.file.write({ version: 1, workspaces });
  }
}
