import { spawn, spawnSync } from 'node:child_process';

const VITE = 'node_modules/vite/bin/vite.js';

/** `vite build` into `dist` (its own folder, so it never disturbs another build or server). */
export function buildInto(dist: string): void {
  console.log(`building into ${dist} …`);
  const built = spawnSync(process.execPath, [VITE, 'build', '--outDir', dist, '--emptyOutDir'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (built.status !== 0) throw new Error('vite build failed');
}

/** Serves `dist` with `vite preview` on `port`; resolves with its URL and a stop function once it answers. */
export async function startPreview(dist: string, port: number): Promise<{ url: string; stop: () => void }> {
  // Vite itself, not through npx: killing it then really stops the server.
  const child = spawn(process.execPath, [VITE, 'preview', '--port', String(port), '--strictPort', '--outDir', dist], {
    stdio: 'ignore',
  });
  const url = `http://localhost:${port}`;
  const up = async () =>
    fetch(url).then(
      (r) => r.ok,
      () => false,
    );
  for (let i = 0; i < 150 && !(await up()); i++) await new Promise((r) => setTimeout(r, 200));
  if (!(await up())) {
    child.kill();
    throw new Error(`vite preview did not answer on ${url}`);
  }
  // Whatever ends this process, even a crash past every finally, ends the server with it.
  const stop = () => {
    child.kill();
    process.off('exit', stop);
  };
  process.on('exit', stop);
  return { url, stop };
}
