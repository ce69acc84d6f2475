import { modelVersionLabel } from './model-version-label';

/** Which model read an image, from the version it recorded (effectiveModelVersion). */
export interface ModelThatRead {
  readonly kind: 'shipped' | 'adapted';
  /** The shipped model's version: an adapted model's base. */
  readonly version: string;
  /** The adapted weights' fingerprint ("lab.<8 hex>"), for an adapted model. */
  readonly adaptation?: string;
  /** The lab profile those weights are kept as, when this browser still keeps it. */
  readonly profile?: string;
  /**
   * In words: "shipped model v1 · 0587e54e", "lab profile “Lab 2, Wright stain” (adapted model
   * lab.1a2b3c4d from v1 · 0587e54e)", or without the profile's name once it is no longer kept.
   */
  readonly text: string;
}

/** The names of the lab profiles kept in this browser, by id (LabProfile.id), as last read. */
let profileNames: ReadonlyMap<string, string> = new Map();

/** Tells the formatter the profiles' names (the profile list does, whenever it is read). */
export function knowLabProfileNames(names: ReadonlyMap<string, string>): void {
  profileNames = names;
}

/** Reads `<version>` or `<version>+<adaptation id>` back into which model it was. */
export function modelThatRead(recorded: string, names: ReadonlyMap<string, string> = profileNames): ModelThatRead {
  const plus = recorded.indexOf('+');
  if (plus < 0) return { kind: 'shipped', version: recorded, text: `shipped model ${modelVersionLabel(recorded)}` };
  const version = recorded.slice(0, plus);
  const adaptation = recorded.slice(plus + 1);
  const profile = names.get(adaptation);
  return {
    kind: 'adapted',
    version,
    adaptation,
    ...(profile === undefined
      ? { text: `adapted model ${adaptation} (from ${modelVersionLabel(version)})` }
      : { profile, text: `lab profile “${profile}” (adapted model ${adaptation} from ${modelVersionLabel(version)})` }),
  };
}
