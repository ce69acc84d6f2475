/**
 * A model version as people read it. Versions are "<generation>.<8 hex of the weights' hash>"
 * (training/export_tfjs.py), plus "+<adaptation id>" for a lab's adapted weights; written raw,
 * "1.0587e54e" reads as a number in scientific notation. Shown as "v1 · 0587e54e" (and
 * "v1 · 0587e54e · adapted lab.1a2b3c4d"); anything else is shown as it is.
 */
export function modelVersionLabel(version: string): string {
  const match = /^(\d+)\.([0-9a-f]{6,})(?:\+(.+))?$/i.exec(version);
  if (!match) return version;
  const [, generation, hash, adaptation] = match;
  return `v${generation} · ${hash}${adaptation ? ` · adapted ${adaptation}` : ''}`;
}
