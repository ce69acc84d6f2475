import { useSyncExternalStore } from 'react';

export const PRACTICE_MODES = ['quiz', 'drill', 'test', 'progress'] as const;
export type PracticeMode = (typeof PRACTICE_MODES)[number];

/**
 * Which part of Practice the hash names (#/practice/drill?seed=k7f2qm&cells=100 → drill, with
 * its parameters), so that a drill's link opens that drill on another device. The quiz when
 * nothing (or something unknown) is named.
 */
export function usePracticeRoute(): { mode: PracticeMode; params: URLSearchParams } {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?');
  const sub = path.split('/')[1] ?? '';
  const mode = (PRACTICE_MODES as readonly string[]).includes(sub) ? (sub as PracticeMode) : 'quiz';
  return { mode, params: new URLSearchParams(query) };
}

/** The hash of a part of Practice, as a link's href. */
export function practiceHref(mode: PracticeMode, params?: Record<string, string>): string {
  const query = params ? `?${new URLSearchParams(params).toString()}` : '';
  return `#/practice${mode === 'quiz' ? '' : `/${mode}`}${query}`;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}
