/**
 * Wraps the named async methods of an API so that they run one after another, each waiting for
 * the one before to settle. The classifier is one object: a request that folds a case's
 * calibration into it and awaits its reading must not let another request (an image of another
 * case, a heatmap) run on those weights meanwhile.
 */
export function oneAtATime<T extends object>(api: T, methods: readonly (keyof T)[]): T {
  let tail: Promise<unknown> = Promise.resolve();
  const wrapped = { ...api };
  for (const name of methods) {
    const method = api[name];
    if (typeof method !== 'function') throw new Error(`${String(name)} is not a method`);
    const run = (...args: unknown[]) => {
      const result = tail.then(() => (method as (...a: unknown[]) => Promise<unknown>).apply(api, args));
      tail = result.catch(() => undefined);
      return result;
    };
    (wrapped as Record<keyof T, unknown>)[name] = run;
  }
  return wrapped;
}
