import { useSyncExternalStore } from 'react';

/** The page named by the URL's hash (#/practice → 'practice'); '' for the analysis page. */
export function useHashRoute(): string {
  return useSyncExternalStore(subscribe, read, () => '');
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function read(): string {
  return window.location.hash.replace(/^#\/?/, '').split(/[?/]/)[0];
}
