import { spawnSync } from 'node:child_process';

/** Runs one of our tsx scripts as a user would, capturing its exit code and output (for tests). */
export function runScript(script: string, args: string[], timeoutMs = 600_000) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8', timeout: timeoutMs });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
