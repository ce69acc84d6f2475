import { useEffect, type RefObject } from 'react';

/**
 * On a phone the app's header fills most of the screen: the quiz is scrolled to the top so the
 * image and every answer are in view without scrolling. What loads above it in the first seconds
 * (the model's status, notices) would push it down again, so it is realigned on each change of
 * the page's size until the user scrolls or touches the page. A new `step` (the next cell of a
 * drill or test, whose image may be another size) aligns it again.
 */
export function useKeepInViewOnPhone(section: RefObject<HTMLElement | null>, step?: string) {
  useEffect(() => {
    if (!window.matchMedia('(max-width: 639px)').matches) return;
    const align = () => section.current?.scrollIntoView({ block: 'start' });
    align();
    const resized = new ResizeObserver(align);
    resized.observe(document.documentElement);
    const stop = () => {
      resized.disconnect();
      for (const type of ['wheel', 'touchstart', 'keydown'] as const) window.removeEventListener(type, stop);
    };
    for (const type of ['wheel', 'touchstart', 'keydown'] as const)
      window.addEventListener(type, stop, { passive: true });
    const timer = setTimeout(stop, 10_000);
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [section, step]);
}
