import { create } from 'zustand';
import { bridge } from '../bridge';
import { messageOf } from '../lib/errors';

/**
 * Note drafts as the agent types them. Main keeps them (per workspace, across reloads and
 * restarts); this side decides when to send: a short pause after the last keystroke, at once
 * when the composer goes away (another lead, Esc) and when the page is hidden or unloaded.
 *
 * Each lead's writes go out one after another, so a save typed before "Add note" can never
 * land after the discard that follows the saved note and bring the draft back.
 */

/** Short enough that a reload a moment after typing finds the draft, long enough not to write per key. */
export const DRAFT_SAVE_DELAY_MS = 400;

type DraftStatus = { state: 'saving' } | { state: 'saved' } | { state: 'failed'; message: string };

interface DraftState {
  /** Per lead: what became of the latest write; absent when there is no draft to speak of. */
  status: Record<string, DraftStatus>;
}

export const useDraftStore = create<DraftState>(() => ({ status: {} }));

const pending = new Map<string, { text: string; timer: ReturnType<typeof setTimeout> }>();
const chains = new Map<string, Promise<void>>();

function setStatus(leadId: string, status: DraftStatus | null): void {
  useDraftStore.setState((state) => {
    const next = { ...state.status };
    if (status) next[leadId] = status;
    else delete next[leadId];
    return { status: next };
  });
}

/** Runs one write for a lead after the ones before it. */
function enqueue(leadId: string, write: () => Promise<void>): Promise<void> {
  const next = (chains.get(leadId) ?? Promise.resolve()).then(write);
  const settled = next.catch(() => undefined);
  chains.set(leadId, settled);
  void settled.then(() => {
    if (chains.get(leadId) === settled) chains.delete(leadId);
  });
  return next;
}

function send(leadId: string, text: string): Promise<void> {
  setStatus(leadId, { state: 'saving' });
  return enqueue(leadId, async () => {
    try {
      const draft = await bridge.invoke('draft.save', { leadId, text });
      // A newer keystroke is already waiting: its own save will say how it went.
      if (pending.has(leadId)) return;
      setStatus(leadId, draft ? { state: 'saved' } : null);
    } catch (error) {
      setStatus(leadId, { state: 'failed', message: messageOf(error) });
    }
  });
}

/** The lead's kept draft, or '' when it has none (or main cannot say). */
export async function loadDraft(leadId: string): Promise<string> {
  try {
    const draft = await bridge.invoke('draft.get', { leadId });
    if (draft) setStatus(leadId, { state: 'saved' });
    return draft?.text ?? '';
  } catch {
    return '';
  }
}

/** The agent typed: save after a pause, restarting the pause with every keystroke. */
export function queueDraft(leadId: string, text: string): void {
  const waiting = pending.get(leadId);
  if (waiting) clearTimeout(waiting.timer);
  const timer = setTimeout(() => void flushDraft(leadId), DRAFT_SAVE_DELAY_MS);
  pending.set(leadId, { text, timer });
}

/** Sends the lead's waiting keystrokes now (the composer is going away). */
export function flushDraft(leadId: string): Promise<void> {
  const waiting = pending.get(leadId);
  if (!waiting) return chains.get(leadId) ?? Promise.resolve();
  clearTimeout(waiting.timer);
  pending.delete(leadId);
  return send(leadId, waiting.text);
}

export function flushAllDrafts(): void {
  for (const leadId of [...pending.keys()]) void flushDraft(leadId);
}

/** Where the browser host's bridge moved its token (bridge/index.ts); read only to send while leaving. */
const BROWSER_TOKEN_KEY = 'callside.token';

/**
 * The page is being unloaded (reload, tab closed). In the browser host a WebSocket message sent
 * now may never leave, so the waiting keystrokes go as a keepalive POST to the same bridge,
 * which the browser finishes after the page is gone. Electron's IPC message leaves at once.
 */
function flushWhileLeaving(): void {
  if (window.callside) {
    flushAllDrafts();
    return;
  }
  const token = sessionStorage.getItem(BROWSER_TOKEN_KEY) ?? '';
  for (const [leadId, waiting] of [...pending]) {
    clearTimeout(waiting.timer);
    pending.delete(leadId);
    void fetch('/bridge/draft.save', {
      method: 'POST',
      keepalive: true,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ leadId, text: waiting.text }),
    }).catch(() => undefined);
  }
}

/** Throws the lead's draft away: the note was saved, or the agent said so. */
export function discardDraft(leadId: string): Promise<void> {
  const waiting = pending.get(leadId);
  if (waiting) clearTimeout(waiting.timer);
  pending.delete(leadId);
  setStatus(leadId, null);
  return enqueue(leadId, async () => {
    try {
      await bridge.invoke('draft.discard', { leadId });
    } catch (error) {
      setStatus(leadId, { state: 'failed', message: messageOf(error) });
    }
  });
}

// A page going away (reload, tab closed, window hidden to the tray) sends what is waiting.
if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', flushWhileLeaving);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushAllDrafts();
  });
}
