/**
 * Element ids the keyboard shortcuts move focus to. Shortcuts live in one place (shortcuts.ts)
 * while the elements live in small components; ids are the lightest link between the two.
 */
export const FOCUS_IDS = {
  search: 'queue-search',
  list: 'lead-list',
  tags: 'tag-input',
  note: 'note-input',
} as const;

export type FocusTarget = keyof typeof FOCUS_IDS;

export function focusTarget(target: FocusTarget): boolean {
  const element = document.getElementById(FOCUS_IDS[target]);
  if (!element) return false;
  element.focus();
  return true;
}
