import { useEffect, type RefObject } from 'react';

/**
 * Scrolls to and focuses a section when the URL asks for it (#/privacy/how-we-test): the app
 * routes by hash, so an ordinary #fragment cannot point into a page.
 */
export function useFocusSection(section: string, ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const focus = () => {
      if (!location.hash.endsWith(`/${section}`)) return;
      ref.current?.scrollIntoView({ block: 'start' });
      ref.current?.focus({ preventScroll: true });
    };
    focus();
    window.addEventListener('hashchange', focus);
    return () => window.removeEventListener('hashchange', focus);
  }, [section, ref]);
}
