import { modelVersionLabel } from './model-version-label';

/** Which model read an image, from the version it recorded (effectiveModelVersion). */
export interface ModelThatRead {
  readonly kind: 'shipped' | 'adapted';
  /** The shipped model's version: an adapted model's base. */
  readonly version: string;
  /** The adapted weights' fingerprint ("lab.<8 hex>"), for an adapted model. */
  readonly adaptation?: string;
  /** In words: "shipped model v1 · 0587e54e", "adapted model lab.1a2b3c4d (from v1 · 0587e54e)". */
  readonly text: string;
}

/** Reads `<version>` or `<version>+<adaptation id>` back into which model it was. */
export function modelThatRead(recorded: string): ModelThatRead {
  const plus = recorded.indexOf('+');
  if (plus < 0) return { kind: 'shipped', version: recorded, text: `shipped model ${modelVersionLabel(recorded)}` };
  const version = recorded.slice(0, plus);
  const adaptation = recorded.slice(plus + 1);
  return {
    kind: 'adapted',
    version,
    adaptation,
    text: `adapted model ${adaptation} (from ${modelVersionLabel(version)})`,
  };
}
