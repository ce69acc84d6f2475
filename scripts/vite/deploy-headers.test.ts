import { describe, expect, it } from 'vitest';
import { headersFile, nginxSnippet, parseHeadersFile, parseNginxSnippet } from './deploy-headers';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META, SECURITY_HEADERS } from './security-headers';

describe('security headers', () => {
  it('the header policy is the meta policy plus frame-ancestors, which a meta tag cannot carry', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(`${CONTENT_SECURITY_POLICY_META}; frame-ancestors 'none'`);
    expect(CONTENT_SECURITY_POLICY_META).not.toContain('frame-ancestors');
  });

  it('asks for nosniff, no referrer and the camera for this origin only', () => {
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
    expect(SECURITY_HEADERS['Referrer-Policy']).toBe('no-referrer');
    const features = SECURITY_HEADERS['Permissions-Policy'].split(', ');
    expect(features).toContain('camera=(self)');
    expect(features.filter((f) => !f.endsWith('=()'))).toEqual(['camera=(self)']);
    expect(features).toContain('microphone=()');
    expect(features).toContain('geolocation=()');
  });

  it('makes the page cross-origin isolated, which the WASM backend needs for threads', () => {
    expect(SECURITY_HEADERS['Cross-Origin-Opener-Policy']).toBe('same-origin');
    expect(SECURITY_HEADERS['Cross-Origin-Embedder-Policy']).toBe('require-corp');
  });
});

describe('deploy header files', () => {
  it('a _headers file puts every header on every path, and reads back the same', () => {
    const text = headersFile(SECURITY_HEADERS);
    expect(text).toMatch(/^\/\*$/m);
    expect(parseHeadersFile(text)).toEqual(SECURITY_HEADERS);
  });

  it('an nginx snippet sends every header on every answer (always), and reads back the same', () => {
    const text = nginxSnippet(SECURITY_HEADERS);
    expect(text).toContain(`add_header X-Content-Type-Options "nosniff" always;`);
    expect(parseNginxSnippet(text)).toEqual(SECURITY_HEADERS);
  });

  it('the readers do not invent headers: other paths and other directives are left out', () => {
    expect(parseHeadersFile('/assets/*\n  Cache-Control: immutable\n/*\n  A-B: c\n')).toEqual({ 'A-B': 'c' });
    expect(parseNginxSnippet('add_header A "b";\n# add_header C "d" always;\nadd_header E "f" always;\n')).toEqual({
      E: 'f',
    });
  });

  it('refuses a value that would break out of the file syntax', () => {
    expect(() => nginxSnippet({ 'X-A': 'a" ; return 200 "b' })).toThrow(/X-A/);
    expect(() => headersFile({ 'X-A': 'a\n/admin/*' })).toThrow(/X-A/);
  });
});
