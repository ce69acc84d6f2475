import { spawn, type ChildProcess } from 'node:child_process';

export const PREVIEW_URL = 'http://localhost:4173';

async function serverUp(): Promise<boolean> {
  try {
    return (await fetch(PREVIEW_URL)).ok;
  } catch {
    return false;
  }
}

/** Starts `vite preview` on the built app unless one already answers; returns a stop function. */
export async function ensurePreview(): Promise<() => void> {
  if (await serverUp()) return () => {};
  // Vite itself, not through npx: killing it then really stops the server.
  const vite = 'node_modules/vite/bin/vite.js';
  const child: ChildProcess = spawn(process.execPath, [vite, 'preview', '--port', '4173', '--strictPort'], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 150 && !(await serverUp()); i++) await new Promise((r) => setTimeout(r, 200));
  if (!(await serverUp())) throw new Error('vite preview did not start: run `npm run build` first.');
  return () => child.kill();
}
