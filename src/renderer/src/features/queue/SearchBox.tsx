import { useEffect, useState } from 'react';
import { FOCUS_IDS, focusTarget } from '../../app/focus';
import { useQueueStore } from '../../state/queue-store';

/** Long enough to skip the keystrokes of a word being typed, short enough to feel instant. */
const SEARCH_DEBOUNCE_MS = 180;

export function SearchBox() {
  const applied = useQueueStore((state) => state.filters.search);
  const setFilters = useQueueStore((state) => state.setFilters);
  const [text, setText] = useState(applied);
  const [lastApplied, setLastApplied] = useState(applied);

  // An outside change (a reset for another account, "Clear filters") shows in the box too.
  if (applied !== lastApplied) {
    setLastApplied(applied);
    setText(applied);
  }

  useEffect(() => {
    if (text === applied) return;
    const timer = setTimeout(() => setFilters({ search: text }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, applied, setFilters]);

  return (
    <div className="search">
      <label htmlFor={FOCUS_IDS.search} className="visually-hidden">
        Search leads
      </label>
      <input
        id={FOCUS_IDS.search}
        type="search"
        placeholder="Search name, phone, email…   /"
        autoComplete="off"
        spellCheck={false}
        value={text}
        maxLength={200}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            // Apply now rather than after the pause, and go to the results.
            setFilters({ search: text });
            focusTarget('list');
            event.preventDefault();
          } else if (event.key === 'Escape' && text) {
            setText('');
            setFilters({ search: '' });
            event.preventDefault();
          } else if (event.key === 'ArrowDown') {
            focusTarget('list');
            event.preventDefault();
          }
        }}
      />
    </div>
  );
}
