/** The shortcuts, where the agent looks: learning them is how the eight hours get shorter. */
export function QueueHints() {
  return (
    <p className="queue-hints" aria-label="Keyboard shortcuts">
      <kbd>↑</kbd>
      <kbd>↓</kbd> or <kbd>j</kbd>
      <kbd>k</kbd> move · <kbd>Enter</kbd> open · <kbd>n</kbd> next · <kbd>/</kbd> search · <kbd>t</kbd> tags ·{' '}
      <kbd>e</kbd> note · <kbd>Esc</kbd> back
    </p>
  );
}
