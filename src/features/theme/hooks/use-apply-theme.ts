import { useLayoutEffect } from 'react';
import { useThemeStore } from '../stores/theme-store';

/** Puts the `dark` class on <html> for the chosen theme, following the OS when it is "system". */
export function useApplyTheme(): void {
  const theme = useThemeStore((s) => s.theme);
  // A layout effect: the class is set before the first paint, so a dark page never flashes light.
  useLayoutEffect(() => {
    const media = matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      const dark = theme === 'dark' || (theme === 'system' && media.matches);
      document.documentElement.classList.toggle('dark', dark);
      document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
    };
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [theme]);
}
