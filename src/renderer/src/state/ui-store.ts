import { create } from 'zustand';

export type View = 'leads' | 'settings';

interface UiState {
  view: View;
  show(view: View): void;
}

/** Which screen is up. Kept apart from the data stores so switching views never refetches. */
export const useUiStore = create<UiState>((set) => ({
  view: 'leads',
  show: (view) => set({ view }),
}));
