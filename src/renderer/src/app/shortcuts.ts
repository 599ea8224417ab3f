import { useEffect } from 'react';
import { useLeadStore } from '../state/lead-store';
import { leadAt, useQueueStore } from '../state/queue-store';
import { useUiStore } from '../state/ui-store';
import { FOCUS_IDS, focusTarget } from './focus';

function isTextField(element: Element | null): boolean {
  if (!(element instanceof HTMLElement)) return false;
  if (element.isContentEditable) return true;
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  if (!(element instanceof HTMLInputElement)) return false;
  return !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(element.type);
}

/** Where list navigation keys belong: the list itself, or nowhere in particular. */
function isListOrPage(element: Element | null): boolean {
  return element === null || element === document.body || element.id === FOCUS_IDS.list;
}

/**
 * Esc in a field: back to the queue's list, or, where the list is not on screen (a narrow
 * window shows the lead alone), simply out of the field, so the next Esc closes the lead.
 */
function leaveField(active: Element | null): void {
  focusTarget('list');
  if (document.activeElement === active && active instanceof HTMLElement) active.blur();
}

function openSelected(): void {
  const queue = useQueueStore.getState();
  const lead = leadAt(queue, queue.selectedIndex);
  if (lead) void useLeadStore.getState().open(lead.id);
}

/**
 * The agent's keyboard: ↑/↓ and j/k move, Enter opens, / search, n next lead, t tags, e note,
 * Esc back. Letters never fire while the agent is typing, and nothing fires under a dialog.
 */
export function useWorkspaceShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (document.querySelector('dialog[open]')) return;
      const active = document.activeElement;
      const typing = isTextField(active);
      const ui = useUiStore.getState();
      const lead = useLeadStore.getState();
      const queue = useQueueStore.getState();

      if (event.key === 'Escape') {
        if (ui.view === 'settings') {
          // In a field Esc leaves the field (what was typed stays); the next Esc leaves Settings.
          if (typing && active instanceof HTMLElement) active.blur();
          else ui.show('leads');
        } else if (!isListOrPage(active)) {
          leaveField(active);
        } else if (lead.leadId) {
          lead.close();
          // In a narrow window the queue shows again only once the lead has gone: focus it after that.
          if (!focusTarget('list') || document.activeElement?.id !== FOCUS_IDS.list) {
            setTimeout(() => focusTarget('list'), 0);
          }
        } else {
          return;
        }
        event.preventDefault();
        return;
      }
      if (typing || ui.view !== 'leads') return;

      const listKeys = isListOrPage(active);
      switch (event.key) {
        case 'ArrowDown':
          if (!listKeys) return;
          queue.move(1);
          break;
        case 'ArrowUp':
          if (!listKeys) return;
          queue.move(-1);
          break;
        case 'PageDown':
          if (!listKeys) return;
          queue.move(10);
          break;
        case 'PageUp':
          if (!listKeys) return;
          queue.move(-10);
          break;
        case 'Home':
          if (!listKeys) return;
          queue.select(0);
          break;
        case 'End':
          if (!listKeys) return;
          queue.select(queue.count - 1);
          break;
        case 'j':
          queue.move(1);
          break;
        case 'k':
          queue.move(-1);
          break;
        case 'Enter':
          if (!listKeys) return;
          openSelected();
          break;
        case 'n':
          // By identity, not position: a sync or filter that reorders the list neither skips nor repeats a lead.
          void queue.next(lead.leadId).then((next) => {
            if (next && next !== 'end') void useLeadStore.getState().open(next.id);
          });
          break;
        case '/':
          focusTarget('search');
          break;
        case 't':
          if (!lead.leadId || !focusTarget('tags')) return;
          break;
        case 'e':
          if (!lead.leadId || !focusTarget('note')) return;
          break;
        default:
          return;
      }
      // Handled: no page scroll for arrows, and no stray letter typed into a field just focused.
      event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
