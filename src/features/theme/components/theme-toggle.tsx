import { SegmentedControl } from '@/components/segmented-control';
import { useThemeStore, type ThemeChoice } from '../stores/theme-store';

const OPTIONS: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'Auto' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function ThemeToggle() {
  const theme = useThemeStore((s) => s.theme);
  const setTheme = useThemeStore((s) => s.setTheme);
  return <SegmentedControl label="Colour theme" value={theme} options={OPTIONS} onChange={setTheme} />;
}
