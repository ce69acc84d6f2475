import type { ReactNode } from 'react';
import { Button } from '@/components/button';

/** The Case page's sections, in page order: each names the element that takes focus when chosen. */
export const CASE_SECTIONS = [
  { label: 'Differential', target: 'tally-heading' },
  { label: 'Gallery', target: 'gallery-heading' },
  { label: 'Review queue', target: 'review-heading' },
  { label: 'Fields', target: 'case-fields-heading' },
  { label: 'Report', target: 'case-print-report' },
] as const;

const BAR_ID = 'case-sections';

/** Scrolls a section into view below the bar and moves focus there, so the keys act on it at once. */
export function goToSection(target: string): void {
  const el = document.getElementById(target);
  if (!el) return;
  el.scrollIntoView({ block: 'start' });
  window.scrollBy(0, -((document.getElementById(BAR_ID)?.getBoundingClientRect().height ?? 0) + 8));
  el.focus({ preventScroll: true });
}

/**
 * A bar that stays at the top of the window while the Case page scrolls: each section one click
 * (or Tab and Enter) away, however long the gallery grows; `children` (undo and redo) at its end.
 */
export function CaseSectionBar({ children }: { children?: ReactNode }) {
  return (
    <div
      id={BAR_ID}
      className="sticky top-0 z-20 -mx-2 flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-slate-200 bg-slate-50/95 px-2 py-1.5 backdrop-blur dark:border-slate-800 dark:bg-slate-950/95"
    >
      <nav aria-label="Case sections" data-testid="case-sections" className="flex flex-wrap gap-1">
        {CASE_SECTIONS.map((s) => (
          <Button key={s.target} variant="ghost" className="!px-2 !py-1" onClick={() => goToSection(s.target)}>
            {s.label}
          </Button>
        ))}
      </nav>
      {children}
    </div>
  );
}
