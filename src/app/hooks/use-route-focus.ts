import { useEffect, useRef } from 'react';
import { MAIN_ID } from '@/app/components/skip-link';

/**
 * After a page change the old page's focused element is gone: focus moves to the new page's main
 * content (not on the first load, which starts at the top), so that Tab and screen readers go on
 * from there, unless the new page has put focus somewhere inside it.
 */
export function useRouteFocus(route: string): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // The new page may already have focused a place in itself (#/privacy/how-we-test focuses
    // that section): its effect runs before this one, and taking focus back would lose it.
    const main = document.getElementById(MAIN_ID);
    if (main && !main.contains(document.activeElement)) main.focus();
  }, [route]);
}
