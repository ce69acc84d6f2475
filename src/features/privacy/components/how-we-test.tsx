import type { Ref } from 'react';

/** The policy this page was served with: read from the page itself, so it cannot drift from the truth. */
function servedPolicy(): string | undefined {
  return document.querySelector<HTMLMetaElement>('meta[http-equiv="Content-Security-Policy"]')?.content;
}

const CODE = 'rounded bg-slate-100 px-1 py-0.5 text-xs break-words dark:bg-slate-800';

/** How we check that nothing leaves the device: the policy, the offline cache and the request log. */
export function HowWeTest({ headingRef }: { headingRef: Ref<HTMLHeadingElement> }) {
  const policy = servedPolicy();
  return (
    <section aria-labelledby="how-we-test-heading" className="flex flex-col gap-3 text-sm" data-testid="how-we-test">
      <h2 id="how-we-test-heading" ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
        How we test this
      </h2>
      <h3 className="font-semibold">The browser blocks any other destination</h3>
      <p>
        The app is served with a Content-Security-Policy that lets the page and its analysis worker fetch only from this
        site. Even if a bug or a malicious library tried to send an image elsewhere, the browser would refuse the
        connection. There are no fonts, scripts or analytics from anywhere else, and no inline scripts.
      </p>
      <p>
        This page's policy:{' '}
        {policy ? (
          <code className={CODE} data-testid="served-csp">
            {policy}
          </code>
        ) : (
          <span>none (this is Vite's development server; the built app always has one).</span>
        )}
      </p>
      <p>
        An automated test opens the app and runs <code className={CODE}>fetch('https://example.org')</code> in it: the
        browser must refuse it and report the policy violation.
      </p>
      <h3 className="font-semibold">It works with the network gone</h3>
      <p>
        On the first visit a service worker saves the app, the analysis worker, the WebAssembly engine, the model and
        the practice images on this device ("Ready offline" at the top). A test then cuts the network, reloads the page,
        and checks that the model loads and a blood smear image is classified.
      </p>
      <h3 className="font-semibold">Every request is logged</h3>
      <p>
        Every end-to-end test records each request the page, the analysis worker and the service worker make. A test
        fails if a single request went to any other site; and once the model is ready, analysing images must make no
        request at all. You can check it yourself: open your browser's developer tools, Network tab, and drop an image.
      </p>
    </section>
  );
}
