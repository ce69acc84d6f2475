import { create } from 'zustand';

export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'hematovision.theme';

function initial(): ThemeChoice {
  try {
    const saved = localStorage.getItem(KEY);
    return saved === 'light' || saved === 'dark' ? saved : 'system';
  } catch {
    return 'system';
  }
}

export const useThemeStore = create<{ theme: ThemeChoice; setTheme: (t: ThemeChoice) => void }>((set) => ({
  theme: initial(),
  setTheme: (theme) => {
    try {
      localStorage.setItem(KEY, theme);
    } catch {
      // Not persisted when storage is off.
    }
    set({ theme });
  },
}));
