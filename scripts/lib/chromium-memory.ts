import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessPeak {
  /** Chromium's process type ('renderer', 'gpu-process', 'utility (…)'), 'browser' for the root. */
  readonly type: string;
  readonly pid: number;
  /** Peak resident set (VmHWM), bytes. */
  readonly hwm: number;
}

/** Peak resident set (VmHWM, from /proc) of every process below `root`, by Chromium process type. */
export function peakResident(root: number): ProcessPeak[] {
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended while we looked
    }
  }
  const below = (pid: number): boolean => pid === root || (parent.has(pid) && below(parent.get(pid) ?? 0));
  const out: ProcessPeak[] = [];
  for (const pid of parent.keys()) {
    if (!below(pid)) continue;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const hwm = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const type = /--type=([\w-]+)/.exec(cmd)?.[1] ?? 'browser';
      const utility = /--utility-sub-type=([\w.]+)/.exec(cmd)?.[1];
      out.push({ type: utility ? `${type} (${utility})` : type, pid, hwm });
    } catch {
      // gone
    }
  }
  return out;
}

/** Peak resident set of the largest renderer process below `root`, bytes. */
export function rendererPeak(root: number): number {
  return Math.max(
    0,
    ...peakResident(root)
      .filter((p) => p.type === 'renderer')
      .map((p) => p.hwm),
  );
}
