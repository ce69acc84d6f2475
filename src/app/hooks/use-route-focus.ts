import { useEffect, useRef } from 'react';
import { MAIN_ID } from '@/app/components/skip-link';

/**
 * After a page change the old page's focused element is gone: focus moves to the new page's main
 * content (not on the first load, which starts at the top), so that Tab and screen readers go on
 * from there.
 */
export function useRouteFocus(route: string): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById(MAIN_ID)?.focus();
  }, [route]);
}
