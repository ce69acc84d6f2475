/** True when the page was opened with `?debug`: the e2e tests and `npm run bench` ask for their hooks so. */
export function debugRequested(search: string): boolean {
  return new URLSearchParams(search).has('debug');
}
