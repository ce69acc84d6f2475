import { spawn, type ChildProcess } from 'node:child_process';

/** Same conventions as playwright.config.ts: PW_PORT and PW_DIST let parallel runs keep apart. */
const PORT = Number(process.env.PW_PORT ?? 4173);
const DIST = process.env.PW_DIST;
export const PREVIEW_URL = `http://localhost:${PORT}`;

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
  const args = ['node_modules/vite/bin/vite.js', 'preview', '--port', String(PORT), '--strictPort'];
  if (DIST) args.push('--outDir', DIST);
  const child: ChildProcess = spawn(process.execPath, args, { stdio: 'ignore' });
  for (let i = 0; i < 150 && !(await serverUp()); i++) await new Promise((r) => setTimeout(r, 200));
  if (!(await serverUp())) throw new Error('vite preview did not start: run `npm run build` first.');
  return () => child.kill();
}
