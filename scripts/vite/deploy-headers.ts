/** Where the build puts each host's header file, relative to the build folder. */
export const HEADERS_FILE = '_headers';
export const NGINX_SNIPPET = 'deploy/nginx-security-headers.conf';

/** A value that would break out of either file's syntax is refused at build time. */
function checked(headers: Readonly<Record<string, string>>): [string, string][] {
  return Object.entries(headers).map(([name, value]) => {
    if (!/^[A-Za-z-]+$/.test(name) || /["\r\n\\$]/.test(value)) throw new Error(`Header ${name} cannot be written.`);
    return [name, value];
  });
}

/**
 * Netlify's and Cloudflare Pages' `_headers` file, in the build folder's root: the headers go
 * on every path the host serves (the hosts read this file; they do not publish it).
 */
export function headersFile(headers: Readonly<Record<string, string>>): string {
  const lines = checked(headers).map(([name, value]) => `  ${name}: ${value}`);
  return [
    '# Security headers for every file (Netlify, Cloudflare Pages). Written by the build from',
    '# scripts/vite/security-headers.ts: change them there.',
    '/*',
    ...lines,
    '',
  ].join('\n');
}

/**
 * An nginx snippet, to `include` in the server block that serves the build folder. `always`
 * puts the headers on error pages too. nginx drops a server block's add_header lines in any
 * location that has add_header lines of its own: include the snippet there as well.
 */
export function nginxSnippet(headers: Readonly<Record<string, string>>): string {
  const lines = checked(headers).map(([name, value]) => `add_header ${name} "${value}" always;`);
  return [
    '# Security headers for HematoVision. Written by the build from scripts/vite/security-headers.ts:',
    '# change them there. Use: `include /path/to/nginx-security-headers.conf;` in the server block,',
    '# and again in every location block that has add_header lines of its own.',
    ...lines,
    '',
  ].join('\n');
}

/** Reads a `_headers` file's rules for `/*` back into name → value. */
export function parseHeadersFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let inAll = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || !line.trim()) continue;
    if (!/^\s/.test(line)) {
      inAll = line.trim() === '/*';
      continue;
    }
    const at = line.indexOf(':');
    if (inAll && at > 0) out[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return out;
}

/** Reads an nginx snippet's `add_header Name "value" always;` lines back into name → value. */
export function parseNginxSnippet(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/^add_header\s+([A-Za-z-]+)\s+"([^"]*)"\s+always;$/gm)) out[m[1]] = m[2];
  return out;
}
