import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from './security-headers';
import { serviceWorkerHeadersScript } from './service-worker-headers';

type FetchListener = (event: { respondWith: (r: Response | Promise<Response>) => void }) => void;

/**
 * Runs the script in a bare context standing in for a service worker, then a listener standing
 * in for Workbox (registered after it) answers one fetch with `answer`; resolves with what the
 * browser would get.
 */
async function served(answer: Response): Promise<Response> {
  const listeners: FetchListener[] = [];
  const self = { addEventListener: (type: string, l: FetchListener) => type === 'fetch' && listeners.push(l) };
  runInNewContext(serviceWorkerHeadersScript(SECURITY_HEADERS), { self, Headers, Response });
  listeners.push((event) => event.respondWith(Promise.resolve(answer)));
  let given: Promise<Response> | undefined;
  const event = { respondWith: (r: Response | Promise<Response>) => void (given = Promise.resolve(r)) };
  for (const listener of listeners) listener(event);
  if (!given) throw new Error('nothing answered');
  return given;
}

describe('the service worker headers', () => {
  it('add every security and isolation header to an answer that has none, body and status kept', async () => {
    const response = await served(
      new Response('<html>app</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
    );
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response.headers.get(name)).toBe(value);
    expect(response.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(response.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
    expect(response.headers.get('Content-Type')).toBe('text/html');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<html>app</html>');
  });

  it("leave the host's own headers as it sent them", async () => {
    const response = await served(
      new Response('x', {
        headers: { 'Content-Security-Policy': "default-src 'self'", 'Referrer-Policy': 'same-origin' },
      }),
    );
    expect(response.headers.get('Content-Security-Policy')).toBe("default-src 'self'");
    expect(response.headers.get('Referrer-Policy')).toBe('same-origin');
    expect(response.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
  });

  it('pass an error answer through with its status', async () => {
    const response = await served(new Response('gone', { status: 404, statusText: 'Not Found' }));
    expect(response.status).toBe(404);
    expect(response.statusText).toBe('Not Found');
    expect(response.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
  });
});
