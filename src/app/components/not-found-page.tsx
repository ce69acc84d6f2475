import { FOCUS_RING } from '@/components/button';

/** A hash the app has no page for (a mistyped or outdated link): says so and leads home. */
export function NotFoundPage({ route }: { route: string }) {
  return (
    <section aria-labelledby="not-found-title" className="flex flex-col items-start gap-3" data-testid="not-found">
      <h2 id="not-found-title" className="text-xl font-semibold">
        Page not found
      </h2>
      <p className="text-sm text-slate-700 dark:text-slate-200">
        This app has no page called “{route}”. The link may be mistyped or from an older version.
      </p>
      <a
        href="#/"
        className={`rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800 dark:bg-blue-500 dark:text-slate-950 dark:hover:bg-blue-400 ${FOCUS_RING}`}
      >
        Go to the Analyse page
      </a>
    </section>
  );
}
