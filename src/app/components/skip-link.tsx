import type { MouseEvent } from 'react';

export const MAIN_ID = 'main-content';

/**
 * The first stop for keyboard and screen-reader users: jumps past the header and navigation.
 * It moves focus itself instead of following "#main-content", because the app routes by hash
 * and that fragment would be read as an unknown page.
 */
export function SkipLink() {
  const skip = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    document.getElementById(MAIN_ID)?.focus();
  };
  return (
    <a
      href={`#${MAIN_ID}`}
      onClick={skip}
      data-testid="skip-link"
      className="sr-only rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:bg-blue-500 dark:text-slate-950"
    >
      Skip to content
    </a>
  );
}
